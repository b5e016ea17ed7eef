resource "random_password" "services" {
  for_each = var.service_config

  length  = 32
  special = false
}

resource "aws_secretsmanager_secret" "services" {
  for_each = var.service_config

  name                    = "${each.key}-secret-${var.environment_suffix}"
  description             = "Runtime secret of ${each.key}"
  recovery_window_in_days = 0

  tags = {
    Service = each.key
  }
}

resource "aws_secretsmanager_secret_version" "services" {
  for_each = var.service_config

  secret_id = aws_secretsmanager_secret.services[each.key].id
  secret_string = jsonencode({
    api_key = random_password.services[each.key].result
  })
}
