# Resources without instances: terraform validate still runs the provider's name checks.

variable "name" {
  type    = string
  default = "sg-api"
}

locals {
  role = "worker"
}

# Positive: a literal name, count = 0.
resource "aws_security_group" "alb" {
  count = 0
  name  = "alb-sg"
}

# Positive: built from a local, known without variables; for_each over nothing.
resource "aws_security_group" "workers" {
  for_each = {}
  name     = "${local.role}-sg"
}

# Positive: a KMS alias without "alias/", count = 0.
resource "aws_kms_alias" "data" {
  count         = 0
  name          = "alias/data-key"
  target_key_id = "1234abcd-12ab-34cd-56ef-1234567890ab"
}

# Negative: the name comes from a variable, unknown to validate.
resource "aws_security_group" "api" {
  count = 0
  name  = var.name
}

# Negative: the variable is part of a template.
resource "aws_security_group" "db" {
  count = 0
  name  = "sg-db-${var.name}"
}

# Negative: the provider's check is case-sensitive.
resource "aws_security_group" "upper" {
  count = 0
  name  = "SG-upper"
}

# Negative: S3 checks its reserved prefixes when the bucket is created.
resource "aws_s3_bucket" "logs" {
  count  = 0
  bucket = "xn--logs"
}
