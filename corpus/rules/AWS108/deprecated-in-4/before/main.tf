terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 4.0"
    }
  }
}

resource "aws_elasticache_replication_group" "redis" {
  replication_group_id          = "redis"
  replication_group_description = "cache"
  number_cache_clusters         = 2
}

resource "aws_s3_bucket" "logs" {
  bucket = "logs"
  acl    = "log-delivery-write"

  versioning {
    enabled = true
  }
}
