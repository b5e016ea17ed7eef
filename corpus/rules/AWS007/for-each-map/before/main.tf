locals {
  functions = {
    ingest = {
      handler = "ingest.handler"
      runtime = "python3.8"
    }
    report = {
      handler = "report.handler"
      runtime = "python3.13"
    }
  }
}

resource "aws_lambda_function" "this" {
  for_each = local.functions

  function_name = each.key
  role          = aws_iam_role.lambda.arn
  handler       = each.value.handler
  runtime       = each.value.runtime
  filename      = "${each.key}.zip"
}
