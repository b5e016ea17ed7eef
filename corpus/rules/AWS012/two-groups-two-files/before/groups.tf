resource "aws_autoscaling_group" "blue" {
  name                 = "blue"
  launch_configuration = aws_launch_configuration.shared.name
  min_size             = 1
  max_size             = 2
}

resource "aws_autoscaling_group" "green" {
  name                 = "green"
  launch_configuration = aws_launch_configuration.shared.name
  min_size             = 1
  max_size             = 2
}
