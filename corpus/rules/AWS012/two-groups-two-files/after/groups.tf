resource "aws_autoscaling_group" "blue" {
  name = "blue"
  launch_template {
    id      = aws_launch_template.shared.id
    version = "$Latest"
  }
  min_size = 1
  max_size = 2
}

resource "aws_autoscaling_group" "green" {
  name = "green"
  launch_template {
    id      = aws_launch_template.shared.id
    version = "$Latest"
  }
  min_size = 1
  max_size = 2
}
