locals {
  stack = "analytics-platform-reporting-warehouse"
}

resource "aws_rds_cluster" "main" {
  cluster_identifier = length("${local.stack}-aurora-postgresql-cluster-primary") <= 63 ? "${local.stack}-aurora-postgresql-cluster-primary" : "${trimsuffix(substr("${local.stack}-aurora-postgresql-cluster-primary", 0, 56), "-")}-${substr(md5("${local.stack}-aurora-postgresql-cluster-primary"), 0, 6)}"
  engine             = "aurora-postgresql"
  master_username    = "admin"
}
