resource "aws_ecs_service" "app" {
  name = "app"

  deployment_configuration {
    alarms {
      alarm_names = [<<-EOT
        errors
        EOT
      ]
      enable   = true
      rollback = true
    }
  }
}
