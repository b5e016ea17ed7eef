terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

resource "aws_eip" "nat" {
  vpc = true
}

resource "aws_instance" "app" {
  ami                  = "ami-0123456789abcdef0"
  instance_type        = "c5.xlarge"
  cpu_core_count       = 2
  cpu_threads_per_core = 1
}

resource "aws_launch_template" "app" {
  name_prefix = "app-"

  elastic_gpu_specifications {
    type = "eg1.medium"
  }
}

# Not deprecated: the replacement arguments.
resource "aws_eip" "web" {
  domain = "vpc"
}

resource "aws_flow_log" "vpc" {
  log_destination = "arn:aws:logs:eu-west-1:123456789012:log-group:flow"
  traffic_type    = "ALL"
  vpc_id          = "vpc-0123456789abcdef0"
}
