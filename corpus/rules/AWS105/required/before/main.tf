terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

resource "aws_elasticache_replication_group" "missing" {
  replication_group_id = "redis"
  node_type            = "cache.t3.micro"
}

resource "aws_elasticache_replication_group" "set" {
  replication_group_id = "redis2"
  description          = "cache"
}
