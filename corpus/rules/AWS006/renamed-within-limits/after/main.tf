variable "environment_suffix" {
  type    = string
  default = "production-eu-west-1"
}

resource "aws_ecs_cluster" "main" {
  name = "cluster-${var.environment_suffix}"
}

resource "aws_cloudwatch_log_group" "api" {
  name = "/ecs/api-${var.environment_suffix}"
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs-${var.environment_suffix}"
}

resource "aws_iam_role" "api" {
  name               = "api-${var.environment_suffix}"
  assume_role_policy = "{}"
}

# Positive, fix cut to fit: "identity-verification-production-eu-west-1" would be 43
# characters, over the 32 of a target group name; the suffix is kept whole.
resource "aws_lb_target_group" "identity" {
  name     = "${trimsuffix(substr("identity-verification", 0, 32 - length("-${var.environment_suffix}")), "-")}-${var.environment_suffix}"
  port     = 443
  protocol = "HTTPS"
  vpc_id   = "vpc-0123456789abcdef0"
}

# Positive, no fix: the suffixed name would be aws_iam_role.api's name.
resource "aws_iam_role" "api_legacy" {
  name               = "api"
  assume_role_policy = "{}"
}

# Positive, plain fix: it fits and no other role has the name.
resource "aws_iam_role" "worker" {
  name               = "worker-${var.environment_suffix}"
  assume_role_policy = "{}"
}
