variable "resource_id" {
  type = string
}

resource "aws_appautoscaling_target" "web" {
  max_capacity       = 4
  min_capacity       = 1
  resource_id        = "service/main/web"
  scalable_dimension = "ecs:service:DesiredCount"
  service_namespace  = "ecs"
}

# Another service: its target is not in this module.
resource "aws_appautoscaling_policy" "api" {
  name               = "api-cpu"
  policy_type        = "TargetTrackingScaling"
  resource_id        = "service/main/api"
  scalable_dimension = "ecs:service:DesiredCount"
  service_namespace  = "ecs"

  target_tracking_scaling_policy_configuration {
    target_value = 70
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

# Given from outside: cannot be shown to be the web target.
resource "aws_appautoscaling_policy" "given" {
  name               = "given-cpu"
  policy_type        = "TargetTrackingScaling"
  resource_id        = var.resource_id
  scalable_dimension = "ecs:service:DesiredCount"
  service_namespace  = "ecs"

  target_tracking_scaling_policy_configuration {
    target_value = 70
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

# No instance: nothing is created.
resource "aws_appautoscaling_policy" "off" {
  count = 0

  name               = "web-cpu"
  policy_type        = "TargetTrackingScaling"
  resource_id        = "service/main/web"
  scalable_dimension = "ecs:service:DesiredCount"
  service_namespace  = "ecs"

  target_tracking_scaling_policy_configuration {
    target_value = 70
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}
