output "policy_arns" {
  value = [
    aws_appautoscaling_policy.cpu_high.arn,
    aws_appautoscaling_policy.cpu_high.arn,
    "${aws_appautoscaling_policy.cpu_high.arn}",
  ]
}

output "low_policy_name" {
  value = "${aws_appautoscaling_policy.cpu_high.name} (low)"
}
