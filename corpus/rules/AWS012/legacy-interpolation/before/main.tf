resource "aws_launch_configuration" "launch_config" {
  name          = "${var.lc_name}"
  image_id      = "${var.ami_id}"
  instance_type = "${var.instance_type}"
  user_data     = "${file(var.user_data)}"
}

resource "aws_autoscaling_group" "main_asg" {
  name = "${var.asg_name}"

  // Uses the ID from the launch config created above
  launch_configuration = "${aws_launch_configuration.launch_config.id}"

  max_size = "${var.max_size}"
  min_size = "${var.min_size}"
}

output "launch_config_id" {
  value = "${aws_launch_configuration.launch_config.id}"
}
