terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 4.0"
    }
  }
}

# the site bucket
resource "aws_s3_bucket" "site" {
  bucket              = "example-site"
  object_lock_enabled = true

  tags = {
    Name = "site"
  }
}

resource "aws_s3_bucket_acl" "site" {
  bucket = aws_s3_bucket.site.id

  # canned ACL
  acl = "public-read"
}

import {
  to = aws_s3_bucket_acl.site
  id = "example-site,public-read"
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id

  policy = data.aws_iam_policy_document.site.json # from the document below
}

import {
  to = aws_s3_bucket_policy.site
  id = "example-site"
}

resource "aws_s3_bucket_accelerate_configuration" "site" {
  bucket = aws_s3_bucket.site.id

  status = "Enabled"
}

import {
  to = aws_s3_bucket_accelerate_configuration.site
  id = "example-site"
}

resource "aws_s3_bucket_request_payment_configuration" "site" {
  bucket = aws_s3_bucket.site.id

  payer = "BucketOwner"
}

import {
  to = aws_s3_bucket_request_payment_configuration.site
  id = "example-site"
}

resource "aws_s3_bucket_logging" "site" {
  bucket = aws_s3_bucket.site.id

  target_bucket = "example-logs" # the log bucket
  target_prefix = "site/"
}

import {
  to = aws_s3_bucket_logging.site
  id = "example-site"
}

resource "aws_s3_bucket_versioning" "site" {
  bucket = aws_s3_bucket.site.id

  # keep history
  versioning_configuration {
    status     = "Enabled"
    mfa_delete = "Disabled"
  }
}

import {
  to = aws_s3_bucket_versioning.site
  id = "example-site"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "site" {
  bucket = aws_s3_bucket.site.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

import {
  to = aws_s3_bucket_server_side_encryption_configuration.site
  id = "example-site"
}

resource "aws_s3_bucket_cors_configuration" "site" {
  bucket = aws_s3_bucket.site.id

  cors_rule {
    allowed_methods = ["GET"]
    allowed_origins = ["*"]
  }
  cors_rule {
    allowed_methods = ["PUT"] # uploads
    allowed_origins = ["https://example.com"]
  }
}

import {
  to = aws_s3_bucket_cors_configuration.site
  id = "example-site"
}

resource "aws_s3_bucket_website_configuration" "site" {
  bucket = aws_s3_bucket.site.id

  index_document {
    suffix = "index.html"
  }
  error_document {
    key = "error.html"
  }
}

import {
  to = aws_s3_bucket_website_configuration.site
  id = "example-site"
}

resource "aws_s3_bucket_object_lock_configuration" "site" {
  bucket = aws_s3_bucket.site.id

  rule {
    default_retention {
      mode = "GOVERNANCE"
      days = 1
    }
  }
}

import {
  to = aws_s3_bucket_object_lock_configuration.site
  id = "example-site"
}

resource "aws_s3_bucket_lifecycle_configuration" "site" {
  bucket = aws_s3_bucket.site.id

  # expire old logs
  rule {
    id     = "expire"
    status = "Enabled"
    # only the logs
    filter {
      and {
        prefix = "logs/"
        tags = {
          autoclean = "true"
        }
      }
    }
    transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }
    expiration {
      days = 90
    }
  }

  rule {
    id     = "uploads"
    status = "Disabled" # not yet
    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
    noncurrent_version_expiration {
      noncurrent_days = 30
    }
  }
}

import {
  to = aws_s3_bucket_lifecycle_configuration.site
  id = "example-site"
}

resource "aws_s3_bucket_replication_configuration" "site" {
  bucket = aws_s3_bucket.site.id

  role = aws_iam_role.replication.arn

  # to the backup region
  rule {
    id       = "backup"
    priority = 1
    status   = "Enabled"
    filter {
      prefix = "site/"
    }
    delete_marker_replication {
      status = "Disabled"
    }
    destination {
      bucket        = aws_s3_bucket.backup.arn
      storage_class = "STANDARD_IA" # cheaper
    }
  }
}

import {
  to = aws_s3_bucket_replication_configuration.site
  id = "example-site"
}
