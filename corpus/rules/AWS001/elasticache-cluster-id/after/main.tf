variable "environment" {
  type    = string
  default = "staging"
}

resource "aws_elasticache_cluster" "sessions" {
  for_each = {
    web    = "cache.t3.micro"
    mobile = "cache.t3.small"
  }

  cluster_id      = length("${var.environment}-user-session-store-for-the-${each.key}-frontend-app") <= 50 ? "${var.environment}-user-session-store-for-the-${each.key}-frontend-app" : "${trimsuffix(substr("${var.environment}-user-session-store-for-the-${each.key}-frontend-app", 0, 43), "-")}-${substr(md5("${var.environment}-user-session-store-for-the-${each.key}-frontend-app"), 0, 6)}"
  engine          = "redis"
  node_type       = each.value
  num_cache_nodes = 1
}
