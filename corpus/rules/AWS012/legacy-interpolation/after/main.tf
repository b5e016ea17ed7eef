resource "aws_launch_template" "launch_config" {
  name          = "${var.lc_name}"
  image_id      = "${var.ami_id}"
  instance_type = "${var.instance_type}"
  user_data     = base64encode("${file(var.user_data)}")

  monitoring {
    enabled = true
  }
}

resource "aws_autoscaling_group" "main_asg" {
  name = "${var.asg_name}"

  // Uses the ID from the launch config created above
  launch_template {
    id      = aws_launch_template.launch_config.id
    version = "$Latest"
  }

  max_size = "${var.max_size}"
  min_size = "${var.min_size}"
}

output "launch_config_id" {
  value = "${aws_launch_template.launch_config.id}"
}
