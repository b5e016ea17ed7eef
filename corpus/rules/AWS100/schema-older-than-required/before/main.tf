terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.42"
    }
  }
}

# bucket_namespace is newer than the bundled 6.25 schema: not reported
resource "aws_s3_bucket" "b" {
  bucket           = "logs"
  bucket_namespace = "account-regional"
}
