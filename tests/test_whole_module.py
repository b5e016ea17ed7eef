"""Override files in the module, and the editor's module-wide rename and list verbs."""

from __future__ import annotations

import pytest

from fixer.editor import Editor
from fixer.model.module import Module, is_override_file
from fixer.syntax.edits import apply_edits

LB = 'resource "aws_lb" "old" {\n  name = "a"\n}\n\nresource "aws_lb" "new" {\n  name = "b"\n}\n'


def _renamed(sources: dict[str, str], **kwargs) -> dict[str, str]:
    module = Module.from_sources(sources)
    editor = Editor(module, module.files[0])
    editor.remove(module.files[0].tree.body.blocks("resource")[0])
    editor.rename_references("aws_lb.old", "aws_lb.new", **kwargs)
    out = dict(sources)
    for path in {p for p, _ in editor.edits}:
        out[path] = apply_edits(out[path], [e for p, e in editor.edits if p == path])
    return out


@pytest.mark.parametrize("name, expected", [
    ("override.tf", True), ("x_override.tf", True), ("override.tf.json", True), ("a_override.tf.json", True),
    ("main.tf", False), ("overrides.tf", False), ("override_x.tf", False), ("my-override.tf", False),
])
def test_override_files_are_named_as_terraform_names_them(name: str, expected: bool) -> None:
    assert is_override_file(f"dir/{name}") is expected


def test_override_blocks_are_not_resources_when_asked() -> None:
    module = Module.from_sources({"main.tf": LB, "lb_override.tf": 'resource "aws_lb" "old" {\n  name = "c"\n}\n'})
    assert len(list(module.resources("aws_lb"))) == 3
    assert [b.labels[1] for _f, b in module.resources("aws_lb", overrides=False)] == ["old", "new"]
    assert [f.path for f, _b in module.overrides("aws_lb.old")] == ["lb_override.tf"]
    assert module.overrides("aws_lb.new") == []


def test_rename_skips_what_was_removed_and_drops_only_new_duplicates() -> None:
    outputs = (
        'output "a" {\n  value = [aws_lb.new.arn, aws_lb.old.arn]\n}\n'
        'output "b" {\n  value = [\n    aws_lb.old.arn,\n    aws_lb.new.arn,\n  ]\n}\n'
        'output "c" {\n  value = [aws_lb.old.arn, aws_lb.old.arn]\n}\n'
        'output "d" {\n  value = [aws_lb.old.arn, aws_lb.new.id]\n}\n'
    )
    text = LB.replace('name = "a"', 'name = "a"\n  depends_on = [aws_lb.old]')  # inside the removed block
    out = _renamed({"main.tf": text, "outputs.tf": outputs}, drop_duplicates=True)
    assert out["main.tf"] == 'resource "aws_lb" "new" {\n  name = "b"\n}\n'
    assert out["outputs.tf"] == (
        'output "a" {\n  value = [aws_lb.new.arn]\n}\n'
        'output "b" {\n  value = [\n    aws_lb.new.arn,\n  ]\n}\n'
        'output "c" {\n  value = [aws_lb.new.arn, aws_lb.new.arn]\n}\n'  # duplicates before: kept
        'output "d" {\n  value = [aws_lb.new.arn, aws_lb.new.id]\n}\n'
    )
    plain = _renamed({"main.tf": LB, "outputs.tf": outputs})
    assert 'value = [aws_lb.new.arn, aws_lb.new.arn]\n}\noutput "b"' in plain["outputs.tf"]


@pytest.mark.parametrize("before, after", [
    ("[]", "[x.y]"),
    ("[a.b]", "[a.b, x.y]"),
    ("[a.b, c.d,]", "[a.b, c.d, x.y]"),
    ("[\n    a.b,\n  ]", "[\n    a.b,\n    x.y,\n  ]"),
    ("[\n    a.b # why\n  ]", "[\n    a.b,\n    x.y, # why\n  ]"),
])
def test_append_element(before: str, after: str) -> None:
    text = f'resource "r" "n" {{\n  depends_on = {before}\n}}\n'
    module = Module.from_sources({"main.tf": text})
    editor = Editor(module, module.files[0])
    editor.append_element(module.files[0].tree.body.blocks()[0].body.get_attribute("depends_on").value, "x.y")
    assert apply_edits(text, [e for _p, e in editor.edits]) == text.replace(before, after)
