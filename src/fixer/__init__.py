"""tffix: repair Terraform (HCL) configurations that fail when deployed to AWS.

The public, stable surface:

* :func:`parse` — text to a lossless concrete syntax tree (``parse(t).code == t``).
* :class:`ParseError` — raised for invalid HCL, with ``path``, ``line``, ``column``.
"""

from __future__ import annotations

from .errors import ParseError
from .syntax.parser import parse

__all__ = ["parse", "ParseError", "__version__"]

__version__ = "0.1.0"
