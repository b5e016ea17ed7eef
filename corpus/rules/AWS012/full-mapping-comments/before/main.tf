# Web tier.
resource "aws_launch_configuration" "web" {
  name_prefix   = "web-"
  image_id      = data.aws_ami.al2023.id # the latest AL2023
  instance_type = "t3.micro"
  # Only the web group.
  security_groups      = [aws_security_group.web.id]
  iam_instance_profile = aws_iam_instance_profile.web.name
  enable_monitoring    = false
  spot_price           = "0.01"
  user_data            = <<-EOT
    #!/bin/bash
    echo hello
  EOT

  ebs_block_device {
    device_name = "/dev/sdb"
    # Data disk.
    volume_size = 50
    encrypted   = true
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_autoscaling_group" "web" {
  name                 = "web"
  launch_configuration = aws_launch_configuration.web.name # set by the module
  min_size             = 1
  max_size             = 3
}

output "lc" {
  value = aws_launch_configuration.web.id
}
