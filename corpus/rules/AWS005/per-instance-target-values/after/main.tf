variable "services" {
  type = map(object({
    cpu_high = number
    cpu_low  = number
  }))
  default = {
    api = {
      cpu_high = 75
      cpu_low  = 25
    }
    web = {
      cpu_high = 60
      cpu_low  = 60
    }
  }
}

resource "aws_appautoscaling_target" "svc" {
  for_each = var.services

  max_capacity       = 4
  min_capacity       = 1
  resource_id        = "service/main/${each.key}"
  scalable_dimension = "ecs:service:DesiredCount"
  service_namespace  = "ecs"
}

# CPU scaling: one policy per direction.

resource "aws_appautoscaling_policy" "cpu_high" {
  for_each = var.services

  name               = "${each.key}-cpu-high"
  policy_type        = "TargetTrackingScaling"
  resource_id        = aws_appautoscaling_target.svc[each.key].resource_id
  scalable_dimension = aws_appautoscaling_target.svc[each.key].scalable_dimension
  service_namespace  = aws_appautoscaling_target.svc[each.key].service_namespace

  target_tracking_scaling_policy_configuration {
    disable_scale_in  = false
    target_value      = each.value.cpu_high
    scale_in_cooldown = 300 # wait before removing tasks
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }

  depends_on = [aws_appautoscaling_target.svc]
}

resource "aws_appautoscaling_policy" "memory" {
  for_each = var.services

  name               = "${each.key}-memory"
  policy_type        = "TargetTrackingScaling"
  resource_id        = aws_appautoscaling_target.svc[each.key].resource_id
  scalable_dimension = aws_appautoscaling_target.svc[each.key].scalable_dimension
  service_namespace  = aws_appautoscaling_target.svc[each.key].service_namespace

  target_tracking_scaling_policy_configuration {
    target_value = 80
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageMemoryUtilization"
    }
  }

  depends_on = [aws_appautoscaling_policy.cpu_high]
}
