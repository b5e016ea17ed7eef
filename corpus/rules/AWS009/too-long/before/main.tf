resource "aws_security_group" "long" {
  name        = "long"
  description = "Security group for the reporting workers that read from the analytics database replicas, write to the exports bucket, call the billing API through the NAT gateway, and accept health checks from the internal load balancer in every availability zone, always!"
}

resource "aws_security_group" "limit" {
  name        = "limit"
  description = "Security group for the reporting workers that read from the analytics database replicas, write to the exports bucket, call the billing API through the NAT gateway, and accept health checks from the internal load balancer in every availability zone, always"
}
