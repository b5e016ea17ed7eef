data "aws_launch_configuration" "legacy" {
  name = "legacy-lc"
}

resource "aws_launch_template" "web" {
  name_prefix   = "web-"
  image_id      = var.ami_id
  instance_type = "t3.micro"
}

resource "aws_autoscaling_group" "web" {
  min_size = 1
  max_size = 3

  launch_template {
    id      = aws_launch_template.web.id
    version = "$Latest"
  }
}

resource "aws_launch_configuration" "unused" {
  count         = 0
  image_id      = var.ami_id
  instance_type = "t3.micro"
}

output "legacy_image" {
  value = data.aws_launch_configuration.legacy.image_id
}
