terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 3.0"
    }
  }
}

# the site bucket
resource "aws_s3_bucket" "site" {
  bucket = "example-site"
  # canned ACL
  acl    = "public-read"
  policy = data.aws_iam_policy_document.site.json # from the document below

  acceleration_status = "Enabled"
  request_payer       = "BucketOwner"

  versioning {
    # keep history
    enabled    = true
    mfa_delete = false
  }

  logging {
    target_bucket = "example-logs" # the log bucket
    target_prefix = "site/"
  }

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256"
      }
    }
  }

  cors_rule {
    allowed_methods = ["GET"]
    allowed_origins = ["*"]
  }

  cors_rule {
    allowed_methods = ["PUT"] # uploads
    allowed_origins = ["https://example.com"]
  }

  website {
    index_document = "index.html"
    error_document = "error.html"
  }

  object_lock_configuration {
    object_lock_enabled = "Enabled"
    rule {
      default_retention {
        mode = "GOVERNANCE"
        days = 1
      }
    }
  }

  # expire old logs
  lifecycle_rule {
    id      = "expire"
    enabled = true
    prefix  = "logs/" # only the logs

    tags = {
      autoclean = "true"
    }

    transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }

    expiration {
      days = 90
    }
  }

  lifecycle_rule {
    id                                     = "uploads"
    enabled                                = false # not yet
    abort_incomplete_multipart_upload_days = 7

    noncurrent_version_expiration {
      days = 30
    }
  }

  replication_configuration {
    role = aws_iam_role.replication.arn

    # to the backup region
    rules {
      id       = "backup"
      priority = 1
      status   = "Enabled"

      filter {
        prefix = "site/"
      }

      destination {
        bucket        = aws_s3_bucket.backup.arn
        storage_class = "STANDARD_IA" # cheaper
      }
    }
  }

  tags = {
    Name = "site"
  }
}
