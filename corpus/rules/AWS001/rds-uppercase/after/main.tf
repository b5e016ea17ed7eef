variable "app" {
  type    = string
  default = "Billing"
}

resource "aws_db_instance" "main" {
  identifier        = lower("${var.app}-db")
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
}
