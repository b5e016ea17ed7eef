data "aws_ami" "al2023" {
  most_recent = true
  owners      = ["amazon"]

  filter {
    name   = "name"
    values = ["al2023-ami-*-x86_64"]
  }
}

resource "aws_launch_template" "worker" {
  name_prefix   = "worker-"
  image_id      = data.aws_ami.al2023.id
  instance_type = "m5d.large"

  # The root volume.
  block_device_mappings {
    device_name = data.aws_ami.al2023.root_device_name

    ebs {
      volume_size = 40
      volume_type = "gp3"
      encrypted   = true # at rest
    }
  }

  # Scratch space on the instance store.
  block_device_mappings {
    device_name  = "/dev/sdc"
    virtual_name = "ephemeral0"
  }

  monitoring {
    enabled = true
  }
}

resource "aws_autoscaling_group" "worker" {
  launch_template {
    id      = aws_launch_template.worker.id
    version = "$Latest"
  }
  min_size = 1
  max_size = 4
}
