data "aws_ami" "al2023" {
  most_recent = true
  owners      = ["amazon"]

  filter {
    name   = "name"
    values = ["al2023-ami-*-x86_64"]
  }
}

resource "aws_launch_configuration" "worker" {
  name_prefix   = "worker-"
  image_id      = data.aws_ami.al2023.id
  instance_type = "m5d.large"

  # The root volume.
  root_block_device {
    volume_size = 40
    volume_type = "gp3"
    encrypted   = true # at rest
  }

  # Scratch space on the instance store.
  ephemeral_block_device {
    device_name  = "/dev/sdc"
    virtual_name = "ephemeral0"
  }
}

resource "aws_autoscaling_group" "worker" {
  launch_configuration = aws_launch_configuration.worker.name
  min_size             = 1
  max_size             = 4
}
