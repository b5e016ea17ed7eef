terraform {
  required_version = ">= 1.7"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 3.74"
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
  acl    = "log-delivery-write" # for the load balancers

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256"
      }
    }
  }
}

resource "aws_s3_bucket" "sites" {
  for_each = var.sites
  provider = aws.edge
  bucket   = each.value

  # served by the CDN
  website {
    index_document = "index.html"
    error_document = "${each.key}/404.html"
  }

  versioning {
    enabled = true
  }
}
