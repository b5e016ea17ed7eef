variables {
  environment_suffix = "test"
}

run "vpc_cidr" {
  command = plan

  assert {
    condition     = aws_vpc.main.cidr_block == "10.0.0.0/16"
    error_message = "The VPC must use 10.0.0.0/16."
  }
}
