locals {
  stack = "analytics-platform-reporting-warehouse"
}

resource "aws_rds_cluster" "main" {
  cluster_identifier = trimsuffix(substr("${local.stack}-aurora-postgresql-cluster-primary", 0, 63), "-")
  engine             = "aurora-postgresql"
  master_username    = "admin"
}
