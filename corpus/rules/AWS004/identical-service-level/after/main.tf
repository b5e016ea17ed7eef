resource "aws_ecs_service" "app" {
  name = "app"
  # same as the service-level value
  deployment_maximum_percent = 200

  deployment_minimum_healthy_percent = 100

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}
