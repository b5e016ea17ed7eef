"""The one editor: hclwrite's verbs, collected into a fix.

A rule describes a fix as edits on the text it was given; it never rewrites a
file. :class:`Editor` speaks the user's language (replace a value, set, rename or
remove an attribute, remove a block, insert after, move into or out of a block,
rename references, add a block, a variable's validation or a file) and records ``(path, Edit)`` pairs::

    edit = ctx.editor(site)
    edit.replace(site.node, '"web-sg"')
    yield self.report(site, "reserved", fix=edit.fix("Rename the group", Applicability.SAFE))

Verbs write new text in canonical style but do not re-align neighbours or
re-format: the fix loop (:mod:`fixer.fixes`) does that once per file per round,
only around the edited items, and verifies that the result parses. A verb that
cannot be done cleanly raises :class:`EditError`; catch it to offer no fix.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Collection, Mapping, Union

from .findings import Applicability, Fix
from .syntax import nodes as n
from .syntax.edits import (
    Edit,
    append_attribute,
    append_block,
    block_source,
    full_span,
    indentation_of,
    insert_after,
    parent_body,
    remove_items,
    rename_attribute,
    replace_item,
    replace_expression,
)
from .syntax.restructure import comment_lines_above, item_source, lift_dynamic, move_above, split_block, unwrap_block
from .syntax.scopes import references_to

if TYPE_CHECKING:
    from .model.module import Module, Reference, SourceFile

__all__ = ["Editor", "EditError"]

Item = Union[n.Attribute, n.Block]


class EditError(ValueError):
    """A verb that cannot be carried out cleanly (a one-line block to append to, say)."""


class Editor:
    """Edits for one fix, on the files of one module. Every verb returns the editor.

    ``file`` is where verbs edit unless given ``file=``: the file of the site the
    rule is looking at.
    """

    def __init__(self, module: "Module", file: "SourceFile | None" = None) -> None:
        self.module = module
        self.file = file
        self.edits: list[tuple[str, Edit]] = []
        self.new_files: list[str] = []  # the paths add_file created
        self._removed: list[tuple[str, int, int]] = []  # (path, start, end) of the items removed so far

    # ---- values and attributes ------------------------------------------------------
    def replace(self, node: n.Node, source: str, *, file: "SourceFile | None" = None) -> "Editor":
        """Replace a node's text (an expression, a template part, a token's node) with ``source``."""
        return self._add(file, replace_expression(node, source))  # type: ignore[arg-type]

    def replace_lines(self, node: n.Node, source: str, *, file: "SourceFile | None" = None) -> "Editor":
        """Replace a node (an attribute, a block, a value) in place with ``source`` written at
        column 1 with ``\\n`` endings (:func:`~fixer.syntax.edits.block_source` builds one): its
        lines after the first are indented like the line ``node`` starts on. Comment lines
        above and a trailing comment stay. Not for text holding a heredoc (its lines would move)."""
        indent = indentation_of(node, self._file(file).text)
        first, *rest = source.split("\n")
        return self.replace(node, "\n".join([first] + [indent + line if line.strip() else "" for line in rest]), file=file)

    def insert(self, offset: int, source: str, *, file: "SourceFile | None" = None) -> "Editor":
        """Insert ``source`` at an offset of the file (inside a string, say)."""
        return self._add(file, Edit(offset, offset, source))

    def set_attribute(
        self, owner: n.Block, name: str, value_source: str, *, file: "SourceFile | None" = None
    ) -> "Editor":
        """hclwrite's ``SetAttributeValue``: replace the value of ``name`` in ``owner``, or add it last."""
        existing = owner.body.get_attribute(name)
        if existing is not None:
            return self.replace(existing.value, value_source, file=file)
        target = self._file(file)
        try:
            return self._add(file, append_attribute(owner, name, value_source, target.text))
        except ValueError as e:
            raise EditError(str(e)) from None

    def rename_attribute(self, attribute: n.Attribute, new_name: str, *, file: "SourceFile | None" = None) -> "Editor":
        """Rename an attribute in place (its value, comments and place stay)."""
        return self._add(file, rename_attribute(attribute, new_name))

    def rename_block(self, block: n.Block, new_type: str, *, file: "SourceFile | None" = None) -> "Editor":
        """hclwrite's ``SetType``: give a block another type in place (labels, body, comments stay)."""
        return self._add(file, Edit(block.type_token.start_pos, block.type_token.end_pos, new_type))

    def append_element(self, tuple_node: n.Tuple, source: str, *, file: "SourceFile | None" = None) -> "Editor":
        """Add ``source`` as the last element of a list: ``[a]`` -> ``[a, b]``; in a list
        written one element per line, on a line of its own with a trailing comma."""
        items = tuple_node.items
        if not items:
            return self._add(file, Edit(tuple_node.open.end_pos, tuple_node.close.start_pos, source))
        last = tuple_node.elements[-1]
        trailing_comma = type(last) is n.Token
        text = self._file(file).text
        if "\n" not in text[tuple_node.open.end_pos : items[0].start]:
            if trailing_comma:  # [a, b,] -> [a, b, c]
                return self._add(file, Edit(last.start_pos, last.end_pos, ", " + source))
            return self._add(file, Edit(items[-1].end, items[-1].end, ", " + source))
        newline = "\r\n" if "\r\n" in text else "\n"
        indent = text[text.rfind("\n", 0, items[-1].start) + 1 : items[-1].start]
        if indent.strip():
            raise EditError("the list's last element does not start its own line")
        at = last.end_pos if trailing_comma else items[-1].end
        return self._add(file, Edit(at, at, ("" if trailing_comma else ",") + newline + indent + source + ","))

    def add_dependency(
        self, owner: n.Block, address: str, *, after: "Item | None" = None, file: "SourceFile | None" = None
    ) -> "Editor":
        """Make ``owner`` depend on ``address``: append it to the ``depends_on`` list, or add
        ``depends_on = [address]`` on the line after ``after`` (last in the block when None).
        EditError when ``depends_on`` is not a list written in place."""
        existing = owner.body.get_attribute("depends_on")
        if existing is not None:
            if type(existing.value) is not n.Tuple:
                raise EditError("depends_on is not a list written in place")
            return self.append_element(existing.value, address, file=file)
        if after is not None:
            return self.insert_after(after, f"depends_on = [{address}]", file=file)
        return self.set_attribute(owner, "depends_on", f"[{address}]", file=file)

    # ---- items: remove, insert, move ------------------------------------------------
    def remove(self, *items: Item, parent: n.Block | None = None, file: "SourceFile | None" = None) -> "Editor":
        """Remove attributes or blocks of one body with the comment lines above them and the
        blank lines their removal would leave doubled or dangling. ``parent``, the block
        holding them when known, saves a search of the file."""
        target = self._file(file)
        root = parent.body if parent is not None else target.tree.body
        body = root if parent is not None and items[0] in root.items else parent_body(root, items[0])
        if body is None or any(i not in body.items for i in items[1:]):
            raise EditError("the items to remove are not items of one body of this file")
        for edit in remove_items(body, items):
            self._add(file, edit)
        self._removed.extend((target.path, *full_span(item)) for item in items)
        return self

    def insert_after(
        self, item: Item, source: str, *, blank_line: bool = False, file: "SourceFile | None" = None
    ) -> "Editor":
        """Add ``source`` (written at column 1) on the lines after ``item``, indented like it."""
        return self._add(file, insert_after(item, source, self._file(file).text, blank_line=blank_line))

    def replace_item(self, item: Item, source: str, *, file: "SourceFile | None" = None) -> "Editor":
        """Replace an attribute or block (its own lines; comment lines above it stay) with
        ``source``, written at column 1 and indented like it."""
        target = self._file(file)
        return self._guarded(file, lambda: [replace_item(item, source, target.text)])

    def add_block(
        self, parent: "n.Block | n.Document | None", source: str, *, file: "SourceFile | None" = None
    ) -> "Editor":
        """hclwrite's ``AppendBlock``: add ``source`` at the end of ``parent`` (the file when None)."""
        target = self._file(file)
        try:
            return self._add(file, append_block(parent if parent is not None else target.tree, source, target.text))
        except ValueError as e:
            raise EditError(str(e)) from None

    def add_validation(
        self, variable: n.Block, condition: str, error_message: str, *, file: "SourceFile | None" = None
    ) -> "Editor":
        """Add a ``validation`` block to a ``variable`` block: ``condition`` is an expression's
        source (``length(var.env) <= 8``), ``error_message`` the message's text (quoted here)."""
        if variable.type != "variable":
            raise EditError(f"a validation block goes in a variable block, not in {variable.type}")
        block = block_source(
            "validation", f"condition     = {condition}", f'error_message = "{n.escape_quoted(error_message)}"'
        )
        return self.add_block(variable, block, file=file)

    def move_into(self, item: Item, block: n.Block, *, file: "SourceFile | None" = None) -> "Editor":
        """Move ``item`` (with its comment lines) to the end of ``block``'s body."""
        source = _dedented(item, self._file(file).text)
        self.remove(item, file=file)
        if isinstance(item, n.Block):
            return self.add_block(block, source, file=file)
        return self._add_raw_line(block, source, file)

    def move_above(
        self, items: list[Item], block: n.Block, *, renames: "Mapping[str, str] | None" = None,
        drop: "Collection[Item]" = (), file: "SourceFile | None" = None,
    ) -> "Editor":
        """Move ``items`` of ``block``'s body to the lines just above ``block``, one level out
        (attributes renamed per ``renames``; ``drop`` items only removed)."""
        target = self._file(file)
        return self._guarded(
            file, lambda: move_above(block, items, target.text, target.newline, renames or {}, drop)
        )

    def unwrap(
        self, block: n.Block, parent: n.Block, *, renames: "Mapping[str, str] | None" = None,
        drop: "Collection[Item]" = (), file: "SourceFile | None" = None,
    ) -> "Editor":
        """Replace ``block`` (in ``parent``) by its body's items, one level out, keeping every
        comment (attributes renamed per ``renames``; ``drop`` items left out)."""
        target = self._file(file)
        return self._guarded(
            file, lambda: unwrap_block(block, parent.body, target.text, target.newline, renames or {}, drop)
        )

    def copy_comments(self, source: n.Node, above: Item, *, file: "SourceFile | None" = None) -> "Editor":
        """Write every comment inside ``source`` (an item being removed) as lines just above ``above``."""
        target = self._file(file)
        for edit in comment_lines_above(source, above, target.text, target.newline):
            self._add(file, edit)
        return self

    def move_out(self, item: Item, block: n.Block, *, file: "SourceFile | None" = None) -> "Editor":
        """Move ``item`` out of ``block``, to the lines just after ``block``."""
        source = _dedented(item, self._file(file).text)
        self.remove(item, file=file)
        return self.insert_after(block, source, blank_line=isinstance(item, n.Block), file=file)

    # ---- block rewrites -------------------------------------------------------------
    def lift_dynamic(
        self, parent: n.Block, dynamic: n.Block, *, iterator: str | None = None, file: "SourceFile | None" = None
    ) -> "Editor":
        """Move a ``dynamic`` block's iteration up to the block holding it:
        ``parent { dynamic "child" { for_each; content { BODY } } }`` becomes
        ``dynamic "parent" { for_each; content { child { BODY } } }``, BODY untouched;
        ``iterator`` adds ``iterator = <name>`` (see :func:`fixer.syntax.restructure.lift_dynamic`)."""
        target = self._file(file)
        return self._guarded(file, lambda: lift_dynamic(parent, dynamic, target.text, target.newline, iterator))

    def split_block(self, parent: n.Block, children: list[n.Block], *, file: "SourceFile | None" = None) -> "Editor":
        """``parent { child {A} child {B} }`` becomes ``parent { child {A} } parent { child {B} }``."""
        target = self._file(file)
        return self._guarded(file, lambda: split_block(parent, children, target.text, target.newline))

    def rename_local(self, node: n.Node, old: str, new: str, *, file: "SourceFile | None" = None) -> "Editor":
        """Rename the references to the local name ``old`` (a ``dynamic`` iterator, a ``for``
        variable) below ``node`` to ``new``, except where an inner binding shadows it."""
        for token in references_to(node, old):
            self._add(file, Edit(token.start_pos, token.end_pos, new))
        return self

    # ---- across the module ----------------------------------------------------------
    def rename_references(
        self, old_prefix: str, new_prefix: str, *, drop_duplicates: bool = False,
        skip: "Callable[[Reference], bool] | None" = None,
    ) -> "Editor":
        """hclwrite's ``RenameVariablePrefix`` over every file of the module:
        ``aws_lb.old`` -> ``aws_lb.new`` in ``aws_lb.old.arn``, ``aws_lb.old[0].id``, ...

        References inside items this editor removed (call :meth:`remove` first) go with
        them. With ``drop_duplicates``, a renamed list element that would equal another
        element of its list (``[x.new.arn, x.old.arn]``) is removed instead (for lists
        that are sets: ``depends_on``, ``alarm_actions``). ``skip(reference)`` true leaves
        that reference alone (one another edit of this fix rewrites). What the module does
        not show (unreadable files, ``.tf.json``) is the fix loop's to guard
        (:mod:`fixer.fix_scope`).

        Raises :class:`EditError` for a reference the rename must not change: one inside the
        block ``new_prefix`` names (it would refer to itself), or one in a ``moved`` /
        ``import`` / ``removed`` block (it names a state address there, not a value).
        """
        old_parts = old_prefix.split(".")
        old_tokens, new_key = " . ".join(old_parts), " . ".join(new_prefix.split("."))
        renamed: dict[int, str] = {}  # id of a renamed expression -> its new text
        refs = []
        target = self.module.resource(new_prefix) if new_prefix.count(".") == 1 else None
        for ref in self.module.references(old_prefix):
            if skip is not None and skip(ref):
                continue
            if any(p == ref.file.path and s <= ref.expression.start and ref.expression.end <= e
                   for p, s, e in self._removed):
                continue  # removed with its item
            if target is not None and ref.file is target[0] and n.contains(target[1], ref.expression):
                raise EditError(f"{new_prefix} itself refers to {old_prefix} (line {ref.expression.line})")
            if (block := ref.address_block()) is not None:
                raise EditError(f"{old_prefix} is named in a {block.type} block at "
                                f"{ref.file.path}:{block.type_token.line}, which a rename must not change")
            names = _name_tokens(ref.expression)
            if len(names) < len(old_parts) or [t.value for t in names[: len(old_parts)]] != old_parts:
                continue  # a reference through an index in the prefix: not renamed
            first, last = names[0], names[len(old_parts) - 1]
            old_key = n.significant_text(ref.expression)
            renamed[id(ref.expression)] = new_key + old_key[len(old_tokens):]
            refs.append((ref, Edit(first.start_pos, last.end_pos, new_prefix)))
        dropped = _duplicate_elements(self.module, refs, renamed) if drop_duplicates else {}
        for ref, edit in refs:
            if id(ref.expression) in dropped:
                self._add(ref.file, dropped[id(ref.expression)])
            else:
                self._add(ref.file, edit)
        return self

    def add_file(self, name: str, text: str) -> "Editor":
        """A new ``.tf`` file of the module: ``name`` in the module's directory (beside its
        files), ``text`` its whole content, laid out as ``terraform fmt`` would. The file is
        written only where none exists yet: a fix whose file exists by the time it would be
        written is not applied, and says so."""
        import os

        from .layout import format_source

        if not name.endswith(".tf") or os.path.basename(name) != name or name.startswith("."):
            raise EditError(f"add_file takes the name of a .tf file in the module's directory, not {name!r}")
        anchor = self.file or (self.module.files[0] if self.module.files else None)
        path = os.path.join(os.path.dirname(anchor.path), name) if anchor is not None else name
        if any(f.path == path for f in self.module.files) or path in self.new_files:
            raise EditError(f"{path} already exists in the module")
        try:
            laid_out = format_source(text)
        except ValueError as e:  # a ParseError: the new file would not parse
            raise EditError(f"the text of {path} does not parse: {e}") from None
        self.edits.append((path, Edit(0, 0, laid_out)))
        self.new_files.append(path)
        return self

    # ---- the result -----------------------------------------------------------------
    def fix(self, title: str, applicability: Applicability) -> Fix:
        """The fix made of every edit so far; ``title`` says the action, imperative."""
        return Fix(title, applicability, tuple(self.edits), tuple(self.new_files))

    # ---- internals ------------------------------------------------------------------
    def _file(self, file: "SourceFile | None") -> "SourceFile":
        target = file or self.file
        if target is None:
            raise EditError("no file to edit: give file=")
        return target

    def _add(self, file: "SourceFile | None", edit: Edit) -> "Editor":
        self.edits.append((self._file(file).path, edit))
        return self

    def _guarded(self, file: "SourceFile | None", build: "Callable[[], list[Edit]]") -> "Editor":
        """Add the edits ``build`` returns; its ``ValueError`` (the reason) becomes an :class:`EditError`."""
        try:
            edits = build()
        except ValueError as e:
            raise EditError(str(e)) from None
        for edit in edits:
            self._add(file, edit)
        return self

    def _add_raw_line(self, block: n.Block, source: str, file: "SourceFile | None") -> "Editor":
        target = self._file(file)
        name, _, value = source.partition("=")
        try:
            return self._add(file, append_attribute(block, name.strip(), value.strip(), target.text))
        except ValueError as e:
            raise EditError(str(e)) from None


def _dedented(item: Item, text: str) -> str:
    """The item's lines (its comment lines included) at column 1, with ``\\n`` endings."""
    try:
        return item_source(item, text)
    except ValueError as e:
        raise EditError(str(e)) from None


def _duplicate_elements(module: "Module", refs: list, renamed: dict[int, str]) -> dict[int, Edit]:
    """For renamed references that are list elements and, renamed, would equal another
    element of their list that was different before: the edit removing the element. Lists
    that already held duplicates keep them."""
    files = {id(ref.file): ref.file for ref, _edit in refs}
    out: dict[int, Edit] = {}
    for file in files.values():
        for node in file.tree.walk():
            if type(node) is not n.Tuple or not any(id(i) in renamed for i in node.items):
                continue
            elements = node.elements
            kept: list[tuple[str, str]] = []  # (before, after) of the elements that stay
            changed: list[tuple[int, str, str]] = []
            for index, element in enumerate(elements):
                if type(element) is n.Token:
                    continue
                before = n.significant_text(element)
                if id(element) in renamed:
                    changed.append((index, before, renamed[id(element)]))
                else:
                    kept.append((before, before))
            for index, before, after in changed:
                if any(other_after == after and other_before != before for other_before, other_after in kept):
                    out[id(elements[index])] = _element_removal(elements, index)
                else:
                    kept.append((before, after))
    return out


def _element_removal(elements: tuple, index: int) -> Edit:
    """Remove ``elements[index]`` of a list: from the end of the element (or comma) before it
    to its own end, keeping the layout of the rest; ``[a, b]`` -> ``[a]``."""
    element = elements[index]
    before = elements[index - 1] if index > 0 else None
    if before is not None:  # the comma before it
        return Edit(before.start_pos if type(before) is n.Token else before.end, element.end, "")
    after = elements[index + 1] if index + 1 < len(elements) else None
    start = full_span(element)[0]
    end = after.end_pos if type(after) is n.Token else element.end
    return Edit(start, end, "")


def _name_tokens(expression: n.Node) -> list:
    """The name tokens of a traversal's root and its leading ``.name`` steps."""
    root, steps = n.traversal_parts(expression)  # type: ignore[arg-type]
    out = [root.name] if type(root) is n.Variable else []  # type: ignore[attr-defined]
    for step in steps:
        if type(step) is not n.GetAttr:
            break
        out.append(step.name)  # type: ignore[attr-defined]
    return out
