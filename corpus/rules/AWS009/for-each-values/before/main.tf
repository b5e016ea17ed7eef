locals {
  groups = {
    api = {
      description = "API pública"
      port        = 443
    }
    cache = {
      description = "Redis cache"
      port        = 6379
    }
  }
}

resource "aws_security_group" "this" {
  for_each = local.groups

  name        = each.key
  description = each.value.description
}
