resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}

resource "aws_s3_bucket_acl" "data" {
  bucket = aws_s3_bucket.data.id
  acl    = "private"
}

resource "aws_s3_object" "readme" {
  bucket     = aws_s3_bucket.data.id
  key        = "README"
  content    = "hello"
  depends_on = [aws_s3_bucket_acl.data]
}
