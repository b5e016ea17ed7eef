"""A module: the ``.tf`` files of one directory, seen together.

Terraform merges every ``.tf`` file of a directory into one module, so a rule
that checks a resource may need a variable declared in another file, a value
from ``terraform.tfvars``, or the references to the resource from anywhere in
the module. :class:`Module` indexes all of that once per run.

Override files (``override.tf``, ``*_override.tf``) are read like the others;
``resources(type, overrides=False)`` leaves out their partial blocks, and
``overrides(address)`` finds them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Iterator

from ..syntax.nodes import Attribute, Block, Document, Expression, Node, contains, reference_name, traversal_parts
from ..syntax.nodes import unwrapped
from ..syntax.parser import parse

__all__ = ["SourceFile", "Module", "Reference", "is_override_file", "traversals", "depends_on", "resource_name"]


@dataclass
class SourceFile:
    """One parsed file of a module."""

    path: str  # as given by the caller; used in every finding
    text: str  # the exact text
    tree: Document  # its lossless tree

    @cached_property
    def newline(self) -> str:
        """The file's line ending, ``"\\r\\n"`` or ``"\\n"`` (read once: editors ask per fix)."""
        return self.tree.newline


@dataclass(frozen=True)
class Reference:
    """A place where an expression refers to something by name."""

    file: SourceFile
    expression: Expression  # the whole traversal, e.g. ``aws_lb.main.arn``
    name: str  # its dotted text, e.g. ``aws_lb.main.arn``

    def address_block(self) -> Block | None:
        """The ``moved`` / ``import`` / ``removed`` block the reference is in: there it names
        an address (a state entry), not a value, and renaming it changes what Terraform does."""
        for block in self.file.tree.body.blocks():
            if block.type in ADDRESS_BLOCKS and contains(block, self.expression):
                return block
        return None


# Top-level blocks whose references name addresses rather than values.
ADDRESS_BLOCKS = ("moved", "import", "removed")


@dataclass
class Module:
    """The files of one module and what they declare."""

    files: list[SourceFile]
    values: dict[str, Any] = field(default_factory=dict)  # variable values: tfvars, --var
    extra_files: list[str] = field(default_factory=list)  # other paths in the directory (cdk.json, tests)
    # The text of extra files a fix has changed in this run (path -> text); rules read these, not the disk.
    extra_texts: dict[str, str] = field(default_factory=dict)
    _quoted: dict[str, list[tuple[SourceFile, Node]]] | None = field(default=None, init=False, repr=False, compare=False)
    _provider_versions: dict[str, str | None] = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def from_sources(
        cls, sources: dict[str, str], values: dict[str, Any] | None = None,
        extra_files: list[str] | None = None, trees: dict[str, Document] | None = None,
    ) -> "Module":
        """Parse ``{path: text}`` (not the files whose tree is in ``trees``); raises
        ParseError on the first invalid file."""
        trees = trees or {}
        files = [SourceFile(path, text, trees.get(path) or parse(text, path)) for path, text in sources.items()]
        return cls(files, dict(values or {}), list(extra_files or []))

    # ---- declarations ---------------------------------------------------------------
    def blocks(self, type: str) -> Iterator[tuple[SourceFile, Block]]:
        """Every top-level block of ``type`` in the module, file by file."""
        for f in self.files:
            for block in f.tree.body.blocks(type):
                yield f, block

    def resources(
        self, resource_type: str | None = None, *, overrides: bool = True
    ) -> Iterator[tuple[SourceFile, Block]]:
        """Managed resources, optionally of one type (``aws_lb``; ``aws_alb`` is separate);
        ``overrides=False`` leaves out the blocks of override files (partial blocks that
        Terraform merges into the resource of the same address)."""
        for f, block in self.blocks("resource"):
            labels = block.labels
            if len(labels) == 2 and (resource_type is None or labels[0] == resource_type):
                if overrides or not is_override_file(f.path):
                    yield f, block

    def overrides(self, address: str) -> list[tuple[SourceFile, Block]]:
        """The blocks of override files (``override.tf``, ``*_override.tf``) for resource ``address``."""
        rtype, _, name = address.partition(".")
        return [
            (f, block) for f, block in self.resources(rtype)
            if is_override_file(f.path) and block.labels[1] == name
        ]

    def resource(self, address: str) -> tuple[SourceFile, Block] | None:
        """The resource at ``type.name``."""
        rtype, _, name = address.partition(".")
        for f, block in self.resources(rtype):
            if block.labels[1] == name:
                return f, block
        return None

    def variable(self, name: str) -> tuple[SourceFile, Block] | None:
        for f, block in self.blocks("variable"):
            if block.labels == (name,):
                return f, block
        return None

    def local(self, name: str) -> tuple[SourceFile, Attribute] | None:
        for f, block in self.blocks("locals"):
            attribute = block.body.get_attribute(name)
            if attribute is not None:
                return f, attribute
        return None

    def required_provider_version(self, provider: str = "aws") -> str | None:
        """The version constraint of ``required_providers { aws = {...} }``, if any."""
        if provider not in self._provider_versions:  # read once: rules ask per resource
            self._provider_versions[provider] = self._read_provider_version(provider)
        return self._provider_versions[provider]

    def _read_provider_version(self, provider: str) -> str | None:
        for _f, block in self.blocks("terraform"):
            for rp in block.body.blocks("required_providers"):
                attribute = rp.body.get_attribute(provider)
                if attribute is None:
                    continue
                value = attribute.value
                item = getattr(value, "get", lambda _k: None)("version")
                if item is not None and hasattr(item.value, "is_literal") and item.value.is_literal():
                    return item.value.literal_value()
                if hasattr(value, "is_literal") and value.is_literal():  # legacy: aws = "~> 5.0"
                    return value.literal_value()
        return None

    def quoted_strings(
        self, source: str, *, outside: tuple[SourceFile, Node] | None = None
    ) -> list[tuple[SourceFile, Node]]:
        """Every quoted string of the module written exactly as ``source`` (quotes included),
        but those inside ``outside`` (a file and a block of it)."""
        if self._quoted is None:
            self._quoted = {}
            for f in self.files:
                for node in f.tree.walk():
                    if type(node).__name__ == "QuotedTemplate":
                        self._quoted.setdefault(node.source, []).append((f, node))
        found = self._quoted.get(source, ())
        if outside is None:
            return list(found)
        home, block = outside
        return [(f, q) for f, q in found if not (f is home and contains(block, q))]

    # ---- references -------------------------------------------------------------------
    def references(self, prefix: str) -> list[Reference]:
        """Every traversal whose dotted name is ``prefix`` or starts with ``prefix.`` / ``prefix[``.

        Each traversal is reported once, as its outermost step (``aws_lb.main.arn``,
        not also ``aws_lb.main``); index keys inside it are searched too.
        """
        out: list[Reference] = []
        for f in self.files:
            for node, name in traversals(f.tree):
                if name == prefix or name.startswith(prefix + ".") or name.startswith(prefix + "["):
                    out.append(Reference(f, node, name))
        out.sort(key=lambda r: (r.file.path, r.expression.start))
        return out


def is_override_file(path: str) -> bool:
    """``override.tf`` / ``*_override.tf`` (and their ``.tf.json`` forms): Terraform merges
    their blocks into the blocks of the same address in the other files."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    for suffix in (".tf", ".tf.json"):
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            return stem == "override" or stem.endswith("_override")
    return False


def traversals(root: Node) -> Iterator[tuple[Expression, str]]:
    """Every traversal below ``root`` that starts with a name, with its dotted text
    (``aws_lb.main.arn``, keys as ``[*]``); each once, as its outermost step; index
    keys inside it are searched too."""
    stack: list[Node] = [root]
    while stack:
        node = stack.pop()
        if type(node).__name__ in _TRAVERSAL_TYPES:
            name = _traversal_text(node)  # type: ignore[arg-type]
            if name is not None:
                yield node, name  # type: ignore[misc]
            # Descend only into what is not part of this chain: the root if it is
            # not a name, and the keys of index steps.
            root_node, steps = traversal_parts(node)  # type: ignore[arg-type]
            stack.extend(step.key for step in steps if type(step).__name__ == "Index")  # type: ignore[attr-defined]
            if type(root_node).__name__ != "Variable":
                stack.append(root_node)
            continue
        stack.extend(k for k in node.children() if isinstance(k, Node))


def referenced_objects(root: Node) -> set[str]:
    """The objects the expressions below ``root`` refer to, each as the first two names of a
    :func:`traversals` text with its index keys dropped: ``var.x``, ``local.y``,
    ``terraform.workspace``, ``aws_vpc.main`` (from ``aws_vpc.main[0].id``). A bare name
    (``each``, ``count``) gives nothing."""
    out = set()
    for _expr, name in traversals(root):
        names = [part.split("[", 1)[0] for part in name.split(".")[:2]]
        if len(names) == 2 and names[1]:
            out.add(".".join(names))
    return out


def resource_name(expr: Expression, resource_type: str) -> str | None:
    """The name of the ``resource_type`` resource ``expr`` refers to, when it is a reference to
    one: ``logs`` from ``aws_s3_bucket.logs.id``, ``aws_s3_bucket.logs[0].arn`` or
    ``"${aws_s3_bucket.logs.bucket}"``; None for anything else (a literal, a variable, a call)."""
    root, steps = traversal_parts(unwrapped(expr))
    if type(root).__name__ != "Variable" or root.name.value != resource_type:  # type: ignore[attr-defined]
        return None
    return steps[0].name.value if steps and type(steps[0]).__name__ == "GetAttr" else None  # type: ignore[attr-defined]


def depends_on(module: "Module", node: Node, prefix: str) -> bool:
    """Whether ``node`` refers to ``prefix`` (``aws_appautoscaling_target`` or
    ``aws_lb.main``), directly or through locals: whether Terraform orders it after that."""
    seen: set[str] = set()
    stack = [node]
    while stack:
        for _expr, name in traversals(stack.pop()):
            if name == prefix or name.startswith((prefix + ".", prefix + "[")):
                return True
            if name.startswith("local."):
                local = name.split(".")[1].split("[")[0]
                found = module.local(local) if local not in seen else None
                seen.add(local)
                if found is not None:
                    stack.append(found[1].value)
    return False


_TRAVERSAL_TYPES = frozenset({"Variable", "GetAttr", "Index", "LegacyIndex", "AttrSplat", "FullSplat"})


def _traversal_text(node: Expression) -> str | None:
    """``aws_lb.main.arn`` / ``aws_x.y[each.key].id``: the dotted text, keys abstracted as ``[*]``."""
    root, steps = traversal_parts(node)
    if type(root).__name__ != "Variable":
        return None
    simple = reference_name(node)
    if simple is not None:
        return simple
    parts = [root.name.value]  # type: ignore[attr-defined]
    for step in steps:
        kind = type(step).__name__
        if kind == "GetAttr":
            parts.append("." + step.name.value)  # type: ignore[attr-defined]
        else:
            parts.append("[*]")
    return "".join(parts)
