"""Coverage-guided fuzzing of tffix's parser and layout engine with atheris.

Three properties on every input the fuzzer makes:

* ``parse`` either returns a tree or raises :class:`fixer.ParseError`; any
  other exception (``RecursionError``, ``IndexError``, ...) is a crash;
* an accepted text round-trips byte for byte: ``parse(x).code == x``;
* formatting accepted text gives text that parses, and a second format changes
  nothing (``format(format(x)) == format(x)``), except that, as in terraform
  fmt, each pass unwraps one level of nested interpolation-only templates.

Run (see fuzz/README.md)::

    python fuzz/fuzz_hcl.py -dict=fuzz/hcl.dict -max_total_time=1800 -max_len=8192 /tmp/tffix-fuzz-corpus
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["fixer"]):
    import fixer.layout.engine  # noqa: F401 - imported here so that it is instrumented
    from fixer.errors import ParseError
    from fixer.layout import format_source
    from fixer.syntax.parser import parse


def check(text: str) -> None:
    """The three properties for one text; raises AssertionError or the crash itself."""
    try:
        tree = parse(text)
    except ParseError:
        return
    code = tree.code
    if code != text:
        raise AssertionError(f"round trip lost bytes: {text!r} -> {code!r}")
    formatted = format_source(text)
    # terraform fmt unwraps one interpolation-only template ("${x}" -> x) per pass,
    # so "${"${x}"}" takes two passes; anything else must be a fixpoint at once.
    for _ in range(text.count("${") + 1):
        again = format_source(formatted)
        if again == formatted:
            return
        if '"${' not in formatted:
            break
        formatted = again
    raise AssertionError(f"format does not reach a fixpoint: {text!r} -> {formatted!r}")


def test_one_input(data: bytes) -> None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        # the CLI refuses non-UTF-8 bytes before parsing; fuzz their code points too
        text = data.decode("latin-1")
    check(text)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
