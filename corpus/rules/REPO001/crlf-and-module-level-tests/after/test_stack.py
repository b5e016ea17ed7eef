"""Legacy CDK test, CRLF line endings and a BOM.

Ported by tffix (REPO001) from CDK assertions on a synthesized template to static
checks of the Terraform module, read with fixer.inspect_module (offline, nothing deployed).
"""

from pathlib import Path

import pytest

import fixer

MODULE_DIR = Path(__file__).resolve().parents[0]


@pytest.fixture(scope="module")
def module():
    return fixer.inspect_module(MODULE_DIR)


def test_synth(module):
    pytest.skip('no static equivalent for the statement `assert assertions.Template is not None`')
