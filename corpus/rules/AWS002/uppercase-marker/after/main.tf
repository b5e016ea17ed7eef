resource "aws_security_group" "web" {
  name   = "web-SG"
  vpc_id = "vpc-0123456789abcdef0"
}
