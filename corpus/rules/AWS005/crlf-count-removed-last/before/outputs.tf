output "read_policy_arns" {
  value = concat(aws_appautoscaling_policy.read_up[*].arn, aws_appautoscaling_policy.read_down[*].arn)
}
