resource "aws_s3_bucket" "shared" {
  bucket = "example-shared"

  tags = {
    Team = "data"
  }
}
