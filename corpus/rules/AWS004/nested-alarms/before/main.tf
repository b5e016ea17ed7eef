resource "aws_ecs_service" "app" {
  name = "app"

  deployment_configuration {
    alarms {
      alarm_names = [
        aws_cloudwatch_metric_alarm.cpu.alarm_name,
        aws_cloudwatch_metric_alarm.memory.alarm_name,
      ]
      enable   = true
      rollback = true
    }
  }
}
