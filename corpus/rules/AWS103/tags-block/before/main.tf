resource "aws_eip" "nat" {
  domain = "vpc"
  tags {
    # who owns it
    Name  = "nat"
    Owner = "net" # team
  }
}

resource "aws_instance" "web" {
  ami           = "ami-123"
  instance_type = "t3.micro"

  root_block_device {
    volume_size = 20
    tags {
      Name = "web-root"
    }
  }
}
