variable "services" {
  type    = set(string)
  default = ["api", "worker"]
}

resource "aws_appautoscaling_target" "svc" {
  for_each = var.services

  max_capacity       = 4
  min_capacity       = 1
  resource_id        = "service/main/${each.key}"
  scalable_dimension = "ecs:service:DesiredCount"
  service_namespace  = "ecs"
}

resource "aws_appautoscaling_policy" "cpu" {
  for_each = var.services

  name               = "${each.key}-cpu"
  policy_type        = "TargetTrackingScaling"
  resource_id        = "service/main/${each.key}"
  scalable_dimension = "ecs:service:DesiredCount"
  service_namespace  = "ecs"
  depends_on         = [aws_appautoscaling_target.svc]

  target_tracking_scaling_policy_configuration {
    target_value = 70
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}
