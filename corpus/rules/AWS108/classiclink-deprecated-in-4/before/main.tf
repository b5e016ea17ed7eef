terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 4.60"
    }
  }
}

resource "aws_vpc" "main" {
  cidr_block         = "10.0.0.0/16"
  enable_classiclink = false
}

resource "aws_autoscaling_group" "app" {
  max_size = 2
  min_size = 1

  tags = [
    {
      key                 = "Name"
      value               = "app"
      propagate_at_launch = true
    },
  ]
}

# Deprecated in 4.66: cpu_options is the replacement.
resource "aws_instance" "app" {
  ami            = "ami-0123456789abcdef0"
  instance_type  = "c5.xlarge"
  cpu_core_count = 2
}
