variable "env" {
  type = string
}

resource "aws_security_group" "interp_first" {
  name = "sg-${var.env}"
}

resource "aws_security_group" "literal" {
  name = "sg-web"
}

resource "aws_security_group" "prefix_literal" {
  name_prefix = "sg-web-"
}

resource "aws_security_group" "prefix_interp" {
  name_prefix = "sg-${var.env}-"
}

resource "aws_security_group" "words_after" {
  name = "sg-${var.env}-db"
}

resource "aws_security_group" "for_each" {
  for_each = toset(["api", "worker"])

  name = "sg-${each.key}-${var.env}"
}

resource "aws_security_group" "one_line" { name = "sg-bastion" }
