terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 3.74"
    }
  }
}

resource "aws_s3_bucket" "scratch" {
  bucket = "example-scratch"

  # versioning was never turned on here
  versioning {
    enabled = false # the module's default
  }
}

resource "aws_s3_bucket" "audit" {
  bucket = "example-audit"

  versioning {
    enabled    = false
    mfa_delete = true # set once by the root account
  }
}
