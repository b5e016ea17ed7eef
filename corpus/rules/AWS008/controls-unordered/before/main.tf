resource "aws_s3_bucket" "airflow" {
  bucket = "example-airflow"
}

resource "aws_s3_bucket_ownership_controls" "airflow" {
  bucket = aws_s3_bucket.airflow.id

  rule {
    object_ownership = "ObjectWriter"
  }
}

resource "aws_s3_bucket_acl" "airflow" {
  bucket = aws_s3_bucket.airflow.id
  acl    = "private"
}

resource "aws_s3_bucket_public_access_block" "airflow" {
  bucket = aws_s3_bucket.airflow.id
}

resource "aws_s3_bucket" "cdn" {
  bucket = "example-cdn"
}

resource "aws_s3_bucket_ownership_controls" "cdn" {
  bucket = aws_s3_bucket.cdn.id

  rule {
    object_ownership = "BucketOwnerPreferred"
  }
}

resource "aws_s3_bucket_acl" "cdn" {
  bucket     = aws_s3_bucket.cdn.id
  acl        = "public-read"
  depends_on = [aws_s3_bucket_public_access_block.airflow]
}
