resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}

resource "aws_s3_bucket_ownership_controls" "data" {
  bucket = aws_s3_bucket.data.id

  rule {
    object_ownership = "BucketOwnerPreferred"
  }
}

resource "aws_s3_bucket_acl" "data" {
  depends_on = [aws_s3_bucket_ownership_controls.data]

  bucket = aws_s3_bucket.data.id
  acl    = "private"
}

resource "aws_s3_bucket" "logs" {
  bucket = "example-logs"
}

resource "aws_s3_bucket_ownership_controls" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    object_ownership = var.object_ownership
  }
}

resource "aws_s3_bucket_acl" "logs" {
  bucket = aws_s3_bucket_ownership_controls.logs.bucket
  acl    = "log-delivery-write"
}

resource "aws_s3_bucket" "plain" {
  bucket = "example-plain"
  acl    = "private"
}
