terraform {
  required_version = ">= 1.7"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 4.0"
    }
  }
}

variable "sites" {
  type    = map(string)
  default = { docs = "example-docs", blog = "example-blog" }
}

# one log bucket per region
resource "aws_s3_bucket" "logs" {
  count  = 2
  bucket = "example-logs-${count.index}"
}

resource "aws_s3_bucket_acl" "logs" {
  count = 2

  bucket = aws_s3_bucket.logs[count.index].id

  acl = "log-delivery-write" # for the load balancers
}

import {
  for_each = aws_s3_bucket.logs
  to       = aws_s3_bucket_acl.logs[each.key]
  id       = "${each.value.id},log-delivery-write"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  count = 2

  bucket = aws_s3_bucket.logs[count.index].id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

import {
  for_each = aws_s3_bucket.logs
  to       = aws_s3_bucket_server_side_encryption_configuration.logs[each.key]
  id       = each.value.id
}

resource "aws_s3_bucket" "sites" {
  for_each = var.sites
  provider = aws.edge
  bucket   = each.value
}

resource "aws_s3_bucket_versioning" "sites" {
  for_each = var.sites
  provider = aws.edge

  bucket = aws_s3_bucket.sites[each.key].id

  versioning_configuration {
    status = "Enabled"
  }
}

import {
  for_each = aws_s3_bucket.sites
  to       = aws_s3_bucket_versioning.sites[each.key]
  id       = each.value.id
}

resource "aws_s3_bucket_website_configuration" "sites" {
  for_each = var.sites
  provider = aws.edge

  bucket = aws_s3_bucket.sites[each.key].id

  # served by the CDN
  index_document {
    suffix = "index.html"
  }
  error_document {
    key = "${each.key}/404.html"
  }
}

import {
  for_each = aws_s3_bucket.sites
  to       = aws_s3_bucket_website_configuration.sites[each.key]
  id       = each.value.id
}
