resource "aws_ecs_service" "api" {
  name = "api"
}

resource "aws_appautoscaling_target" "api" {
  count = 1

  max_capacity       = 4
  min_capacity       = 1
  resource_id        = "service/main/${aws_ecs_service.api.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  service_namespace  = "ecs"
}

resource "aws_appautoscaling_policy" "scale_out" {
  name               = "api-scale-out"
  policy_type        = "StepScaling"
  resource_id        = "service/main/${aws_ecs_service.api.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  service_namespace  = "ecs"

  step_scaling_policy_configuration {
    adjustment_type = "ChangeInCapacity"
    cooldown        = 60

    step_adjustment {
      metric_interval_lower_bound = 0
      scaling_adjustment          = 1
    }
  }

  depends_on = [aws_ecs_service.api]
}
