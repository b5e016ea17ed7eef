resource "aws_s3_bucket" "media" {
  bucket = "example-media"
}

resource "aws_s3_bucket_ownership_controls" "media" {
  bucket = aws_s3_bucket.media.id

  rule {
    object_ownership = "BucketOwnerPreferred"
  }
}

resource "aws_s3_bucket_acl" "media" {
  bucket     = aws_s3_bucket.media.id
  acl        = "public-read"
  depends_on = [aws_s3_bucket_ownership_controls.media]
}
