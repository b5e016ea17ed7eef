resource "aws_launch_configuration" "per_az" {
  count         = 2
  name_prefix   = "az-${count.index}-"
  image_id      = var.ami_id
  instance_type = "t3.micro"
}

resource "aws_launch_configuration" "spot" {
  name_prefix   = "spot-"
  image_id      = var.ami_id
  instance_type = "t3.micro"
}

resource "aws_autoscaling_group" "spot" {
  launch_configuration = aws_launch_configuration.spot.name
  min_size             = 1
  max_size             = 3

  mixed_instances_policy {
    instances_distribution {
      on_demand_percentage_above_base_capacity = 0
    }

    launch_template {
      launch_template_specification {
        launch_template_id = var.template_id
      }
    }
  }
}
