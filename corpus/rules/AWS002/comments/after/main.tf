# Keys for the data tier.
resource "aws_kms_alias" "data" {
  # The alias users see.
  name          = "alias/data-key"        # short
  target_key_id = aws_kms_key.data.key_id # the CMK
}

resource "aws_kms_key" "data" {
  description = "data"
}

resource "aws_security_group" "db" {
  # Group for the database.
  name   = /* legacy */ "db-sg" # keep
  vpc_id = "vpc-0123456789abcdef0"
}
