resource "aws_appautoscaling_target" "api" {
  max_capacity       = 4
  min_capacity       = 1
  resource_id        = "service/main/api"
  scalable_dimension = "ecs:service:DesiredCount"
  service_namespace  = "ecs"
}

variable "policy_type" {
  type = string
}

resource "aws_appautoscaling_policy" "off" {
  count = 0

  name               = "api-off"
  policy_type        = "TargetTrackingScaling"
  resource_id        = aws_appautoscaling_target.api.resource_id
  scalable_dimension = aws_appautoscaling_target.api.scalable_dimension
  service_namespace  = aws_appautoscaling_target.api.service_namespace

  target_tracking_scaling_policy_configuration {
    target_value = 70
  }
}

resource "aws_appautoscaling_policy" "given" {
  name               = "api-given"
  policy_type        = var.policy_type
  resource_id        = aws_appautoscaling_target.api.resource_id
  scalable_dimension = aws_appautoscaling_target.api.scalable_dimension
  service_namespace  = aws_appautoscaling_target.api.service_namespace

  target_tracking_scaling_policy_configuration {
    target_value = 70
  }
}
