variable "acl" {
  type    = string
  default = null
}

variable "object_ownership" {
  type    = string
  default = "BucketOwnerEnforced"
}

variable "attach_policy" {
  type    = bool
  default = false
}

resource "aws_s3_bucket" "this" {
  bucket = "example-module-bucket"
}

resource "aws_s3_bucket_policy" "this" {
  count  = var.attach_policy ? 1 : 0
  bucket = aws_s3_bucket.this.id
  policy = "{}"
}

resource "aws_s3_bucket_acl" "this" {
  bucket = aws_s3_bucket.this.id
  acl    = var.acl == "null" ? null : var.acl

  depends_on = [aws_s3_bucket_ownership_controls.this]
}

resource "aws_s3_bucket_ownership_controls" "this" {
  bucket = var.attach_policy ? aws_s3_bucket_policy.this[0].id : aws_s3_bucket.this.id

  rule {
    object_ownership = var.object_ownership
  }
}
