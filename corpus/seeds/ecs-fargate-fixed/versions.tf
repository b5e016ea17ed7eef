terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.5"
    }
  }

  # Partial configuration: bucket, key and region come from `terraform init -backend-config=...`.
  backend "s3" {}
}

provider "aws" {
  region = var.aws_region

  default_tags {
    tags = {
      Project     = "microservices-platform"
      Environment = var.environment_suffix
      ManagedBy   = "terraform"
    }
  }
}
