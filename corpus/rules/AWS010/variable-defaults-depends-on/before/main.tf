variable "table" {
  type    = string
  default = "orders"
}

resource "aws_appautoscaling_target" "reads" {
  max_capacity       = 100
  min_capacity       = 5
  resource_id        = "table/orders"
  scalable_dimension = "dynamodb:table:ReadCapacityUnits"
  service_namespace  = "dynamodb"
}

resource "aws_appautoscaling_target" "writes" {
  max_capacity       = 100
  min_capacity       = 5
  resource_id        = "table/orders"
  scalable_dimension = "dynamodb:table:WriteCapacityUnits"
  service_namespace  = "dynamodb"
}

resource "aws_appautoscaling_policy" "reads" {
  name               = "DynamoDBReadCapacityUtilization:table/${var.table}"
  policy_type        = "TargetTrackingScaling"
  resource_id        = "table/${var.table}"
  scalable_dimension = "dynamodb:table:ReadCapacityUnits"
  service_namespace  = "dynamodb"

  target_tracking_scaling_policy_configuration {
    target_value = 70
    predefined_metric_specification {
      predefined_metric_type = "DynamoDBReadCapacityUtilization"
    }
  }
}
