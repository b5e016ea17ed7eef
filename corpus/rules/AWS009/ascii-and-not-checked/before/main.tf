resource "aws_security_group" "ok" {
  name        = "ok"
  description = "Allowed: a-z A-Z 0-9 ._-:/()#,@[]+=&;{}!$*"

  ingress {
    description = "HTTPS from 10.0.0.0/8 (corp)"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }

  tags = {
    Name        = "Grupo de producción"
    Description = "Tráfico -> ALB"
  }
}

resource "aws_security_group" "absent" {
  count       = 0
  name        = "absent"
  description = "Tráfico"
}

resource "aws_lb_target_group" "tg" {
  name = "tg"
  tags = {
    description = "Tráfico"
  }
}

resource "aws_ssm_parameter" "p" {
  name        = "/app/p"
  type        = "String"
  value       = "x"
  description = "Paramètre -> valeur"
}

resource "aws_security_group" "unknown" {
  name        = "unknown"
  description = var.description
}
