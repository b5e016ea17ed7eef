variable "runtime" {
  type = string
}

variable "python_version" {
  type    = string
  default = "3.8"
}

resource "aws_lambda_function" "from_tfvars" {
  function_name = "from-tfvars"
  role          = aws_iam_role.lambda.arn
  handler       = "index.handler"
  filename      = "a.zip"
  runtime       = var.runtime
}

resource "aws_lambda_function" "built" {
  function_name = "built"
  role          = aws_iam_role.lambda.arn
  handler       = "app.handler"
  filename      = "b.zip"
  runtime       = "python${var.python_version}"
}

resource "aws_lambda_function" "unknown" {
  function_name = "unknown"
  role          = aws_iam_role.lambda.arn
  handler       = "app.handler"
  filename      = "c.zip"
  runtime       = var.undeclared
}
