"""HashiCorp's HCL parser (through pygohcl) as an oracle, when it is installed."""

from __future__ import annotations

import pytest

try:
    import pygohcl
except ImportError:  # pragma: no cover - depends on the machine
    pygohcl = None

HAVE_GOHCL = pygohcl is not None
requires_gohcl = pytest.mark.skipif(not HAVE_GOHCL, reason="pygohcl is not installed")


def gohcl_accepts(text: str) -> bool | None:
    """True/False: HashiCorp's parser accepts/rejects ``text``; None without pygohcl."""
    if pygohcl is None:
        return None
    try:
        pygohcl.loads(text)
    except pygohcl.HCLParseError:
        return False
    except pygohcl.HCLInternalError as e:
        # pygohcl parses, then evaluates every value to build a Go map; a value
        # that cannot be evaluated (``!null``) fails *after* a successful parse.
        if str(e).startswith("cannot convert HCL to Go map representation"):
            return True
        raise
    return True
