variable "runtime" {
  type    = string
  default = "python3.12"
}

resource "aws_lambda_function" "a" {
  function_name = "a"
  role          = aws_iam_role.lambda.arn
  handler       = "app.handler"
  filename      = "a.zip"
  runtime       = var.runtime
}

resource "aws_lambda_function" "b" {
  function_name = "b"
  role          = aws_iam_role.lambda.arn
  handler       = "index.handler"
  filename      = "b.zip"
  runtime       = "nodejs22.x"
}

resource "aws_lambda_function" "c" {
  function_name = "c"
  role          = aws_iam_role.lambda.arn
  handler       = "bootstrap"
  filename      = "c.zip"
  runtime       = "provided.al2023"
}

resource "aws_lambda_function" "image" {
  function_name = "image"
  role          = aws_iam_role.lambda.arn
  package_type  = "Image"
  image_uri     = var.image_uri
}

resource "aws_lambda_function" "old_but_absent" {
  count         = 0
  function_name = "old"
  role          = aws_iam_role.lambda.arn
  handler       = "app.handler"
  filename      = "old.zip"
  runtime       = "python2.7"
}

resource "aws_lambda_layer_version" "current" {
  layer_name          = "current"
  filename            = "current.zip"
  compatible_runtimes = ["python3.12", "python3.13", "java21"]
}

# A name that only looks like a runtime.
resource "aws_ssm_parameter" "runtime" {
  name  = "/app/runtime"
  type  = "String"
  value = "python3.7"
}
