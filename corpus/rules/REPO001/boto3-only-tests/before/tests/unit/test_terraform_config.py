import subprocess
from pathlib import Path

MODULE = Path(__file__).resolve().parents[2]


def test_terraform_validate():
    subprocess.run(["terraform", "init", "-backend=false"], cwd=MODULE, check=True)
    subprocess.run(["terraform", "validate"], cwd=MODULE, check=True)


def test_vpc_uses_environment_suffix():
    assert "vpc-${var.environment_suffix}" in (MODULE / "main.tf").read_text()
