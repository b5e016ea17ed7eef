resource "aws_appautoscaling_policy" "writes" {
  name               = "orders-writes"
  policy_type        = "TargetTrackingScaling"
  resource_id        = "table/orders"
  scalable_dimension = "dynamodb:table:WriteCapacityUnits"
  service_namespace  = "dynamodb"

  target_tracking_scaling_policy_configuration {
    # Keep writes at 70 % of the provisioned capacity.
    target_value = 70
  }
}
