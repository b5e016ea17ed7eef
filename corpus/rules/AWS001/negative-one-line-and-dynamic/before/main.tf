resource "aws_lb_target_group" "one" { name = trimsuffix(substr("tg-one-line-block-with-a-long-generated-name", 0, 32), "-") }

resource "aws_lb_target_group" "splat" {
  name     = join("-", aws_lb.x[*].name)
  port     = 80
  protocol = "HTTP"
  vpc_id   = "vpc-123"

  dynamic "health_check" {
    for_each = [1]
    content {
      path = "/a-very-long-health-check-path-that-is-not-a-name-at-all"
    }
  }
}
