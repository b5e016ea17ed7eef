variable "env" {
  type = string
}

resource "aws_security_group" "interp_first" {
  name = "${var.env}-sg"
}

resource "aws_security_group" "literal" {
  name = "web-sg"
}

resource "aws_security_group" "prefix_literal" {
  name_prefix = "web-sg-"
}

resource "aws_security_group" "prefix_interp" {
  name_prefix = "${var.env}-sg-"
}

resource "aws_security_group" "words_after" {
  name = "${var.env}-db-sg"
}

resource "aws_security_group" "for_each" {
  for_each = toset(["api", "worker"])

  name = "${each.key}-${var.env}-sg"
}

resource "aws_security_group" "one_line" { name = "bastion-sg" }
