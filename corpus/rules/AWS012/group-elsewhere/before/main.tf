variable "launch_configuration_name" {
  type = string
}

resource "aws_autoscaling_group" "workers" {
  name                 = "workers"
  launch_configuration = var.launch_configuration_name
  min_size             = 0
  max_size             = 10
}
