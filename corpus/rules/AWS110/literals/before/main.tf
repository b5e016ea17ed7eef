resource "aws_lb_target_group" "web" {
  name                 = "web"
  port                 = "http" # a name, not a number
  protocol             = "HTTP"
  proxy_protocol_v2    = 1
  deregistration_delay = "300"
  tags = {
    team = ["platform"]
  }

  health_check {
    enabled  = "yes"
    interval = -30
    matcher  = 200
  }
}

resource "aws_security_group" "bad" {
  name        = ["web"]
  description = { text = "web" }
}

resource "aws_vpc_endpoint" "bad" {
  vpc_id             = "vpc-1"
  service_name       = "com.amazonaws.eu-west-1.s3"
  route_table_ids    = "rtb-1"
  security_group_ids = [true, ["sg-1"]]
}

# Look-alikes that Terraform converts, and expressions that are never judged.
resource "aws_lb_target_group" "ok" {
  name              = "ok"
  port              = "8080"
  protocol          = "HTTP"
  proxy_protocol_v2 = "true"
  slow_start        = 3e1
  tags = {
    cost   = 12
    public = false
  }

  health_check {
    enabled  = "false"
    interval = var.interval
    matcher  = 200
    path     = <<-EOT
      /health
    EOT
  }
}

resource "aws_vpc_endpoint" "ok" {
  vpc_id             = var.vpc_id
  service_name       = "com.amazonaws.eu-west-1.s3"
  route_table_ids    = [var.route_table, "rtb-2"]
  security_group_ids = null
  policy             = local.policy == null ? "x" : ["y"]
}
