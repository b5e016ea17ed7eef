locals {
  stack = "analytics-platform-reporting-warehouse"
}

resource "aws_rds_cluster" "main" {
  cluster_identifier = "${trimsuffix(substr(local.stack, 0, 63 - length("-aurora-postgresql-cluster-primary")), "-")}-aurora-postgresql-cluster-primary"
  engine             = "aurora-postgresql"
  master_username    = "admin"
}
