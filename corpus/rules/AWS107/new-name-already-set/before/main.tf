terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

resource "aws_db_instance" "db" {
  identifier     = "db"
  instance_class = "db.t3.micro"
  name           = "app"
  db_name        = "app"
}
