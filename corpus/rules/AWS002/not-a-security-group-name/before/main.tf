variable "environment_suffix" {
  type = string
}

variable "group_name" {
  type = string
}

# The label, the Name tag and the description may say sg-: only the group's name may not.
resource "aws_security_group" "sg-web" {
  name        = "web-sg-${var.environment_suffix}"
  description = "sg-web: HTTP from anywhere"

  tags = {
    Name = "sg-web-${var.environment_suffix}"
  }
}

resource "aws_security_group" "unknown" {
  name = var.group_name
}

resource "aws_security_group" "lookalikes" {
  name = "sgweb-${var.environment_suffix}"
}

resource "aws_security_group" "inside" {
  name = "app-sg-${var.environment_suffix}"
}

resource "aws_security_group" "unnamed" {
  description = "name chosen by Terraform"
}

resource "aws_default_security_group" "default" {
  vpc_id = "vpc-123"
}

resource "aws_db_subnet_group" "sg" {
  name       = "sg-db-${var.environment_suffix}"
  subnet_ids = ["subnet-1", "subnet-2"]
}

resource "aws_elasticache_subnet_group" "sg" {
  name       = "sg-cache"
  subnet_ids = ["subnet-1"]
}

resource "aws_security_group_rule" "sg" {
  type              = "ingress"
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  security_group_id = "sg-0123456789abcdef0"
  cidr_blocks       = ["10.0.0.0/8"]
}

data "aws_security_group" "existing" {
  name = "sg-legacy"
}

resource "aws_instance" "web" {
  ami                    = "ami-123"
  instance_type          = "t3.micro"
  vpc_security_group_ids = ["sg-0123456789abcdef0"]
}
