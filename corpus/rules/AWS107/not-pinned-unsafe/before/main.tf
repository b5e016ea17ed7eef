resource "aws_db_instance" "db" {
  identifier     = "db"
  instance_class = "db.t3.micro"
  name           = "app"
}
