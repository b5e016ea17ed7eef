"""Literal values against schema types, as go-cty's conversion judges them."""

from __future__ import annotations

import pytest

from fixer import parse
from fixer.schema.literal_types import literal_type_error, type_phrase


def _value(text: str):  # type: ignore[no-untyped-def]
    return parse(f"x = {text}\n").body.attributes()[0].value


@pytest.mark.parametrize(
    "text, code, problem",
    [
        ('"http"', "n", "a number is required"),
        ('"yes"', "b", "a bool is required"),
        ("1", "b", "bool required"),
        ("true", "n", "number required"),
        ('["a"]', "s", "string required"),
        ("{ a = 1 }", "s", "string required"),
        ("[]", "b", "bool required"),
        ('"a"', "l:s", "list of string required"),
        ("{ a = 1 }", "S:s", "set of string required"),
        ('["a"]', "m:s", "map of string required"),
        ('[1, ["b"]]', "l:s", "element 1: string required"),
        ('{ a = "1", b = "x" }', "m:n", 'element "b": a number is required'),
        ('["x"]', "l:n", "element 0: a number is required"),
    ],
)
def test_unconvertible_literals_are_reported(text: str, code: str, problem: str) -> None:
    assert literal_type_error("x", _value(text), code) == f'Inappropriate value for attribute "x": {problem}.'


@pytest.mark.parametrize(
    "text, code",
    [
        ('"5"', "n"), ('"-1.5e3"', "n"), ("-3", "n"), ("5", "s"), ("true", "s"),
        ('"true"', "b"), ('"0"', "b"), ('"1"', "b"), ("false", "b"),
        ('["a", 1, true]', "l:s"), ('{ a = 1, b = false }', "m:s"),
        ("null", "n"), ("var.x", "b"), ('"${var.x}"', "n"),
        ("local.a ? 1 : 2", "b"), ("{ a = 1 }", "o"), ("[1]", "any"), ("[{ a = 1 }]", "l:o"),
        ("<<EOT\n5\nEOT", "n"), ("<<EOT\nyes\nEOT", "s"), ("[for v in var.x : v]", "s"),
    ],
)
def test_convertible_values_and_expressions_are_not_reported(text: str, code: str) -> None:
    assert literal_type_error("x", _value(text), code) is None


def test_a_tuple_is_no_string_whatever_its_elements() -> None:
    assert literal_type_error("x", _value("[var.x]"), "s") == 'Inappropriate value for attribute "x": string required.'


def test_type_phrases() -> None:
    assert [type_phrase(c) for c in ("s", "l:n", "S:s", "m:l:s")] == ["string", "list of number", "set of string", "map of list of string"]
