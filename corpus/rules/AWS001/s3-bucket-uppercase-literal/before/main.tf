resource "aws_s3_bucket" "logs" {
  bucket = "Payments-Access-Logs"
}

resource "aws_s3_bucket" "archive" {
  bucket = "payments..archive"
}

resource "aws_ecr_repository" "api" {
  name = "Payments/API"
}
