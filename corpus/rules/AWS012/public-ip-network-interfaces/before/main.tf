resource "aws_launch_configuration" "bastion" {
  name                        = "bastion"
  image_id                    = var.ami_id
  instance_type               = "t3.nano"
  key_name                    = var.key_name
  associate_public_ip_address = true
  security_groups             = [aws_security_group.bastion.id]
  iam_instance_profile        = aws_iam_instance_profile.bastion.arn
  placement_tenancy           = "default"
  user_data_base64            = var.user_data_base64
}

resource "aws_autoscaling_group" "bastion" {
  name                 = "bastion"
  launch_configuration = aws_launch_configuration.bastion.id
  min_size             = 1
  max_size             = 1
}
