variable "dimension" {
  type = string
}

resource "aws_dynamodb_table" "orders" {
  name           = "orders"
  hash_key       = "id"
  read_capacity  = 5
  write_capacity = 5

  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_appautoscaling_target" "reads" {
  max_capacity       = 100
  min_capacity       = 5
  resource_id        = "table/${aws_dynamodb_table.orders.name}"
  scalable_dimension = "dynamodb:table:ReadCapacityUnits"
  service_namespace  = "dynamodb"
}

resource "aws_appautoscaling_target" "writes" {
  max_capacity       = 100
  min_capacity       = 5
  resource_id        = "table/${aws_dynamodb_table.orders.name}"
  scalable_dimension = "dynamodb:table:WriteCapacityUnits"
  service_namespace  = "dynamodb"
}

resource "aws_appautoscaling_policy" "capacity" {
  name               = "orders-capacity"
  policy_type        = "TargetTrackingScaling"
  resource_id        = "table/${aws_dynamodb_table.orders.name}"
  scalable_dimension = var.dimension
  service_namespace  = "dynamodb"
  depends_on         = [aws_appautoscaling_target.reads, aws_appautoscaling_target.writes]

  target_tracking_scaling_policy_configuration {
    target_value = 70
    customized_metric_specification {
      metric_name = "ConsumedCapacity"
      namespace   = "Custom"
      statistic   = "Average"
    }
  }
}
