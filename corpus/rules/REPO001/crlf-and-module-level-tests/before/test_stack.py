# -*- coding: utf-8 -*-
"""Legacy CDK test, CRLF line endings and a BOM."""
import pytest

from aws_cdk import assertions


def test_synth():
    assert assertions.Template is not None
