terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
    awscc = {
      source = "hashicorp/awscc"
    }
  }
}

# The AWS Cloud Control provider mirrors the ECS API: here the nested form is right.
resource "awscc_ecs_service" "app" {
  service_name = "app"
  cluster      = aws_ecs_cluster.main.id

  deployment_configuration = {
    maximum_percent         = 200
    minimum_healthy_percent = 100
    deployment_circuit_breaker = {
      enable   = true
      rollback = true
    }
  }
}

resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 256
  memory                   = 512
  container_definitions    = jsonencode([{ name = "app", image = "nginx" }])
}

module "service" {
  source = "./modules/service"

  deployment_configuration = {
    maximum_percent         = 200
    minimum_healthy_percent = 100
  }
}

resource "aws_ecs_service" "attribute_form" {
  name = "attribute_form"

  lifecycle {
    ignore_changes = [deployment_configuration]
  }
}
