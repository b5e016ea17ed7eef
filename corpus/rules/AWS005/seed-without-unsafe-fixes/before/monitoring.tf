resource "aws_cloudwatch_metric_alarm" "idle" {
  for_each = var.service_config

  alarm_name          = "idle-${each.key}-${var.environment_suffix}"
  comparison_operator = "LessThanThreshold"
  evaluation_periods  = 3
  metric_name         = "CPUUtilization"
  namespace           = "AWS/ECS"
  period              = 60
  statistic           = "Average"
  threshold           = var.scale_down_cpu_threshold
  alarm_actions       = [aws_appautoscaling_policy.scale_down[each.key].arn]

  depends_on = [aws_appautoscaling_policy.scale_down]
}
