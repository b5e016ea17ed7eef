terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 4.0"
    }
  }
}

# 4.x does not deprecate vpc (5.0.0 does), nor log_group_name.
resource "aws_eip" "nat" {
  vpc = true
}

resource "aws_flow_log" "vpc" {
  log_group_name = "flow"
  traffic_type   = "ALL"
  vpc_id         = "vpc-0123456789abcdef0"
}
