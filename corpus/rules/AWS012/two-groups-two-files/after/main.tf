resource "aws_launch_template" "shared" {
  name_prefix   = "shared-"
  image_id      = var.ami_id
  instance_type = "c5.large"
  ebs_optimized = true
  monitoring {
    enabled = true
  }

  metadata_options {
    http_tokens = "required"
  }
}
