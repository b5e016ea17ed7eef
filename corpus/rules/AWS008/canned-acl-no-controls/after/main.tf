# Access logs of the load balancer.
resource "aws_s3_bucket" "logs" {
  bucket = "example-alb-logs"
}

resource "aws_s3_bucket_ownership_controls" "logs" {
  bucket = aws_s3_bucket.logs.id

  rule {
    object_ownership = "BucketOwnerPreferred"
  }
}

resource "aws_s3_bucket_acl" "logs" {
  # The log delivery group writes here.
  bucket     = aws_s3_bucket.logs.id
  acl        = "log-delivery-write" # required by the delivery service
  depends_on = [aws_s3_bucket_ownership_controls.logs]
}
