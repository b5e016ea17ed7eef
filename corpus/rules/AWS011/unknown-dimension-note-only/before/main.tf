variable "dimension" {
  type = string
}

resource "aws_appautoscaling_policy" "given" {
  name               = "given"
  policy_type        = "TargetTrackingScaling"
  resource_id        = "service/main/api"
  scalable_dimension = var.dimension
  service_namespace  = "ecs"

  target_tracking_scaling_policy_configuration {
    target_value = 50
  }
}
