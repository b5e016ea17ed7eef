# Before 2.3.0 (every 1.x release) a virtual node has no backend block (spec.backends, a list of
# names): terraform validate says the backend block is unsupported there, not that it holds too
# many virtual_service blocks. AWS003 knows nothing to report.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 1.60"
    }
  }
}
