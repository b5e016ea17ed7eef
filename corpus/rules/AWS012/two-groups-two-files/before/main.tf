resource "aws_launch_configuration" "shared" {
  name_prefix       = "shared-"
  image_id          = var.ami_id
  instance_type     = "c5.large"
  ebs_optimized     = true
  enable_monitoring = true

  metadata_options {
    http_tokens = "required"
  }
}
