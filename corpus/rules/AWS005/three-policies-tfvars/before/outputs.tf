output "policy_arns" {
  value = [
    aws_appautoscaling_policy.cpu_low.arn,
    aws_appautoscaling_policy.cpu_mid.arn,
    "${aws_appautoscaling_policy.cpu_high.arn}",
  ]
}

output "low_policy_name" {
  value = "${aws_appautoscaling_policy.cpu_low.name} (low)"
}
