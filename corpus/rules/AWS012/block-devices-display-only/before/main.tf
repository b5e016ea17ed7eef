variable "ami_id" {
  type = string
}

data "aws_ami" "pinned" {
  count  = 1
  owners = ["self"]
}

# image_id from a variable: the root device name cannot be known.
resource "aws_launch_configuration" "from_variable" {
  image_id      = var.ami_id
  instance_type = "t3.small"

  root_block_device {
    volume_size = 20
  }
}

# A data source with count: its instance is not a plain reference.
resource "aws_launch_configuration" "counted_ami" {
  image_id      = data.aws_ami.pinned[0].id
  instance_type = "t3.small"

  root_block_device {
    volume_size = 20
  }
}

# no_device is a bool here and a string in a launch template.
resource "aws_launch_configuration" "suppressed" {
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.small"

  ephemeral_block_device {
    device_name = "/dev/sdb"
    no_device   = true
  }
}

# A mapping without virtual_name has nothing to map the device to.
resource "aws_launch_configuration" "unnamed" {
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.small"

  ephemeral_block_device {
    device_name = "/dev/sdb"
  }
}
