variable "environment_suffix" {
  type = string
}

resource "aws_s3_bucket" "punycode" {
  bucket = "xn--logs-${var.environment_suffix}"
}

resource "aws_s3_bucket" "sthree" {
  bucket_prefix = "sthree-artifacts-"
}

resource "aws_s3_bucket" "demo" {
  bucket = "amzn-s3-demo-bucket"
}

resource "aws_s3_bucket" "alias_suffix" {
  bucket = "data-${var.environment_suffix}-s3alias"
}

resource "aws_s3_bucket" "mrap" {
  bucket = "global.mrap"
}

# Fine: the reserved text is not at the start or the end.
resource "aws_s3_bucket" "fine" {
  bucket = "logs-xn--${var.environment_suffix}-s3alias-copy"
}

# Fine: a prefix gets a random suffix, so a reserved suffix cannot apply.
resource "aws_s3_bucket" "prefix" {
  bucket_prefix = "logs--x-s3"
}

# Fine: directory buckets must end with --x-s3.
resource "aws_s3_directory_bucket" "express" {
  bucket = "fast--usw2-az1--x-s3"

  location {
    name = "usw2-az1"
  }
}
