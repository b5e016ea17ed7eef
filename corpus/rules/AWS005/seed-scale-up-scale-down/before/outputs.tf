output "scale_up_policy_arns" {
  value = { for k, p in aws_appautoscaling_policy.scale_up : k => p.arn }
}

output "scale_down_policy_arns" {
  description = "ARNs of the scale-down policies"
  value       = { for k, p in aws_appautoscaling_policy.scale_down : k => p.arn }
}
