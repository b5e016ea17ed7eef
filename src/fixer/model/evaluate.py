"""A static evaluator for the values rules need, chiefly names and their lengths.

It never runs anything: it folds literals, templates, variables with a known
value (``--var``, tfvars) or a default, locals, ``each.key`` / ``each.value``
over a literal ``for_each`` and ``count.index``, ``for`` expressions over known
collections, and the string functions that name-building code uses. Whatever
cannot be known becomes :class:`Unknown`, which still carries the range of
lengths the known parts force: ``"tg-${var.x}"`` is "3 characters or more".
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from ..facts.value_lengths import DATA_SOURCE_LENGTHS, random_length
from ..syntax import nodes as n
from ..syntax.nodes import unescape_quoted

__all__ = ["Unknown", "Scope", "Evaluator", "length_range", "to_template_string", "validated_length", "regex_max_length",
           "parse_expression"]


@dataclass(frozen=True)
class Unknown:
    """A value that cannot be known statically; for strings, bounds on its length."""

    min_len: int = 0  # the fewest characters it can have
    max_len: int | None = None  # the most, None when unbounded
    sources: tuple[str, ...] = ()  # what made it unknown: "var.environment_suffix", ...

    def __add__(self, other: "Unknown") -> "Unknown":
        return Unknown(
            self.min_len + other.min_len,
            None if self.max_len is None or other.max_len is None else self.max_len + other.max_len,
            _merge_sources(self.sources, other.sources),
        )


def _merge_sources(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(a + b))


def _merge_pieces(pieces: list[str | None]) -> list[str | None]:
    """Adjacent known pieces joined, adjacent unknown stretches made one; never empty."""
    out: list[str | None] = []
    for p in pieces:
        if out and isinstance(p, str) and isinstance(out[-1], str):
            out[-1] += p
        elif p is None and out and out[-1] is None:
            continue
        else:
            out.append(p)
    return out or [""]


_NOT_SET: Any = object()


@dataclass(frozen=True)
class Scope:
    """What ``each``, ``count`` and for-expression names stand for while evaluating."""

    each_key: Any = _NOT_SET
    each_value: Any = _NOT_SET
    count_index: Any = _NOT_SET
    names: tuple[tuple[str, Any], ...] = field(default=())  # for-expression variables, innermost last

    def with_names(self, **values: Any) -> "Scope":
        return Scope(self.each_key, self.each_value, self.count_index, self.names + tuple(values.items()))

    def lookup(self, name: str) -> Any:
        for key, value in reversed(self.names):
            if key == name:
                return value
        return _NOT_SET

    @property
    def key(self) -> Any:
        """The ``for_each`` key or ``count`` index of the instance, None for a single one."""
        if self.each_key is not _NOT_SET:
            return self.each_key
        return self.count_index if self.count_index is not _NOT_SET else None

    def describe(self) -> str:
        """``each.key = notification-service`` or ``count.index = 2``, for messages."""
        if self.each_key is not _NOT_SET:
            return f"each.key = {self.each_key}"
        if self.count_index is not _NOT_SET:
            return f"count.index = {self.count_index}"
        return ""


def length_range(value: Any) -> tuple[int, int | None]:
    """(fewest, most) characters of a string value."""
    if isinstance(value, Unknown):
        return value.min_len, value.max_len
    text = to_template_string(value)
    if isinstance(text, Unknown):
        return text.min_len, text.max_len
    return len(text), len(text)


def is_number(value: Any) -> bool:
    """Whether ``value`` is a known number (``true``/``false`` are not numbers)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def to_template_string(value: Any) -> Any:
    """How a value is written into a template, or Unknown."""
    if isinstance(value, Unknown):
        return value
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return Unknown()


class Evaluator:
    """Evaluates expressions of one module."""

    MAX_DEPTH = 64  # local -> local chains deeper than this are treated as unknown

    def __init__(
        self, module: Any, *, placeholders_unknown: bool = False, assumed: dict[str, Any] | None = None,
        variables_unknown: bool = False,
    ) -> None:
        """``placeholders_unknown``: a variable whose default is ``""`` or ``null`` (and that is
        given no value) is unknown rather than empty: such a default is a placeholder the
        caller is expected to replace (a module's ``var.name``), as a rule judging names
        must assume. ``assumed``: values to take for references (``{"var.env": "x",
        "random_string.s.result": "ab"}``) over anything else, to try a fix on made-up inputs
        (see :meth:`assuming`). ``variables_unknown``: every input variable is unknown,
        whatever its default or the values given (see :meth:`at_configuration_time`)."""
        self.module = module
        self.placeholders_unknown = placeholders_unknown
        self.variables_unknown = variables_unknown
        self.assumed = dict(assumed or {})
        self._locals_in_progress: set[str] = set()
        self._depth = 0

    # ---- entry points --------------------------------------------------------------
    def evaluate(self, expr: n.Expression | None, scope: Scope = Scope()) -> Any:
        """The value of ``expr`` (a Python value or :class:`Unknown`)."""
        if expr is None:
            return Unknown()
        self._depth += 1
        try:
            if self._depth > self.MAX_DEPTH:
                return Unknown()
            method = _DISPATCH.get(type(expr))
            if method is None:
                return Unknown()
            return method(self, expr, scope)
        except (ValueError, TypeError, IndexError, KeyError, ZeroDivisionError, OverflowError, RecursionError):
            return Unknown()
        finally:
            self._depth -= 1

    def assuming(self, values: dict[str, Any]) -> "Evaluator":
        """An evaluator of the same module that takes ``values`` for these references
        (``var.x``, ``random_string.s.result``, ``data.aws_region.r.name``): to check a fix
        on inputs the module may be given, not only the ones it was."""
        return type(self)(
            self.module, placeholders_unknown=self.placeholders_unknown, assumed={**self.assumed, **values},
            variables_unknown=self.variables_unknown,
        )

    def at_configuration_time(self) -> "Evaluator":
        """An evaluator of the same module as ``terraform validate`` sees it: every input
        variable unknown (validate reads no tfvars and no ``-var``, and takes no default as
        the value), locals evaluated from what they are written from, other resources'
        attributes unknown as always; evaluate with an empty :class:`Scope` so that
        ``count.index`` / ``each.*`` are unknown. A value it knows is one the provider's
        validation functions see even for a resource with ``count = 0``
        (hashicorp/terraform#36776)."""
        return type(self)(self.module, variables_unknown=True)

    def evaluate_source(self, source: str, scope: Scope = Scope()) -> Any:
        """The value of an expression written as text (a fix's new value, to verify it before
        offering it); :class:`Unknown` when the text is not one expression."""
        expression = parse_expression(source)
        if expression is None:
            return Unknown(sources=("unparsable",))
        return self.evaluate(expression, scope)

    def pieces(self, expr: n.Expression | None, scope: Scope = Scope()) -> tuple[str | None, ...]:
        """A string value as known text pieces, ``None`` for each stretch that cannot be known.

        ``"sg-${var.x}-web"`` with ``var.x`` unknown gives ``("sg-", None, "-web")``:
        templates, locals, ``format("%s-...")`` and ``join(sep, [...])`` are opened
        up so that the known start and end of a partly unknown name are kept.
        """
        plain = [p if isinstance(p, str) else None for p in self._pieces(expr, scope, 0)]
        return tuple(_merge_pieces(plain))

    def parts(self, expr: n.Expression | None, scope: Scope = Scope()) -> tuple["str | Unknown", ...]:
        """Like :meth:`pieces`, but each unknown stretch is its :class:`Unknown` (its length
        bounds and sources), one per input: ``"tg-${var.a}${var.b}"`` gives
        ``("tg-", Unknown(var.a), Unknown(var.b))``. Adjacent known text is joined."""
        out: list[Any] = []
        for p in self._pieces(expr, scope, 0):
            if isinstance(p, str) and out and isinstance(out[-1], str):
                out[-1] += p
            elif not (isinstance(p, str) and p == "" and out):
                out.append(p)
        return tuple(out or [""])

    def _pieces(self, expr: n.Expression | None, scope: Scope, depth: int) -> list[Any]:
        if expr is None or depth > self.MAX_DEPTH:
            return [Unknown()]
        value = self.evaluate(expr, scope)
        if isinstance(value, str):
            return [value]
        if not isinstance(value, Unknown) and value is not None and not isinstance(value, (dict, list, bool)):
            return [str(value)]
        kind = type(expr)
        if kind is n.Parens:
            return self._pieces(expr.expression, scope, depth + 1)  # type: ignore[attr-defined]
        if kind is n.QuotedTemplate:
            out: list[str | None] = []
            for part in expr.template.parts:  # type: ignore[attr-defined]
                if type(part) is n.TemplateLiteral:
                    out.append(unescape_quoted(part.token.value))
                elif type(part) is n.Interpolation:
                    out.extend(self._pieces(part.expression, scope, depth + 1))
                else:
                    out.append(Unknown())
            return out
        name = n.reference_name(expr)
        if name and name.startswith("local.") and name.count(".") == 1:
            found = self.module.local(name.split(".")[1])
            return self._pieces(found[1].value, Scope(), depth + 1) if found is not None else [value]
        if kind is n.FunctionCall and not expr.expands_final_argument:  # type: ignore[attr-defined]
            args, fname = expr.args, expr.name  # type: ignore[attr-defined]
            if fname == "format" and args:
                spec = self.evaluate(args[0], scope)
                if isinstance(spec, str):
                    return self._format_pieces(spec, args[1:], scope, depth)
            if fname == "join" and len(args) == 2 and type(args[1]) is n.Tuple:
                sep = self.evaluate(args[0], scope)
                if isinstance(sep, str):
                    out = []
                    for i, item in enumerate(args[1].items):  # type: ignore[attr-defined]
                        if i:
                            out.append(sep)
                        out.extend(self._pieces(item, scope, depth + 1))
                    return out
        return [value if isinstance(value, Unknown) else Unknown()]

    def _format_pieces(self, spec: str, args: list, scope: Scope, depth: int) -> list[Any]:
        out: list[Any] = []
        i = 0
        for m in re.finditer(r"%%|%[-+ #0]*[0-9]*(?:\.[0-9]+)?[a-z]|[^%]+|%", spec):
            token = m.group()
            if token == "%%":
                out.append("%")
            elif token.startswith("%") and len(token) > 1:
                if "." in token and i < len(args):  # "%.20s": the verb itself bounds the length
                    value = _format([token, self.evaluate(args[i], scope)])
                    out.append(value)
                elif token.endswith("s") and i < len(args):
                    out.extend(self._pieces(args[i], scope, depth + 1))
                else:
                    out.append(Unknown())
                i += 1
            else:
                out.append(token)
        return out

    def instances(self, block: n.Block) -> list[Scope] | None:
        """The scopes of a resource's instances: one per ``for_each`` key or ``count`` index.

        ``[Scope()]`` for a single instance; None when ``for_each``/``count`` is unknown.
        """
        for_each = block.body.get_attribute("for_each")
        if for_each is not None:
            value = self.evaluate(for_each.value)
            if isinstance(value, dict):
                return [Scope(each_key=k, each_value=v) for k, v in value.items()]
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                return [Scope(each_key=v, each_value=v) for v in sorted(set(value))]
            return None
        count = block.body.get_attribute("count")
        if count is not None:
            value = self.evaluate(count.value)
            if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10_000:
                return [Scope(count_index=i) for i in range(value)]
            return None
        return [Scope()]

    def comparable(self, expr: n.Expression) -> tuple:
        """A form of ``expr`` to compare with another's: ``("value", v)`` when it evaluates to a
        known string or number, else ``("text", ...)`` its :func:`~fixer.syntax.nodes.compared_text`."""
        value = self.evaluate(expr)
        if isinstance(value, str) or is_number(value):
            return ("value", value)
        return ("text", n.compared_text(expr))

    def per_instance(self, block: n.Block, expr: n.Expression | None) -> list[Any]:
        """``expr``'s value in each instance of ``block`` (:meth:`instances`): none when it has
        no instance (``count = 0``), one value evaluated without ``each``/``count`` when the
        instances are unknown."""
        instances = self.instances(block)
        return [self.evaluate(expr, scope) for scope in (instances if instances is not None else [Scope()])]

    def variable_value(self, name: str) -> Any:
        """The variable's value: given (--var, tfvars), else its default, else Unknown
        (always Unknown for an evaluator :meth:`at_configuration_time`)."""
        if self.variables_unknown:
            return Unknown(sources=(f"var.{name}",))
        if f"var.{name}" in self.assumed:
            return self.assumed[f"var.{name}"]
        if name in self.module.values:
            return self.module.values[name]
        found = self.module.variable(name)
        if found is not None:
            default = found[1].body.get_attribute("default")
            if default is not None:
                value = self.evaluate(default.value)
                if not (self.placeholders_unknown and value in (None, "")):
                    return value
            bound = validated_length(found[1], name, self)
            if bound is not None:
                return Unknown(bound[0], bound[1], (f"var.{name}",))
        return Unknown(sources=(f"var.{name}",))

    # ---- node kinds ---------------------------------------------------------------------
    def _literal(self, expr: n.Literal, scope: Scope) -> Any:
        text = expr.token.value
        if re.fullmatch(r"[0-9]+", text):
            return int(text)
        return float(text)

    def _quoted(self, expr: n.QuotedTemplate, scope: Scope) -> Any:
        return self._template(expr.template, scope, quoted=True)

    def _heredoc(self, expr: n.Heredoc, scope: Scope) -> Any:
        if expr.strips_indent:
            return Unknown(sources=("heredoc",))
        return self._template(expr.template, scope, quoted=False)

    def _template(self, template: n.Template, scope: Scope, quoted: bool) -> Any:
        pieces: list[str] = []
        unknown: Unknown | None = None
        for part in template.parts:
            if type(part) is n.TemplateLiteral:
                raw = part.token.value
                text = unescape_quoted(raw) if quoted else raw.replace("$${", "${").replace("%%{", "%{")
                pieces.append(text)
                continue
            if type(part) is n.Interpolation:
                value = to_template_string(self.evaluate(part.expression, scope))
            else:
                value = Unknown()
            if isinstance(value, Unknown):
                unknown = value if unknown is None else unknown + value
            else:
                pieces.append(value)
        text = "".join(pieces)
        if unknown is None:
            return text
        return Unknown(unknown.min_len + len(text), None if unknown.max_len is None else unknown.max_len + len(text), unknown.sources)

    def _variable(self, expr: n.Variable, scope: Scope) -> Any:
        name = expr.name.value
        if name == "true":
            return True
        if name == "false":
            return False
        if name == "null":
            return None
        found = scope.lookup(name)
        if found is not _NOT_SET:
            return found
        return Unknown(sources=(name,))

    def _traversal(self, expr: n.Expression, scope: Scope) -> Any:
        root, steps = n.traversal_parts(expr)
        if type(root) is n.Variable and steps and type(steps[0]) is n.GetAttr:
            head = root.name.value
            attr = steps[0].name.value  # type: ignore[attr-defined]
            rest = steps[1:]
            value: Any = _NOT_SET
            if head == "var" and scope.lookup("var") is _NOT_SET:
                value = self.variable_value(attr)
            elif head == "local" and scope.lookup("local") is _NOT_SET:
                value = self._local(attr)
            elif head == "each" and scope.lookup("each") is _NOT_SET:
                if attr == "key" and scope.each_key is not _NOT_SET:
                    value = scope.each_key
                elif attr == "value" and scope.each_value is not _NOT_SET:
                    value = scope.each_value
                else:
                    value = Unknown(sources=(f"each.{attr}",))
            elif head == "count" and attr == "index" and scope.lookup("count") is _NOT_SET:
                value = scope.count_index if scope.count_index is not _NOT_SET else Unknown(sources=("count.index",))
            if value is not _NOT_SET:
                return self._apply_steps(value, rest, scope)
            if scope.lookup(head) is _NOT_SET:
                return self._reference(expr, head, attr, rest)
        return self._apply_steps(self.evaluate(root, scope), steps, scope)

    def _reference(self, expr: n.Expression, head: str, attr: str, rest: list) -> Any:
        """A resource or data source attribute: unknown, with the length the facts give it
        (``data.aws_caller_identity.x.account_id``: 12; ``random_string.x.result``: ``length``)."""
        name = n.reference_name(expr) or head
        if name in self.assumed:
            return self.assumed[name]
        names = [attr] + [s.name.value for s in rest if type(s) is n.GetAttr]
        if len(rest) != len(names) - 1:
            return Unknown(sources=(name,))
        if head == "data" and len(names) == 3:
            bounds = DATA_SOURCE_LENGTHS.get((names[0], names[2]))
            if bounds is not None:
                return Unknown(bounds[0], bounds[1], (name,))
        elif head.startswith("random_") and len(names) == 2:
            found = self.module.resource(f"{head}.{names[0]}") if hasattr(self.module, "resource") else None
            if found is not None and found[1].body.get_attribute("count") is None \
                    and found[1].body.get_attribute("for_each") is None:
                arguments = {a.key: self.evaluate(a.value) for a in found[1].body.attributes()}
                bounds = random_length(head, names[1], arguments)
                if bounds is not None:
                    return Unknown(bounds[0], bounds[1], (name,))
        return Unknown(sources=(name,))

    def _apply_steps(self, value: Any, steps: list, scope: Scope) -> Any:
        for step in steps:
            if isinstance(value, Unknown):
                return Unknown(sources=value.sources)
            kind = type(step)
            if kind is n.GetAttr:
                if not isinstance(value, dict):
                    return Unknown()
                value = value[step.name.value]
            elif kind is n.Index:
                key = self.evaluate(step.key, scope)
                if isinstance(key, Unknown):
                    return Unknown(sources=key.sources)
                if isinstance(value, list) and isinstance(key, (int, float)) and not isinstance(key, bool):
                    value = value[int(key)]
                elif isinstance(value, dict):
                    value = value[to_template_string(key)]
                else:
                    return Unknown()
            elif kind is n.LegacyIndex:
                if not isinstance(value, list):
                    return Unknown()
                value = value[int(step.index.value)]
            else:
                return Unknown()
        return value

    def _local(self, name: str) -> Any:
        if name in self._locals_in_progress:
            return Unknown(sources=(f"local.{name}",))
        found = self.module.local(name)
        if found is None:
            return Unknown(sources=(f"local.{name}",))
        self._locals_in_progress.add(name)
        try:
            return self.evaluate(found[1].value)
        finally:
            self._locals_in_progress.discard(name)

    def _parens(self, expr: n.Parens, scope: Scope) -> Any:
        return self.evaluate(expr.expression, scope)

    def _tuple(self, expr: n.Tuple, scope: Scope) -> Any:
        return [self.evaluate(item, scope) for item in expr.items]

    def _object(self, expr: n.Object, scope: Scope) -> Any:
        out: dict[str, Any] = {}
        for item in expr.items:
            key = item.key_name
            if key is None:
                key_value = self.evaluate(item.key, scope)
                if isinstance(key_value, Unknown):
                    return Unknown()
                key = to_template_string(key_value)
                if isinstance(key, Unknown):
                    return Unknown()
            out[key] = self.evaluate(item.value, scope)
        return out

    def _for_iterations(self, intro: n.ForIntro, scope: Scope) -> list[Scope] | None:
        collection = self.evaluate(intro.collection, scope)
        if isinstance(collection, dict):
            pairs = list(collection.items())
        elif isinstance(collection, list):
            pairs = list(enumerate(collection))
        else:
            return None
        out = []
        for key, value in pairs:
            names = {intro.value_var.value: value}
            if intro.key_var is not None:
                names[intro.key_var.value] = key
            out.append(scope.with_names(**names))
        return out

    def _for_tuple(self, expr: n.ForTuple, scope: Scope) -> Any:
        iterations = self._for_iterations(expr.intro, scope)
        if iterations is None:
            return Unknown()
        out = []
        for inner in iterations:
            if expr.condition is not None:
                keep = self.evaluate(expr.condition, inner)
                if not isinstance(keep, bool):
                    return Unknown()
                if not keep:
                    continue
            out.append(self.evaluate(expr.value, inner))
        return out

    def _for_object(self, expr: n.ForObject, scope: Scope) -> Any:
        iterations = self._for_iterations(expr.intro, scope)
        if iterations is None:
            return Unknown()
        out: dict[str, Any] = {}
        for inner in iterations:
            if expr.condition is not None:
                keep = self.evaluate(expr.condition, inner)
                if not isinstance(keep, bool):
                    return Unknown()
                if not keep:
                    continue
            key = to_template_string(self.evaluate(expr.key, inner))
            if isinstance(key, Unknown):
                return Unknown()
            value = self.evaluate(expr.value, inner)
            if expr.ellipsis is not None:
                out.setdefault(key, []).append(value)
            else:
                out[key] = value
        return out

    def _conditional(self, expr: n.Conditional, scope: Scope) -> Any:
        cond = self.evaluate(expr.condition, scope)
        if isinstance(cond, bool):
            return self.evaluate(expr.true_value if cond else expr.false_value, scope)
        a = self.evaluate(expr.true_value, scope)
        b = self.evaluate(expr.false_value, scope)
        (amin, amax), (bmin, bmax) = length_range(a), length_range(b)
        return Unknown(
            min(amin, bmin),
            None if amax is None or bmax is None else max(amax, bmax),
            _merge_sources(getattr(cond, "sources", ()), getattr(a, "sources", ()) + getattr(b, "sources", ())),
        )

    def _unary(self, expr: n.UnaryOp, scope: Scope) -> Any:
        value = self.evaluate(expr.operand, scope)
        if isinstance(value, Unknown):
            return Unknown(sources=value.sources)
        if expr.operator.value == "!":
            return (not value) if isinstance(value, bool) else Unknown()
        return -value if isinstance(value, (int, float)) and not isinstance(value, bool) else Unknown()

    def _binary(self, expr: n.BinaryOp, scope: Scope) -> Any:
        op = expr.operator.value
        left = self.evaluate(expr.left, scope)
        right = self.evaluate(expr.right, scope)
        if isinstance(left, Unknown) or isinstance(right, Unknown):
            return Unknown(sources=_merge_sources(getattr(left, "sources", ()), getattr(right, "sources", ())))
        if op == "==":
            return left == right
        if op == "!=":
            return left != right
        if op in ("&&", "||"):
            if not isinstance(left, bool) or not isinstance(right, bool):
                return Unknown()
            return (left and right) if op == "&&" else (left or right)
        numbers = (int, float)
        if not isinstance(left, numbers) or not isinstance(right, numbers) or isinstance(left, bool) or isinstance(right, bool):
            return Unknown()
        if op == "+":
            return left + right
        if op == "-":
            return left - right
        if op == "*":
            return left * right
        if op == "/":
            return left / right
        if op == "%":
            return left % right
        return {"<": left < right, ">": left > right, "<=": left <= right, ">=": left >= right}.get(op, Unknown())

    def _call(self, expr: n.FunctionCall, scope: Scope) -> Any:
        function = _FUNCTIONS.get(expr.name)
        args = [self.evaluate(a, scope) for a in expr.args]
        if expr.expands_final_argument:
            if not args or not isinstance(args[-1], list):
                return Unknown()
            args = args[:-1] + args[-1]
        if function is None:
            sources = tuple(s for a in args if isinstance(a, Unknown) for s in a.sources)
            return Unknown(sources=sources or (f"{expr.name}()",))
        return function(args)


_DISPATCH: dict[type, Callable[..., Any]] = {
    n.Literal: Evaluator._literal,
    n.QuotedTemplate: Evaluator._quoted,
    n.Heredoc: Evaluator._heredoc,
    n.Variable: Evaluator._variable,
    n.GetAttr: Evaluator._traversal,
    n.Index: Evaluator._traversal,
    n.LegacyIndex: Evaluator._traversal,
    n.AttrSplat: lambda self, e, s: Unknown(),
    n.FullSplat: lambda self, e, s: Unknown(),
    n.Parens: Evaluator._parens,
    n.Tuple: Evaluator._tuple,
    n.Object: Evaluator._object,
    n.ForTuple: Evaluator._for_tuple,
    n.ForObject: Evaluator._for_object,
    n.Conditional: Evaluator._conditional,
    n.UnaryOp: Evaluator._unary,
    n.BinaryOp: Evaluator._binary,
    n.FunctionCall: Evaluator._call,
}


@functools.lru_cache(maxsize=512)
def parse_expression(source: str) -> n.Expression | None:
    """``source`` as one expression (parsed once however often a fix is tried), or None."""
    from ..syntax.parser import parse

    try:
        attribute = parse(f"v = {source}\n").body.get_attribute("v")
    except ValueError:
        return None
    return attribute.value if attribute is not None else None


_LENGTH_TEST = re.compile(r"length\(var\.(?P<name>\w+)\)(?P<op><=|<|==)(?P<n>[0-9]+)")
_REGEX_ARG = re.compile(r'(?:can\()?regex\("(?P<pattern>(?:[^"\\]|\\.)*)",var\.(?P<name>\w+)\)')
_CONTAINS = re.compile(r"contains\((?P<list>\[[^\]]*\]),var\.(?P<name>\w+)\)")


def validated_length(block: n.Block, name: str, evaluator: "Evaluator | None" = None) -> tuple[int, int] | None:
    """(fewest, most) characters a variable's ``validation`` blocks or ``type`` allow, or None.

    Read: ``length(var.x) <= N`` (``<``, ``==``), ``can(regex("^...{1,N}$", var.x))`` (an
    anchored pattern whose longest match is bounded), ``contains(["a", "bb"], var.x)``
    (the longest listed value), and ``type = bool`` (``false``: 5).
    """
    best: tuple[int, int] | None = None

    def tighten(low: int, high: int) -> None:
        nonlocal best
        best = (low, high) if best is None else (max(best[0], low), min(best[1], high))

    for validation in block.body.blocks("validation"):
        condition = validation.body.get_attribute("condition")
        if condition is None:
            continue
        source = re.sub(r"\s+", "", condition.value.source)
        if "||" in source:
            continue  # a disjunction bounds nothing on its own
        for m in _LENGTH_TEST.finditer(source):
            if m.group("name") == name:
                limit = int(m.group("n"))
                op = m.group("op")
                tighten(limit if op == "==" else 0, limit if op != "<" else limit - 1)
        for m in _REGEX_ARG.finditer(source):
            if m.group("name") == name:
                high = regex_max_length(unescape_quoted(m.group("pattern")))
                if high is not None:
                    tighten(0, high)
        for m in _CONTAINS.finditer(source):
            if m.group("name") == name and evaluator is not None:
                options = evaluator.evaluate_source(m.group("list"))
                if isinstance(options, list) and options and all(isinstance(o, str) for o in options):
                    tighten(min(map(len, options)), max(map(len, options)))
    kind = block.body.get_attribute("type")
    if best is None and kind is not None and kind.value.source.strip() == "bool":
        best = (4, 5)
    return best


def regex_max_length(pattern: str) -> int | None:
    """The longest string an anchored (``^...$``) regular expression matches, or None when
    unbounded or not understood. Handles literals, classes, escapes, groups with ``|`` and
    ``?``, ``{n}``, ``{n,m}``; ``*``, ``+`` and ``{n,}`` are unbounded."""
    if not (pattern.startswith("^") and pattern.endswith("$") and not pattern.endswith("\\$")):
        return None
    try:  # the stdlib's own regex parser: re._parser since 3.11, sre_parse before
        from re import _parser as sre_parse  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - Python < 3.11
        import sre_parse  # type: ignore[no-redef]
    try:
        parsed = sre_parse.parse(pattern[1:-1])
    except Exception:  # noqa: BLE001 - any pattern Python cannot read is "not understood"
        return None
    _, high = parsed.getwidth()
    return None if high >= 65535 else int(high)


# ---- functions (Terraform's semantics for known values; bounds for unknown strings) -------


def _strings(args: list[Any]) -> list[Any]:
    return [to_template_string(a) for a in args]


def _substr(args: list[Any]) -> Any:
    text, offset, length = args
    if isinstance(offset, Unknown) or isinstance(length, Unknown):
        return Unknown(sources=getattr(text, "sources", ()))
    offset, length = int(offset), int(length)
    if length < -1:
        raise ValueError("substr: length must be -1 or more")  # Terraform's error: unknown here
    text = to_template_string(text)
    if isinstance(text, Unknown):
        if offset != 0:
            return Unknown(0, text.max_len, text.sources)
        most = text.max_len if length < 0 else (length if text.max_len is None else min(length, text.max_len))
        least = text.min_len if length < 0 else min(text.min_len, length)
        return Unknown(least, most, text.sources)
    if offset < 0:
        offset = len(text) + offset
    return text[offset:] if length < 0 else text[offset : offset + length]


def _trim_affix(prefix: bool) -> Callable[[list[Any]], Any]:
    def fn(args: list[Any]) -> Any:
        text, affix = _strings(args)
        if isinstance(affix, Unknown):
            return Unknown(sources=getattr(text, "sources", ()))
        if isinstance(text, Unknown):
            return Unknown(max(0, text.min_len - len(affix)), text.max_len, text.sources)
        if prefix:
            return text[len(affix):] if affix and text.startswith(affix) else text
        return text[: -len(affix)] if affix and text.endswith(affix) else text

    return fn


def _trim(args: list[Any]) -> Any:
    text, chars = _strings(args)
    if isinstance(text, Unknown) or isinstance(chars, Unknown):
        return Unknown(0, getattr(text, "max_len", None), getattr(text, "sources", ()))
    return text.strip(chars)


def _case(method: str) -> Callable[[list[Any]], Any]:
    def fn(args: list[Any]) -> Any:
        (text,) = _strings(args)
        if isinstance(text, Unknown):
            return text
        return getattr(text, method)()

    return fn


def _digest(algorithm: str, size: int) -> Callable[[list[Any]], Any]:
    def fn(args: list[Any]) -> Any:
        (text,) = _strings(args)
        if isinstance(text, Unknown):
            return Unknown(size, size, text.sources)
        return hashlib.new(algorithm, text.encode("utf-8")).hexdigest()

    return fn


def _format(args: list[Any]) -> Any:
    spec, *values = args
    if not isinstance(spec, str):
        return Unknown()
    out: list[str] = []
    unknown: Unknown | None = None
    i = 0
    values = list(values)
    for m in re.finditer(r"%%|%[-+ #0]*[0-9]*(?:\.([0-9]+))?([sdvqft])|[^%]+", spec):
        token = m.group()
        if token == "%%":
            out.append("%")
        elif token.startswith("%"):
            if i >= len(values):
                return Unknown()
            value = to_template_string(values[i])
            i += 1
            if m.group(1) is not None and m.group(2) == "s":  # "%.20s": at most 20 characters
                most = int(m.group(1))
                if isinstance(value, Unknown):
                    value = Unknown(min(value.min_len, most), min(most, value.max_len if value.max_len is not None else most), value.sources)
                else:
                    value = value[:most]
            if isinstance(value, Unknown):
                unknown = value if unknown is None else unknown + value
            else:
                out.append(value)
        else:
            out.append(token)
    text = "".join(out)
    if unknown is None:
        return text
    return Unknown(unknown.min_len + len(text), None if unknown.max_len is None else unknown.max_len + len(text), unknown.sources)


def _join(args: list[Any]) -> Any:
    sep, items = args[0], args[1:]
    flat: list[Any] = []
    for item in items:
        if not isinstance(item, list):
            return Unknown(sources=getattr(item, "sources", ()))
        flat.extend(item)
    parts = _strings(flat)
    if isinstance(sep, Unknown) or any(isinstance(p, Unknown) for p in parts):
        return Unknown(sources=tuple(s for p in parts if isinstance(p, Unknown) for s in p.sources))
    return sep.join(parts)


def _replace(args: list[Any]) -> Any:
    text, old, new = _strings(args)
    if isinstance(text, Unknown) and not isinstance(old, Unknown) and not isinstance(new, Unknown):
        regex = len(old) > 1 and old.startswith("/") and old.endswith("/")
        if new == "" or (not regex and len(new) <= len(old)):
            # Nothing gets longer: ``replace(x, "/-+$/", "")`` is at most as long as x.
            return Unknown(0, text.max_len, text.sources)
        return Unknown(sources=text.sources)
    if any(isinstance(a, Unknown) for a in (text, old, new)):
        return Unknown(sources=getattr(text, "sources", ()))
    if len(old) > 1 and old.startswith("/") and old.endswith("/"):
        return re.sub(old[1:-1], new.replace("$", "\\"), text)
    return text.replace(old, new)


def _keys(args: list[Any]) -> Any:
    (value,) = args
    return sorted(value) if isinstance(value, dict) else Unknown()


def _values(args: list[Any]) -> Any:
    (value,) = args
    return [value[k] for k in sorted(value)] if isinstance(value, dict) else Unknown()


def _length(args: list[Any]) -> Any:
    (value,) = args
    if isinstance(value, (list, dict, str)):
        return len(value)
    return Unknown()


def _toset(args: list[Any]) -> Any:
    (value,) = args
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return sorted(set(value))
    return Unknown()


def _identity(args: list[Any]) -> Any:
    (value,) = args
    return value


def _tostring(args: list[Any]) -> Any:
    (value,) = args
    return to_template_string(value)


def _lookup(args: list[Any]) -> Any:
    mapping, key, *default = args
    if not isinstance(mapping, dict) or isinstance(key, Unknown):
        return Unknown()
    if key in mapping:
        return mapping[key]
    return default[0] if default else Unknown()


def _merge(args: list[Any]) -> Any:
    out: dict[str, Any] = {}
    for a in args:
        if not isinstance(a, dict):
            return Unknown()
        out.update(a)
    return out


def _concat(args: list[Any]) -> Any:
    out: list[Any] = []
    for a in args:
        if not isinstance(a, list):
            return Unknown()
        out.extend(a)
    return out


def _coalesce(args: list[Any]) -> Any:
    for a in args:
        if isinstance(a, Unknown):
            return Unknown(sources=a.sources)
        if a is not None and a != "":
            return a
    return Unknown()


_FUNCTIONS: dict[str, Callable[[list[Any]], Any]] = {
    "substr": _substr,
    "trimsuffix": _trim_affix(prefix=False),
    "trimprefix": _trim_affix(prefix=True),
    "trim": _trim,
    "lower": _case("lower"),
    "upper": _case("upper"),
    "format": _format,
    "join": _join,
    "replace": _replace,
    "md5": _digest("md5", 32),
    "sha1": _digest("sha1", 40),
    "sha256": _digest("sha256", 64),
    "keys": _keys,
    "values": _values,
    "length": _length,
    "toset": _toset,
    "tolist": _identity,
    "tomap": _identity,
    "tostring": _tostring,
    "lookup": _lookup,
    "merge": _merge,
    "concat": _concat,
    "coalesce": _coalesce,
}
