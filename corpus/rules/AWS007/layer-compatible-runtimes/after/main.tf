resource "aws_lambda_layer_version" "shared" {
  layer_name          = "shared"
  filename            = "shared.zip"
  compatible_runtimes = ["python3.12"]
}

resource "aws_lambda_layer_version" "node" {
  layer_name = "node"
  filename   = "node.zip"
  compatible_runtimes = [
    "nodejs22.x", # the oldest caller
    "nodejs22.x",
  ]
}
