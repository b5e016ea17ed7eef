variable "env" {
  type = string
}

variable "vpc_id" {
  type = string
}

resource "aws_ecs_cluster" "main" {
  name = "cluster-${var.env}"
}

resource "aws_ecr_repository" "api" {
  name = "api-${var.env}"
}

resource "aws_lb" "main" {
  name               = "alb-${var.env}"
  load_balancer_type = "application"
}

resource "aws_iam_role" "task" {
  name               = "ecs-task-role"
  assume_role_policy = "{}"
}

resource "aws_sqs_queue" "jobs" {
  name       = "jobs.fifo"
  fifo_queue = true
}

resource "aws_cloudwatch_log_group" "api" {
  name = "/ecs/api"
}

resource "aws_launch_template" "web" {
  name_prefix = "web-"
}

resource "aws_dynamodb_table" "sessions" {
  name         = "user_sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}

# Reported: the VPC comes from outside, so two environments may share it.
resource "aws_security_group" "shared" {
  name   = "shared"
  vpc_id = var.vpc_id
}

# Not reported: names that cannot collide across environments.
resource "aws_appautoscaling_policy" "cpu" {
  name               = "cpu-target-tracking"
  policy_type        = "TargetTrackingScaling"
  resource_id        = "service/cluster/api"
  scalable_dimension = "ecs:service:DesiredCount"
  service_namespace  = "ecs"
}

resource "aws_lb_listener_rule" "api" {
  listener_arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/x/y/z"

  action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/x/y"
  }

  condition {
    path_pattern {
      values = ["/api/*"]
    }
  }

  tags = {
    Name = "api-rule"
  }
}

resource "aws_iam_role" "computed" {
  name               = "role-${var.env}"
  assume_role_policy = "{}"
}

resource "aws_iam_role" "unnamed" {
  assume_role_policy = "{}"
}
