resource "aws_security_group" "web" {
  name = "sg-web"

  tags = {
    Name = "sg-web"
  }
}

data "aws_security_group" "web" {
  name = "sg-web"

  depends_on = [aws_security_group.web]
}
