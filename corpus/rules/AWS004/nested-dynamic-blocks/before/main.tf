variable "breaker" {
  type    = bool
  default = true
}

resource "aws_ecs_service" "app" {
  name = "app"

  deployment_configuration {
    minimum_healthy_percent = 100

    dynamic "deployment_circuit_breaker" {
      for_each = var.breaker ? [1] : []
      content {
        enable   = true
        rollback = true
      }
    }

    dynamic "lifecycle_hook" {
      for_each = var.hooks
      content {
        hook_target_arn  = lifecycle_hook.value.arn
        role_arn         = var.role
        lifecycle_stages = ["PRE_SCALE_UP"]
      }
    }
  }
}
