variable "environment_suffix" {
  type = string
}

variable "bastion_name" {
  type    = string
  default = "sg-bastion"
}

locals {
  web_name = "sg-web-${var.environment_suffix}"
}

resource "aws_security_group" "web" {
  name = local.web_name
}

resource "aws_security_group" "bastion" {
  name = var.bastion_name
}

resource "aws_security_group" "joined" {
  name = join("-", ["sg", "db", var.environment_suffix])
}

resource "aws_security_group" "formatted" {
  name = format("sg-%s-cache", var.environment_suffix)
}

resource "aws_security_group" "per_key" {
  for_each = toset(["api", "sg-admin"])

  name = each.key
}
