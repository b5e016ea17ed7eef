"""Compare the Terraform plan with what the old CDK app produced (migration helper)."""

import json
import sys

import aws_cdk as cdk


def main() -> int:
    print(json.dumps({"cdk": cdk.__name__}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
