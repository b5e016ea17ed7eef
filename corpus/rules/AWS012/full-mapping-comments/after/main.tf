# Web tier.
resource "aws_launch_template" "web" {
  name_prefix   = "web-"
  image_id      = data.aws_ami.al2023.id # the latest AL2023
  instance_type = "t3.micro"
  # Only the web group.
  vpc_security_group_ids = [aws_security_group.web.id]
  iam_instance_profile {
    name = aws_iam_instance_profile.web.name
  }
  monitoring {
    enabled = false
  }
  instance_market_options {
    market_type = "spot"

    spot_options {
      max_price = "0.01"
    }
  }
  user_data = base64encode(<<-EOT
    #!/bin/bash
    echo hello
  EOT
  )

  block_device_mappings {
    device_name = "/dev/sdb"

    ebs {
      # Data disk.
      volume_size = 50
      encrypted   = true
    }
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_autoscaling_group" "web" {
  name = "web"
  launch_template {
    id      = aws_launch_template.web.id
    version = "$Latest"
  } # set by the module
  min_size = 1
  max_size = 3
}

output "lc" {
  value = aws_launch_template.web.id
}
