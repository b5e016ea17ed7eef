"""Text → tokens → lossless concrete syntax tree, and back."""

from .nodes import *  # noqa: F401,F403
from .nodes import __all__ as _nodes_all
from .parser import parse
from .tokens import Token

__all__ = ["parse", "Token", *_nodes_all]
