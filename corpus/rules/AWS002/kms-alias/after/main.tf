variable "environment_suffix" {
  type = string
}

variable "alias_name" {
  type = string
}

resource "aws_kms_key" "data" {
  description = "data"
}

resource "aws_kms_alias" "missing" {
  name          = "alias/data-${var.environment_suffix}"
  target_key_id = aws_kms_key.data.key_id
}

resource "aws_kms_alias" "prefix_missing" {
  name_prefix   = "alias/data-"
  target_key_id = aws_kms_key.data.key_id
}

resource "aws_kms_alias" "reserved" {
  name          = "alias/aws/data"
  target_key_id = aws_kms_key.data.key_id
}

resource "aws_kms_alias" "aws_without_alias" {
  name          = "aws/data"
  target_key_id = aws_kms_key.data.key_id
}

# Fine.
resource "aws_kms_alias" "ok" {
  name          = "alias/data-${var.environment_suffix}"
  target_key_id = aws_kms_key.data.key_id
}

resource "aws_kms_alias" "unknown" {
  name          = var.alias_name
  target_key_id = aws_kms_key.data.key_id
}

resource "aws_kms_alias" "starts_unknown" {
  name          = "${var.alias_name}-data"
  target_key_id = aws_kms_key.data.key_id
}
