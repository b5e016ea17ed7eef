# Terraform is the single source of truth for this stack; there is no CDK app.
resource "aws_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_hostnames = true
  enable_dns_support   = true

  tags = {
    Name = "vpc-${var.environment_suffix}"
  }
}

variable "environment_suffix" {
  description = "Suffix that keeps resource names unique per environment"
  type        = string
}
