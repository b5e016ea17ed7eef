resource "aws_appautoscaling_policy" "compact" {
  name               = "compact"
  policy_type        = "TargetTrackingScaling"
  resource_id        = "function:worker:live"
  scalable_dimension = "lambda:function:ProvisionedConcurrency"
  service_namespace  = "lambda"

  target_tracking_scaling_policy_configuration { target_value = 0.7 }
}
