# A second policy on the queue, added later.
resource "aws_appautoscaling_policy" "queue_depth_low" {
  name               = "worker-queue-depth-low"
  policy_type        = "TargetTrackingScaling"
  resource_id        = aws_appautoscaling_target.worker.resource_id
  scalable_dimension = aws_appautoscaling_target.worker.scalable_dimension
  service_namespace  = aws_appautoscaling_target.worker.service_namespace

  target_tracking_scaling_policy_configuration {
    target_value     = 10
    disable_scale_in = false

    customized_metric_specification {
      namespace   = "AWS/SQS"
      metric_name = "ApproximateNumberOfMessagesVisible"
      statistic   = "Average"

      dimensions {
        name  = "Region"
        value = "eu-west-1"
      }
      dimensions {
        name  = "QueueName"
        value = "jobs"
      }
    }
  }
}
