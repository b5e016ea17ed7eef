resource "aws_s3_bucket" "b" {
  bucket = "b"

  lifecycle_rule {
    id      = "to_glacier"
    enabled = true

    transition = {
      days          = 30,
      storage_class = "GLACIER",
    }
  }
}
