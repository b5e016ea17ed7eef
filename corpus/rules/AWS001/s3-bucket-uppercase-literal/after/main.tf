resource "aws_s3_bucket" "logs" {
  bucket = "payments-access-logs"
}

resource "aws_s3_bucket" "archive" {
  bucket = "payments..archive"
}

resource "aws_ecr_repository" "api" {
  name = "payments/api"
}
