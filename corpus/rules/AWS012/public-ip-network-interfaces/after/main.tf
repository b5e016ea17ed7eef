resource "aws_launch_template" "bastion" {
  name          = "bastion"
  image_id      = var.ami_id
  instance_type = "t3.nano"
  key_name      = var.key_name
  network_interfaces {
    associate_public_ip_address = true
    security_groups             = [aws_security_group.bastion.id]
  }
  iam_instance_profile {
    arn = aws_iam_instance_profile.bastion.arn
  }
  placement {
    tenancy = "default"
  }
  user_data = var.user_data_base64

  monitoring {
    enabled = true
  }
}

resource "aws_autoscaling_group" "bastion" {
  name = "bastion"
  launch_template {
    id      = aws_launch_template.bastion.id
    version = "$Latest"
  }
  min_size = 1
  max_size = 1
}
