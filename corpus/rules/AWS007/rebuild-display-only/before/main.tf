resource "aws_lambda_function" "go" {
  function_name = "go"
  role          = aws_iam_role.lambda.arn
  handler       = "main"
  filename      = "go.zip"
  runtime       = "go1.x"
}

resource "aws_lambda_function" "dotnet" {
  function_name = "dotnet"
  role          = aws_iam_role.lambda.arn
  handler       = "App::App.Function::Handler"
  filename      = "dotnet.zip"
  runtime       = "dotnetcore3.1"
}
