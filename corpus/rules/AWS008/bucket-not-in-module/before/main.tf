variable "bucket_name" {
  type = string
}

resource "aws_s3_bucket_acl" "existing" {
  bucket = var.bucket_name
  acl    = "log-delivery-write"
}

resource "aws_s3_bucket_acl" "by_name" {
  bucket = "legacy-bucket-from-2019"
  acl    = "public-read"
}

resource "aws_s3_bucket" "optional" {
  count  = 0
  bucket = "example-optional"
}

resource "aws_s3_bucket_acl" "optional" {
  count  = 0
  bucket = aws_s3_bucket.optional[0].id
  acl    = "public-read"
}

resource "aws_s3_bucket" "legacy" {
  count  = 0
  bucket = "example-legacy"
  acl    = "public-read"
}
