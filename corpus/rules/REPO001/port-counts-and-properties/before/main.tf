locals {
  buckets = {
    logs  = "logs"
    media = "media"
  }
}

variable "subnet_count" {
  type    = number
  default = 3
}

resource "aws_s3_bucket" "this" {
  for_each = local.buckets

  bucket = "acme-${each.value}"
}

resource "aws_subnet" "private" {
  count = var.subnet_count

  vpc_id                  = "vpc-123"
  cidr_block              = cidrsubnet("10.0.0.0/16", 8, count.index)
  map_public_ip_on_launch = false
}

resource "aws_flow_log" "vpc" {
  vpc_id               = "vpc-123"
  traffic_type         = "ALL"
  log_destination_type = "s3"
}
