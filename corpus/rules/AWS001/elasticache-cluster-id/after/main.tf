variable "environment" {
  type    = string
  default = "staging"
}

resource "aws_elasticache_cluster" "sessions" {
  for_each = {
    web    = "cache.t3.micro"
    mobile = "cache.t3.small"
  }

  cluster_id      = "${trimsuffix(substr("${var.environment}-user-session-store-for-the", 0, 50 - length("-${each.key}-frontend-app")), "-")}-${each.key}-frontend-app"
  engine          = "redis"
  node_type       = each.value
  num_cache_nodes = 1
}
