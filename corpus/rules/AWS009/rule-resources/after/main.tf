resource "aws_security_group_rule" "postgres" {
  type                     = "ingress"
  description              = "PostgreSQL desde la aplicacion"
  from_port                = 5432
  to_port                  = 5432
  protocol                 = "tcp"
  security_group_id        = aws_security_group.db.id
  source_security_group_id = aws_security_group.app.id
}

resource "aws_vpc_security_group_ingress_rule" "https" {
  security_group_id = aws_security_group.web.id
  description       = "HTTPS - clients"
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 443
  to_port           = 443
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_egress_rule" "all" {
  security_group_id = aws_security_group.web.id
  description       = "Tout le trafic sortant any"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}
