variable "node_runtime" {
  description = "Runtime of the API functions"
  type        = string
  default     = "nodejs16.x"
}

variable "python_runtime" {
  type    = string
  default = "python3.12"
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = aws_iam_role.api.arn
  handler       = "index.handler"
  filename      = "api.zip"
  runtime       = var.node_runtime
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = aws_iam_role.api.arn
  handler       = "app.handler"
  filename      = "worker.zip"
  runtime       = var.python_runtime
}
