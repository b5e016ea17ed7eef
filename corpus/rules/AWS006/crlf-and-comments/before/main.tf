# Roles
variable "environment_suffix" {
  type = string
}

resource "aws_iam_role" "a" {
  name               = "a-${var.environment_suffix}"
  assume_role_policy = "{}"
}

resource "aws_iam_role" "b" {
  name               = "b-${var.environment_suffix}"
  assume_role_policy = "{}"
}

resource "aws_iam_role" "c" {
  # fixed on purpose?
  name               = "c"  # short
  assume_role_policy = "{}" # empty
}
