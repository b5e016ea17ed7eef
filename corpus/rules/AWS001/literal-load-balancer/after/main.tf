resource "aws_lb" "main" {
  name               = "customer-portal-application-lb-p"
  load_balancer_type = "application"
  subnets            = ["subnet-1", "subnet-2"]
}
