resource "aws_launch_configuration" "app" {
  name_prefix   = "app-"
  image_id      = var.ami_id
  instance_type = "m5.large"

  root_block_device {
    volume_size = 30
    volume_type = "gp3"
  }
}

resource "aws_launch_configuration" "classic" {
  name                = "classic"
  image_id            = var.ami_id
  instance_type       = "m1.small"
  vpc_classic_link_id = "vpc-123"
}

resource "aws_autoscaling_group" "app" {
  launch_configuration = aws_launch_configuration.app.name
  min_size             = 1
  max_size             = 2
}
