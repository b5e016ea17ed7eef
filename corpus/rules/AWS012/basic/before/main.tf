resource "aws_launch_configuration" "web" {
  name_prefix     = "web-"
  image_id        = data.aws_ami.al2023.id
  instance_type   = "t3.micro"
  security_groups = [aws_security_group.web.id]
  user_data       = file("${path.module}/init.sh")
}

resource "aws_autoscaling_group" "web" {
  launch_configuration = aws_launch_configuration.web.name
  min_size             = 1
  max_size             = 3
  vpc_zone_identifier  = var.subnet_ids
}
