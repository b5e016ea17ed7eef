resource "aws_appautoscaling_target" "api" {
  max_capacity       = 8
  min_capacity       = 1
  resource_id        = "service/main/api"
  scalable_dimension = "ecs:service:DesiredCount"
  service_namespace  = "ecs"
}

# Low watermark: scale in below this.
resource "aws_appautoscaling_policy" "cpu_low" {
  name               = "api-cpu-low"
  policy_type        = "TargetTrackingScaling"
  resource_id        = aws_appautoscaling_target.api.resource_id
  scalable_dimension = aws_appautoscaling_target.api.scalable_dimension
  service_namespace  = aws_appautoscaling_target.api.service_namespace

  target_tracking_scaling_policy_configuration {
    target_value      = var.low_cpu_target
    scale_in_cooldown = 600
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

resource "aws_appautoscaling_policy" "cpu_mid" {
  name        = "api-cpu-mid"
  policy_type = "TargetTrackingScaling"
  # Same target, written in a different layout.
  resource_id = aws_appautoscaling_target.api.resource_id
  scalable_dimension = (
    aws_appautoscaling_target.api.scalable_dimension
  )
  service_namespace = aws_appautoscaling_target.api.service_namespace

  target_tracking_scaling_policy_configuration {
    target_value       = 55
    scale_in_cooldown  = 120
    scale_out_cooldown = 30
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

# The policy that matters.
resource "aws_appautoscaling_policy" "cpu_high" {
  name               = "api-cpu-high"
  policy_type        = "TargetTrackingScaling"
  resource_id        = aws_appautoscaling_target.api.resource_id
  scalable_dimension = aws_appautoscaling_target.api.scalable_dimension
  service_namespace  = aws_appautoscaling_target.api.service_namespace

  target_tracking_scaling_policy_configuration {
    target_value       = var.high_cpu_target
    scale_out_cooldown = 45
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}
