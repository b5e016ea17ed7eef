resource "aws_s3_bucket" "site" {
  bucket = "example-site"
  acl    = "public-read"

  website {
    index_document = "index.html"
  }
}

variable "log_acl" {
  type    = string
  default = "log-delivery-write"
}

resource "aws_s3_bucket" "logs" {
  bucket = "example-logs"
  acl    = var.log_acl
}

resource "aws_s3_bucket" "private" {
  bucket = "example-private"
  acl    = "private"
}
