resource "aws_s3_bucket" "shared" {
  bucket = "example-shared"

  tags = {
    Team = "data"
  }
}

resource "aws_s3_bucket_ownership_controls" "shared" {
  bucket = aws_s3_bucket.shared.id

  rule {
    object_ownership = "BucketOwnerPreferred"
  }
}
