resource "aws_launch_template" "web" {
  name_prefix            = "web-"
  image_id               = data.aws_ami.al2023.id
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.web.id]
  user_data              = base64encode(file("${path.module}/init.sh"))

  monitoring {
    enabled = true
  }
}

resource "aws_autoscaling_group" "web" {
  launch_template {
    id      = aws_launch_template.web.id
    version = "$Latest"
  }
  min_size            = 1
  max_size            = 3
  vpc_zone_identifier = var.subnet_ids
}
