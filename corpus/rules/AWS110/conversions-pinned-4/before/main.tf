terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 4.0"
    }
  }
}

resource "aws_s3_bucket" "logs" {
  bucket        = "logs"
  force_destroy = 0

  versioning {
    enabled = "on"
  }
}

resource "aws_s3_bucket" "ok" {
  bucket        = "ok-bucket"
  force_destroy = "1" # go-cty reads "1" as true

  versioning {
    enabled = true
  }
}
