resource "aws_ecs_service" "app" {
  name                       = "app"
  deployment_maximum_percent = 150

  deployment_configuration {
    maximum_percent         = 200
    minimum_healthy_percent = 100

    deployment_circuit_breaker {
      enable   = true
      rollback = false
    }
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}
