resource "aws_lambda_function" "legacy" {
  function_name = "legacy"
  role          = aws_iam_role.lambda.arn
  handler       = "app.handler"
  filename      = "legacy.zip"
  runtime       = "python3.13"
}

resource "aws_lambda_function" "soon" {
  function_name = "soon"
  role          = aws_iam_role.lambda.arn
  handler       = "app.handler"
  filename      = "soon.zip"
  runtime       = "python3.13"
}

resource "aws_lambda_function" "java" {
  function_name = "java"
  role          = aws_iam_role.lambda.arn
  handler       = "example.Handler::handleRequest"
  filename      = "java.zip"
  runtime       = "java21"
}
