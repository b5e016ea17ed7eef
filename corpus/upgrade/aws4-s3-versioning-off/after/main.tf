terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 4.0"
    }
  }
}

resource "aws_s3_bucket" "scratch" {
  bucket = "example-scratch"
}

resource "aws_s3_bucket_versioning" "scratch" {
  bucket = aws_s3_bucket.scratch.id

  # versioning was never turned on here
  versioning_configuration {
    # 3.x "enabled = false": "Disabled" adopts a bucket never versioned;
    # if this bucket ever was, write "Suspended" (the plan refuses "Disabled").
    status = "Disabled" # the module's default
  }
}

import {
  to = aws_s3_bucket_versioning.scratch
  id = "example-scratch"
}

resource "aws_s3_bucket" "audit" {
  bucket = "example-audit"
}

resource "aws_s3_bucket_versioning" "audit" {
  bucket = aws_s3_bucket.audit.id

  versioning_configuration {
    status     = "Suspended"
    mfa_delete = "Enabled" # set once by the root account
  }
}

import {
  to = aws_s3_bucket_versioning.audit
  id = "example-audit"
}
