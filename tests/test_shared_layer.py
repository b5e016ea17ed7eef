"""The shared helpers that AWS005, AWS008, AWS010, AWS011, AWS012 and REPO001 are built on:
editor verbs (replace_lines, add_dependency, the refusals of rename_references), text builders
(block_source, item_source), resource_name, Rule.created_only, the Application Auto Scaling
policy readers, Finding.between and the Python import scanner."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Iterable

import pytest

from fixer.editor import Editor, EditError
from fixer.facts import appautoscaling as aas
from fixer.findings import Finding
from fixer.fixes import run_rules
from fixer.model.evaluate import Evaluator
from fixer.model.module import Module, resource_name
from fixer.python_imports import python_imports, read_python
from fixer.rules.base import Rule, RuleContext, Site, Target
from fixer.syntax.edits import apply_edits, block_source
from fixer.syntax.restructure import item_source


def _dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def _edit(sources: dict[str, str], build) -> dict[str, str]:  # type: ignore[no-untyped-def]
    module = Module.from_sources(sources)
    editor = Editor(module, module.files[0])
    build(editor, module)
    out = dict(sources)
    for path in {p for p, _ in editor.edits}:
        out[path] = apply_edits(out[path], [e for p, e in editor.edits if p == path])
    return out


def _resource(module: Module, address: str):  # type: ignore[no-untyped-def]
    found = module.resource(address)
    assert found is not None
    return found[1]


# ---- text builders ----------------------------------------------------------------------


def test_block_source_indents_each_line_one_level_and_keeps_blank_lines_empty() -> None:
    assert block_source("monitoring", "enabled = true") == "monitoring {\n  enabled = true\n}"
    inner = block_source("spot_options", "max_price = 1")
    assert block_source("market", 'type = "spot"', "", inner) == (
        'market {\n  type = "spot"\n\n  spot_options {\n    max_price = 1\n  }\n}'
    )


def test_item_source_gives_the_lines_with_comments_at_column_one() -> None:
    text = 'resource "x" "y" {\r\n  # above\r\n  size = 8 # trailing\r\n}\r\n'
    block = Module.from_sources({"main.tf": text}).files[0].tree.body.blocks()[0]
    assert item_source(block.body.get_attribute("size"), text) == "# above\nsize = 8 # trailing"
    heredoc = 'resource "x" "y" {\n  data = <<EOT\nhi\nEOT\n}\n'
    block = Module.from_sources({"main.tf": heredoc}).files[0].tree.body.blocks()[0]
    with pytest.raises(ValueError, match="heredoc"):
        item_source(block.body.get_attribute("data"), heredoc)


# ---- editor verbs -----------------------------------------------------------------------

LT = _dedent('''
    resource "aws_launch_template" "web" {
      # comment stays above
      enable_monitoring = true # and this one after
      image_id          = "ami-1"
    }
''')


def test_replace_lines_indents_the_new_lines_like_the_replaced_item() -> None:
    def build(e: Editor, module: Module) -> None:
        attribute = _resource(module, "aws_launch_template.web").body.get_attribute("enable_monitoring")
        e.replace_lines(attribute, block_source("monitoring", "enabled = true", "", "# note"))

    assert _edit({"main.tf": LT}, build)["main.tf"] == LT.replace(
        "  enable_monitoring = true # and this one after\n",
        "  monitoring {\n    enabled = true\n\n    # note\n  } # and this one after\n",
    )


ACL = 'resource "aws_s3_bucket_acl" "a" {\n  bucket = "b"\n  acl    = "private"\n}\n'


@pytest.mark.parametrize(("text", "after", "expected"), [
    (ACL, None, ACL.replace('"private"\n', '"private"\n  depends_on = [aws_x.c]\n')),
    (ACL, "bucket", ACL.replace('"b"\n', '"b"\n  depends_on = [aws_x.c]\n')),
    (ACL.replace("}", "  depends_on = [aws_x.a]\n}"), None,
     ACL.replace("}", "  depends_on = [aws_x.a, aws_x.c]\n}")),
    (ACL.replace("}", "  depends_on = [\n    aws_x.a,\n  ]\n}"), None,
     ACL.replace("}", "  depends_on = [\n    aws_x.a,\n    aws_x.c,\n  ]\n}")),
])
def test_add_dependency_adds_or_extends_depends_on(text: str, after: str | None, expected: str) -> None:
    def build(e: Editor, module: Module) -> None:
        block = _resource(module, "aws_s3_bucket_acl.a")
        e.add_dependency(block, "aws_x.c", after=block.body.get_attribute(after) if after else None)

    assert _edit({"main.tf": text}, build)["main.tf"] == expected


def test_add_dependency_refuses_a_depends_on_that_is_not_a_list_in_place() -> None:
    text = ACL.replace("}", "  depends_on = local.deps\n}")
    module = Module.from_sources({"main.tf": text})
    with pytest.raises(EditError, match="not a list"):
        Editor(module, module.files[0]).add_dependency(_resource(module, "aws_s3_bucket_acl.a"), "aws_x.c")


POLICIES = _dedent('''
    resource "aws_lb" "old" {
      name = "old"
    }

    resource "aws_lb" "new" {
      name = "new"
    }
''')


def test_rename_references_refuses_a_reference_in_a_moved_block() -> None:
    moved = 'moved {\n  from = aws_lb.old\n  to   = aws_lb.older\n}\n'
    module = Module.from_sources({"main.tf": POLICIES, "moved.tf": moved})
    with pytest.raises(EditError, match=r"aws_lb.old is named in a moved block at moved.tf:1"):
        Editor(module, module.files[0]).rename_references("aws_lb.old", "aws_lb.new")


def test_rename_references_refuses_to_make_a_block_refer_to_itself() -> None:
    text = POLICIES.replace('name = "new"', "name = aws_lb.old.name")
    module = Module.from_sources({"main.tf": text})
    with pytest.raises(EditError, match=r"aws_lb.new itself refers to aws_lb.old \(line 6\)"):
        Editor(module, module.files[0]).rename_references("aws_lb.old", "aws_lb.new")


def test_rename_references_lets_removed_items_take_their_references_along() -> None:
    text = POLICIES + 'moved {\n  from = aws_lb.old\n  to   = aws_lb.other\n}\n'

    def build(e: Editor, module: Module) -> None:
        e.remove(module.files[0].tree.body.blocks("moved")[0])
        e.rename_references("aws_lb.old", "aws_lb.new")

    assert "moved" not in _edit({"main.tf": text}, build)["main.tf"]


# ---- references -------------------------------------------------------------------------


@pytest.mark.parametrize(("source", "expected"), [
    ("aws_s3_bucket.logs.id", "logs"),
    ("aws_s3_bucket.logs[0].arn", "logs"),
    ('"${aws_s3_bucket.logs.bucket}"', "logs"),
    ("(aws_s3_bucket.logs.id)", "logs"),
    ("aws_s3_bucket_policy.logs.id", None),
    ("var.bucket", None),
    ('"logs"', None),
    ("aws_s3_bucket[0]", None),
])
def test_resource_name(source: str, expected: str | None) -> None:
    tree = Module.from_sources({"main.tf": f"x = {source}\n"}).files[0].tree
    assert resource_name(tree.body.get_attribute("x").value, "aws_s3_bucket") == expected


# ---- Rule.created_only ------------------------------------------------------------------


class _Names(Rule):
    """Names every bucket.

    ## What it does
    x
    ## Why is this bad?
    x
    ## Example
    x
    ## Use instead
    x
    ## Fix safety
    x
    ## References
    x
    """

    code = "TST001"
    name = "names-buckets"
    targets = (Target("aws_s3_bucket"),)

    def visit(self, site: Site, ctx: RuleContext) -> Iterable[Finding]:
        yield self.finding(site.file, site.resource, site.address)


class _CreatedNames(_Names):
    code = "TST002"
    created_only = True


def test_created_only_skips_the_sites_of_a_resource_with_no_instance() -> None:
    text = _dedent('''
        resource "aws_s3_bucket" "none" {
          count = 0
        }

        resource "aws_s3_bucket" "unknown" {
          count = var.n
        }

        resource "aws_s3_bucket" "one" {
        }
    ''')
    module = Module.from_sources({"main.tf": text})
    every, _ = run_rules(module, [_Names])
    created, _ = run_rules(module, [_CreatedNames])
    assert [f.message for f in every] == ["aws_s3_bucket.none", "aws_s3_bucket.unknown", "aws_s3_bucket.one"]
    assert [f.message for f in created] == ["aws_s3_bucket.unknown", "aws_s3_bucket.one"]


# ---- Application Auto Scaling policies --------------------------------------------------

AUTOSCALING = _dedent('''
    variable "metric" {
      default = "ECSServiceAverageCPUUtilization"
    }

    resource "aws_appautoscaling_target" "svc" {
      resource_id        = "service/main/api"
      scalable_dimension = "ecs:service:DesiredCount"
      service_namespace  = "ecs"
    }

    resource "aws_appautoscaling_policy" "literal" {
      resource_id        = "service/main/api"
      scalable_dimension = "ecs:service:DesiredCount"
      service_namespace  = "ecs"

      target_tracking_scaling_policy_configuration {
        predefined_metric_specification {
          predefined_metric_type = "ECSServiceAverageCPUUtilization"
        }
      }
    }

    resource "aws_appautoscaling_policy" "through_target" {
      resource_id        = aws_appautoscaling_target.svc.resource_id
      scalable_dimension = aws_appautoscaling_target.svc.scalable_dimension
      service_namespace  = aws_appautoscaling_target.svc.service_namespace
      provider           = aws.west

      target_tracking_scaling_policy_configuration {
        predefined_metric_specification {
          predefined_metric_type = var.metric
          resource_label         = ""
        }
      }
    }

    resource "aws_appautoscaling_policy" "custom" {
      resource_id        = "service/main/api"
      scalable_dimension = "ecs:service:DesiredCount"

      target_tracking_scaling_policy_configuration {
        customized_metric_specification {
          metric_name = "Depth"
          namespace   = "App"
        }
      }
    }

    resource "aws_appautoscaling_policy" "none" {
      resource_id        = "service/main/api"
      scalable_dimension = "ecs:service:DesiredCount"
      service_namespace  = "ecs"

      target_tracking_scaling_policy_configuration {
        target_value = 50
      }
    }

    resource "aws_appautoscaling_policy" "generated" {
      dynamic "target_tracking_scaling_policy_configuration" {
        for_each = var.configs
        content {
          target_value = 1
        }
      }
    }
''')


def test_the_policy_readers_tell_target_and_metric() -> None:
    module = Module.from_sources({"main.tf": AUTOSCALING})
    evaluator = Evaluator(module)
    policy = {name: _resource(module, f"aws_appautoscaling_policy.{name}")
              for name in ("literal", "through_target", "custom", "none", "generated")}
    configs = {name: aas.tracking_configuration(block) for name, block in policy.items()}
    assert configs["generated"] is None and all(configs[n] is not None for n in ("literal", "custom", "none"))
    assert [aas.has_metric(configs[n]) for n in ("literal", "custom", "none")] == [True, True, False]

    literal = aas.tracked_metric(evaluator, configs["literal"])
    through = aas.tracked_metric(evaluator, configs["through_target"])
    assert literal is not None and through is not None
    assert literal[0] == through[0]  # the same metric, once through a variable's default; "" is no label
    assert literal[1] == "ECSServiceAverageCPUUtilization"
    custom = aas.tracked_metric(evaluator, configs["custom"])
    assert custom is not None and custom[0][0] == "customized" and custom[1] == "App/Depth (customized)"
    assert aas.tracked_metric(evaluator, configs["none"]) == (aas.NO_METRIC, "(none: no metric specification)")

    keys = {name: aas.target_key(evaluator, policy[name]) for name in ("literal", "through_target", "none", "custom")}
    assert keys["literal"] == keys["none"]  # one scalable target, one placement
    assert keys["through_target"] != keys["literal"]  # the same values by reference, another provider
    assert keys["custom"] is None  # service_namespace missing

    assert aas.scalable_dimension(module, evaluator, policy["through_target"]) == "ecs:service:DesiredCount"
    assert aas.scalable_dimension(module, evaluator, policy["literal"]) == "ecs:service:DesiredCount"
    assert aas.scalable_dimension(module, evaluator, policy["generated"]) is None


# ---- findings in files that are not HCL, and Python imports -----------------------------


def test_finding_between_counts_offsets_through_crlf_and_a_bom() -> None:
    text = "\ufeffimport os\r\n\r\nfrom aws_cdk import App\r\n"
    finding = Finding.between("X001", "t.py", text, (3, 1), (3, 13), "m")
    assert text[finding.start:finding.end] == "from aws_cdk"
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (3, 1, 3, 13)
    first = Finding.between("X001", "t.py", text, (1, 1), (1, 7), "m")
    assert text[first.start:first.end] == "import"


def test_python_imports_names_every_absolute_module_imported() -> None:
    source = "import os, a.b as c\nfrom .rel import x\nfrom x.y import (\n  z,\n)\n# import no\ns = 'import no'\n"
    assert [(i.module, i.line, i.column, i.end_line, i.end_column) for i in python_imports(source)] == [
        ("os", 1, 1, 1, 10), ("a.b", 1, 1, 1, 15), ("x.y", 3, 1, 3, 9),
    ]
    assert [i.column for i in python_imports("\ufeffimport os\n")] == [1]


def test_read_python_reads_a_file_once_per_content(tmp_path: Path) -> None:
    path = tmp_path / "t.py"
    path.write_bytes(b"import os\n")
    assert read_python(str(path), limit=100) == "import os\n"
    path.write_bytes(b"import sys, json\n")  # another size: read again
    assert read_python(str(path), limit=100) == "import sys, json\n"
    assert read_python(str(path), limit=4) is None  # too large
    assert read_python(str(tmp_path / "missing.py"), limit=100) is None
    (tmp_path / "latin.py").write_bytes(b"x = '\xe9'\n")
    assert read_python(str(tmp_path / "latin.py"), limit=100) is None


# ---- launch templates -------------------------------------------------------------------


def test_rename_block_changes_the_type_only() -> None:
    text = 'resource "x" "y" {\n  # scratch\n  ephemeral_block_device { # trailing\n    device_name = "/dev/sdc"\n  }\n}\n'

    def build(e: Editor, module: Module) -> None:
        e.rename_block(_resource(module, "x.y").body.blocks()[0], "block_device_mappings")

    assert _edit({"main.tf": text}, build)["main.tf"] == text.replace("ephemeral_block_device", "block_device_mappings")


@pytest.mark.parametrize(("image_id", "expected"), [
    ("data.aws_ami.al2023.id", "data.aws_ami.al2023.root_device_name"),
    ('"${data.aws_ami.al2023.image_id}"', "data.aws_ami.al2023.root_device_name"),
    ("data.aws_ami.al2023[0].id", None),  # an instance of a counted data source
    ("data.aws_ami.al2023.arn", None),
    ("data.aws_ami_ids.all.ids[0]", None),
    ("var.ami_id", None),
    ('"ami-0123456789abcdef0"', None),
])
def test_root_device_name_comes_only_from_an_aws_ami_data_source(image_id: str, expected: str | None) -> None:
    from fixer.facts.launch_template import root_device_name

    text = f'resource "aws_launch_configuration" "w" {{\n  image_id = {image_id}\n}}\n'
    module = Module.from_sources({"main.tf": text})
    assert root_device_name(_resource(module, "aws_launch_configuration.w")) == expected
    assert root_device_name(_resource(Module.from_sources({"main.tf": 'resource "a" "b" {\n}\n'}), "a.b")) is None
