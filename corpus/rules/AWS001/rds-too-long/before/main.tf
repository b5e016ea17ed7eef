locals {
  stack = "analytics-platform-reporting-warehouse"
}

resource "aws_rds_cluster" "main" {
  cluster_identifier = "${local.stack}-aurora-postgresql-cluster-primary"
  engine             = "aurora-postgresql"
  master_username    = "admin"
}
