terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0, < 6.0"
    }
  }
}

resource "aws_elasticache_replication_group" "redis" {
  replication_group_id          = "redis"
  replication_group_description = "cache" # shown in the console
  number_cache_clusters         = 2
  availability_zones            = ["eu-west-1a", "eu-west-1b"]
  node_type                     = "cache.t3.micro"
}

resource "aws_db_instance" "db" {
  identifier     = "db"
  instance_class = "db.t3.micro"
  # the initial database
  name = "app"
}

resource "aws_autoscaling_attachment" "web" {
  autoscaling_group_name = "web"
  alb_target_group_arn   = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/1"
}

resource "aws_kinesis_firehose_delivery_stream" "events" {
  name        = "events"
  destination = "extended_s3"

  extended_s3_configuration {
    role_arn   = "arn:aws:iam::123456789012:role/firehose"
    bucket_arn = "arn:aws:s3:::events"

    s3_backup_mode = "Enabled"
    s3_backup_configuration {
      role_arn        = "arn:aws:iam::123456789012:role/firehose"
      bucket_arn      = "arn:aws:s3:::events-backup"
      buffer_size     = 10
      buffer_interval = 400
    }
  }
}
