"""AWS012 beyond the fixture cases, and the platform pieces it added (unwrapped, rename_references skip)."""

from __future__ import annotations

from fixer.api import fix_source
from fixer.editor import Editor
from fixer.findings import Applicability, Severity
from fixer.model.module import Module
from fixer.syntax import nodes as n
from fixer.syntax.parser import parse

LC = 'resource "aws_launch_configuration" "lc" {\n  image_id      = "ami-1"\n  instance_type = "t3.micro"\n{extra}}\n'


def findings(text: str):
    return fix_source(text, select=["AWS012"], unsafe=True).findings


def test_a_launch_configuration_is_a_warning_with_an_unsafe_codemod() -> None:
    (finding,) = findings(LC.replace("{extra}", ""))
    assert finding.severity is Severity.WARNING
    assert finding.fix is not None and finding.fix.applicability is Applicability.UNSAFE
    fixed = fix_source(LC.replace("{extra}", ""), select=["AWS012"], unsafe=True).code
    assert 'resource "aws_launch_template" "lc"' in fixed and findings(fixed) == []


def test_arguments_without_an_equivalent_make_it_display_only_with_the_reason() -> None:
    (finding,) = findings(LC.replace("{extra}", '  vpc_classic_link_id = "vpc-1"\n  made_up = 1\n'))
    assert finding.fix is not None and finding.fix.applicability is Applicability.DISPLAY_ONLY
    assert any("ClassicLink" in note for note in finding.notes)
    assert any("made_up has no launch template equivalent" in note for note in finding.notes)


def test_a_template_of_the_same_name_or_a_twice_declared_configuration_gets_no_fix() -> None:
    taken = LC.replace("{extra}", "") + 'resource "aws_launch_template" "lc" {\n  image_id = "ami-2"\n}\n'
    (finding,) = findings(taken)
    assert finding.fix is None and "already exists" in finding.notes[0]


def test_heredoc_user_data_keeps_its_marker_on_a_line_of_its_own() -> None:
    text = LC.replace("{extra}", "  user_data = <<-EOT\n    #!/bin/sh\n  EOT\n")
    fixed = fix_source(text, select=["AWS012"], unsafe=True).code
    assert "user_data = base64encode(<<-EOT\n    #!/bin/sh\n  EOT\n  )\n" in fixed
    parse(fixed)


def test_unwrapped_sees_through_parens_and_legacy_interpolation() -> None:
    doc = parse('a = ("${aws_x.y.id}")\n')
    value = doc.body.get_attribute("a").value
    assert n.reference_name(n.unwrapped(value)) == "aws_x.y.id"


def test_rename_references_skip_leaves_chosen_references() -> None:
    module = Module.from_sources({"main.tf": 'a = aws_x.old.id\nb = aws_x.old.arn\n'})
    editor = Editor(module, module.files[0])
    editor.rename_references("aws_x.old", "aws_x.new", skip=lambda ref: ref.name.endswith(".arn"))
    assert len(editor.edits) == 1 and editor.edits[0][1].replacement == "aws_x.new"
