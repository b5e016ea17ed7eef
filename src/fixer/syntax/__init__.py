"""Text → tokens → lossless concrete syntax tree, and back."""

import os as _os

if _os.environ.get("TFFIX_PURE_PYTHON"):  # the pure-Python modules even beside a compiled build
    from ._pure import prefer_sources as _prefer_sources

    _prefer_sources(__name__, __path__[0])

from .nodes import *  # noqa: F401,F403
from .nodes import __all__ as _nodes_all
from . import lexer as _lexer
from .parser import parse
from .tokens import Token

__all__ = ["parse", "Token", "COMPILED", *_nodes_all]

# True when the optional compiled build (scripts/build_compiled.py) is in use: the lexer is
# then an extension module made by mypyc, not the pure-Python module beside it
# (TFFIX_PURE_PYTHON=1 in the environment turns it off).
COMPILED: bool = not (_lexer.__file__ or "").endswith(".py")
