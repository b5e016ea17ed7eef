resource "aws_ecs_service" "app" {
  name                       = "app"
  deployment_maximum_percent = 200

  deployment_configuration {
    # same as the service-level value
    maximum_percent         = 200
    minimum_healthy_percent = 100

    deployment_circuit_breaker {
      enable   = true
      rollback = true
    }
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}
