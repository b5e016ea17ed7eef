resource "aws_elasticache_replication_group" "redis" {
  description = "cache"
}
