resource "aws_security_group" "existing" {
  name   = "web-sg"
  vpc_id = aws_vpc.main.id
}

# Same VPC: "sg-web" would become "web-sg", the name of aws_security_group.existing.
resource "aws_security_group" "web" {
  name   = "sg-web"
  vpc_id = aws_vpc.main.id
}

# EC2 compares names case-insensitively: "WEB-SG" clashes too.
resource "aws_security_group" "upper" {
  name   = "sg-WEB"
  vpc_id = aws_vpc.main.id
}

# Another VPC: "db-sg" exists only in aws_vpc.other, so "sg-db" may become "db-sg" here.
resource "aws_security_group" "db_other_vpc" {
  name   = "db-sg"
  vpc_id = aws_vpc.other.id
}

resource "aws_security_group" "db" {
  name   = "db-sg"
  vpc_id = aws_vpc.main.id
}

# Instances: only the "api" instance would clash with the existing "api-sg".
resource "aws_security_group" "api_sg" {
  name   = "api-sg"
  vpc_id = aws_vpc.main.id
}

resource "aws_security_group" "services" {
  for_each = toset(["api", "jobs"])
  name     = "sg-${each.key}"
  vpc_id   = aws_vpc.main.id
}
