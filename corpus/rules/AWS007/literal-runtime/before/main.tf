resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = aws_iam_role.api.arn
  handler       = "app.handler"
  filename      = "api.zip"
  # Pinned when the function was written.
  runtime     = "python3.7" # keep in step with the build image
  memory_size = 256
}
