resource "aws_cloudwatch_log_group" "app" {
  name              = "/ecs/orders:api"
  retention_in_days = 7
}
