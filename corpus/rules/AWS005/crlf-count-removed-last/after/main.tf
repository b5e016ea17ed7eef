variable "enabled" {
  type    = bool
  default = true
}

resource "aws_appautoscaling_target" "table_read" {
  count = var.enabled ? 1 : 0

  max_capacity       = 100
  min_capacity       = 5
  resource_id        = "table/orders"
  scalable_dimension = "dynamodb:table:ReadCapacityUnits"
  service_namespace  = "dynamodb"
}

resource "aws_appautoscaling_policy" "read_up" {
  count = var.enabled ? 1 : 0

  name               = "orders-read-up"
  policy_type        = "TargetTrackingScaling"
  resource_id        = aws_appautoscaling_target.table_read[0].resource_id
  scalable_dimension = aws_appautoscaling_target.table_read[0].scalable_dimension
  service_namespace  = aws_appautoscaling_target.table_read[0].service_namespace

  target_tracking_scaling_policy_configuration {
    target_value       = 70 # percent of provisioned reads
    scale_in_cooldown  = 60
    scale_out_cooldown = 60
    predefined_metric_specification {
      predefined_metric_type = "DynamoDBReadCapacityUtilization"
    }
  }
}
