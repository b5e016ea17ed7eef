resource "aws_s3_bucket" "b" {
  bucket             = "logs"
  bucket_domain_name = "logs.s3.amazonaws.com"
}

resource "aws_s3_bucket" "ok" {
  bucket = "ok"
}
