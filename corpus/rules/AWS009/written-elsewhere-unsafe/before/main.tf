locals {
  admin_description = "Accès administrateur"
}

variable "db_description" {
  type    = string
  default = "Base de données"
}

variable "given" {
  type = string
}

resource "aws_security_group" "admin" {
  name        = "admin"
  description = local.admin_description

  tags = {
    Description = local.admin_description
  }
}

resource "aws_security_group" "db" {
  name        = "db"
  description = var.db_description
}

resource "aws_security_group" "given" {
  name        = "given"
  description = var.given
}

resource "aws_security_group" "built" {
  name        = "built"
  description = format("%s données", var.given)
}
