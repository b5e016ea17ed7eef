"""``python -m fixer``: the ``tffix`` command."""

from .cli import run

run()
