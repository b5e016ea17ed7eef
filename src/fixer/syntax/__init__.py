"""Text → tokens → lossless concrete syntax tree, and back."""

from .nodes import *  # noqa: F401,F403
from .nodes import __all__ as _nodes_all
from . import lexer as _lexer
from .parser import parse
from .tokens import Token

__all__ = ["parse", "Token", "COMPILED", *_nodes_all]

# True when the optional compiled build (scripts/build_compiled.py) is in use: the lexer is
# then an extension module made by mypyc, not the pure-Python module beside it.
COMPILED: bool = not (_lexer.__file__ or "").endswith(".py")
