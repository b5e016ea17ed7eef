resource "aws_sns_topic" "alerts" {
  name = "alerts"
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

output "topic_arn" {
  value = aws_sns_topic.alerts.arn
}
