terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

resource "aws_elasticache_replication_group" "redis" {
  replication_group_id = "redis"
  node_type            = "cache.t3.micro"
}
