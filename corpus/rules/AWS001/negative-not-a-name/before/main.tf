data "aws_lb_target_group" "existing" {
  name = "a-target-group-name-that-is-much-longer-than-thirty-two"
}

resource "aws_lb_target_group" "a_resource_label_that_is_much_longer_than_thirty_two_characters" {
  name     = "short-tg"
  port     = 80
  protocol = "HTTP"
  vpc_id   = "vpc-123"

  tags = {
    Name = "a-tag-value-that-is-much-longer-than-thirty-two-characters"
  }
}

resource "aws_lb_target_group" "generated" {
  port     = 80
  protocol = "HTTP"
  vpc_id   = "vpc-123"
}

resource "aws_lambda_function" "by_arn" {
  function_name = "arn:aws:lambda:us-east-1:123456789012:function:a-function-with-a-very-long-name-indeed"
  role          = "arn:aws:iam::123456789012:role/x"
}
