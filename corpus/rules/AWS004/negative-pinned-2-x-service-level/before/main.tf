resource "aws_ecs_service" "app" {
  name            = "app"
  cluster         = "main"
  task_definition = "app:1"

  deployment_maximum_percent         = 200
  deployment_minimum_healthy_percent = 100

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}
