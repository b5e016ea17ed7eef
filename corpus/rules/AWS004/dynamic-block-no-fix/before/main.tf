variable "deployment" {
  type = list(object({
    max = number
    min = number
  }))
  default = []
}

resource "aws_ecs_service" "app" {
  name = "app"

  dynamic "deployment_configuration" {
    for_each = var.deployment
    content {
      maximum_percent         = deployment_configuration.value.max
      minimum_healthy_percent = deployment_configuration.value.min
    }
  }
}
