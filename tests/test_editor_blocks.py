"""The editor's block rewrites and local renames, the site path, and collection bounds."""

from __future__ import annotations

import textwrap

import pytest

from fixer.editor import Editor, EditError
from fixer.model.bounds import largest_size, most_elements
from fixer.model.evaluate import Evaluator, Scope
from fixer.model.module import Module
from fixer.model.sites import Target, find_sites
from fixer.syntax.edits import apply_edits, dedent_lines, line_start
from fixer.syntax.scopes import dynamic_iterator, name_in_use, references_to


def _dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def _edited(text: str, build) -> str:
    module = Module.from_sources({"main.tf": text})
    editor = Editor(module, module.files[0])
    build(editor, module.files[0].tree.body.blocks("resource")[0])
    return apply_edits(text, [e for _, e in editor.edits])


LIFT = _dedent('''
    resource "r" "x" {
      backend { # one per service
        dynamic "svc" { # trailing
          for_each = var.peers
          content {
            name = "${svc.value}.local"
          }
        }
      }
    }
''')


def test_lift_dynamic_moves_the_iteration_up_and_keeps_the_body_lines() -> None:
    def build(editor, resource):
        backend = resource.body.blocks("backend")[0]
        dynamic = backend.body.blocks("dynamic")[0]
        editor.lift_dynamic(backend, dynamic)
        editor.rename_local(dynamic.body.blocks("content")[0].body, "svc", "backend")

    assert _edited(LIFT, build) == _dedent('''
        resource "r" "x" {
          dynamic "backend" { # one per service
            # trailing
            for_each = var.peers
            content {
              svc {
                name = "${backend.value}.local"
              }
            }
          }
        }
    ''')


def test_lift_dynamic_names_an_iterator_on_request() -> None:
    def build(editor, resource):
        backend = resource.body.blocks("backend")[0]
        editor.lift_dynamic(backend, backend.body.blocks("dynamic")[0], iterator="svc")

    out = _edited(LIFT, build)
    assert "    for_each = var.peers\n    iterator = svc\n    content {\n      svc {\n" in out


@pytest.mark.parametrize(
    "change, reason",
    [
        (("backend {", 'backend "x" {'), "unusual block layout"),
        (("      content {", '      labels = ["a"]\n      content {'), "holds more than for_each, iterator and content"),
        (("    dynamic", "    port = 1\n    dynamic"), "the backend holds more than the dynamic block"),
        (("  backend {", "   backend {"), "not indented two spaces per level"),
    ],
)
def test_lift_dynamic_refuses_what_it_cannot_do_cleanly(change: tuple[str, str], reason: str) -> None:
    text = LIFT.replace(*change, 1)

    def build(editor, resource):
        backend = resource.body.blocks("backend")[0]
        editor.lift_dynamic(backend, backend.body.blocks("dynamic")[0])

    with pytest.raises(EditError, match=reason):
        _edited(text, build)


def test_split_block_gives_each_child_its_own_parent() -> None:
    text = _dedent('''
        resource "r" "x" {
          backend {
            svc {
              name = "a"
            }
            # b
            svc {
              name = "b"
            }
          }
        }
    ''')

    def build(editor, resource):
        backend = resource.body.blocks("backend")[0]
        editor.split_block(backend, backend.body.blocks("svc"))

    assert _edited(text, build) == _dedent('''
        resource "r" "x" {
          backend {
            svc {
              name = "a"
            }
          }
          backend {
            # b
            svc {
              name = "b"
            }
          }
        }
    ''')
    with pytest.raises(EditError, match="holds more than svc blocks"):
        _edited(text.replace('      name = "a"\n    }\n', '      name = "a"\n    }\n    port = 1\n'), build)


def test_local_references_skip_shadowing_bindings_and_object_keys() -> None:
    text = _dedent('''
        resource "r" "x" {
          a = [for svc in svc.value : svc]
          b = { svc = svc.key }
          c = "%{ for svc in [1] }${svc}%{ endfor }${svc.value}"
          dynamic "svc" {
            for_each = svc.value
            content {
              d = svc.value
            }
          }
          dynamic "other" {
            for_each = [1]
            iterator = svc
            content {
              e = svc.value
            }
          }
        }
    ''')
    resource = Module.from_sources({"main.tf": text}).files[0].tree.body.blocks("resource")[0]
    lines = [text.count("\n", 0, t.start_pos) + 1 for t in references_to(resource.body, "svc")]
    # the for's collection, the object value, after endfor, for_each; not the shadowed contents
    assert lines == [2, 3, 4, 6]
    assert name_in_use(resource.body, "svc") and not name_in_use(resource.body, "other")  # renamed by iterator
    dynamics = resource.body.blocks("dynamic")
    assert [dynamic_iterator(d) for d in dynamics] == ["svc", "svc"]


def test_sites_carry_their_path_and_the_dynamic_block_of_a_content() -> None:
    text = _dedent('''
        resource "r" "x" {
          spec {
            backend {}
            dynamic "backend" {
              for_each = var.x
              content {}
            }
            dynamic "listener" {
              for_each = var.y
              content {
                backend {}
              }
            }
          }
        }
    ''')
    module = Module.from_sources({"main.tf": text})
    sites = list(find_sites(module, Evaluator(module), [Target("r", blocks=("backend",))]))
    assert [(s.path, s.block.type, s.dynamic is not None) for s in sites] == [
        (("spec", "backend"), "backend", False),
        (("spec", "backend"), "content", True),
        (("spec", "listener", "backend"), "backend", False),
    ]


@pytest.mark.parametrize(
    "expression, most",
    [
        ("var.x == null ? [] : [var.x]", 1),
        ('concat(["a"], var.x == null ? [] : [1])', 2),
        ("try([var.x], [])", 1),
        ("[for v in var.list : v]", None),
        ("toset(var.list)", None),
        ("var.one[*]", 1),
        ("var.list[*]", None),
    ],
)
def test_most_elements_bounds_collection_shapes(expression: str, most: int | None) -> None:
    text = f'variable "one" {{\n  type = object({{ a = string }})\n}}\nvariable "list" {{}}\nlocals {{\n  v = {expression}\n}}\n'
    module = Module.from_sources({"main.tf": text})
    attribute = module.files[0].tree.body.blocks("locals")[0].body.get_attribute("v")
    assert most_elements(Evaluator(module), attribute.value, Scope()) == most


def test_largest_size_is_exact_when_one_instance_has_two() -> None:
    text = 'locals {\n  v = ["a", "b"]\n}\n'
    module = Module.from_sources({"main.tf": text})
    attribute = module.files[0].tree.body.blocks("locals")[0].body.get_attribute("v")
    size = largest_size(Evaluator(module), attribute.value, [Scope()])
    assert (size.count, size.exact) == (2, True)


def test_line_helpers() -> None:
    text = "a\n    b\n  c\n\n   d"
    assert line_start(text, 5) == 2 and line_start(text, 0) == 0
    assert apply_edits(text, dedent_lines(text, 2, len(text))) == "a\n  b\nc\n\n d"


SERVICE = _dedent('''
    resource "r" "x" {
      name = "x"
      max  = 200 # service level

      # the block
      settings { # header
        # first
        maximum = 200 # dup
        minimum = 100

        breaker {
          enable = true
        }
        strategy = "B"
      } # footer
    }
''')


def _service_parts(resource):
    block = resource.body.blocks("settings")[0]
    items = {getattr(i, "key", None) or getattr(i, "type", None): i for i in block.body.items if not hasattr(i, "comment")}
    return block, items


def test_move_above_moves_items_out_renamed_and_drops_duplicates_keeping_comments() -> None:
    def build(editor, resource):
        block, items = _service_parts(resource)
        editor.copy_comments(items["maximum"], above=resource.body.get_attribute("max"))
        moved = [items["maximum"], items["minimum"], items["breaker"]]
        editor.move_above(moved, block, renames={"minimum": "min"}, drop=[items["maximum"]])

    assert _edited(SERVICE, build) == _dedent('''
        resource "r" "x" {
          name = "x"
          # first
          # dup
          max  = 200 # service level

          min = 100

          breaker {
            enable = true
          }

          # the block
          settings { # header
            strategy = "B"
          } # footer
        }
    ''')


def test_unwrap_puts_the_items_in_the_blocks_place_with_every_comment() -> None:
    text = SERVICE.replace('    strategy = "B"\n', "")

    def build(editor, resource):
        block, items = _service_parts(resource)
        editor.unwrap(block, resource, renames={"maximum": "max_percent"}, drop=[items["minimum"]])

    assert _edited(text, build) == _dedent('''
        resource "r" "x" {
          name = "x"
          max  = 200 # service level

          # the block
          # header
          # first
          max_percent = 200 # dup

          breaker {
            enable = true
          }

          # footer
        }
    ''')


def test_unwrap_refuses_a_heredoc_and_remove_takes_the_parent() -> None:
    text = 'resource "r" "x" {\n  b {\n    v = <<EOT\nx\nEOT\n  }\n}\n'

    def unwrap(editor, resource):
        editor.unwrap(resource.body.blocks("b")[0], resource)

    with pytest.raises(EditError, match="heredoc"):
        _edited(text, unwrap)
    out = _edited(text, lambda editor, resource: editor.remove(resource.body.blocks("b")[0], parent=resource))
    assert out == 'resource "r" "x" {\n}\n'


def test_replace_item_writes_new_lines_in_place_indented_like_the_item() -> None:
    text = 'resource "r" "x" {\n  name = "x"\n\n  # kept\n  settings = {\n    a = 1\n  }\n}\n'

    def build(editor, resource):
        editor.replace_item(resource.body.get_attribute("settings"), "max = 1\nmin = 2")

    assert _edited(text, build) == 'resource "r" "x" {\n  name = "x"\n\n  # kept\n  max = 1\n  min = 2\n}\n'
    one_line = 'resource "r" "x" {\n  b { c = 1 }\n}\n'
    with pytest.raises(EditError, match="one-line block"):
        _edited(one_line, lambda editor, resource: editor.replace_item(resource.body.blocks("b")[0].body.items[0], "d = 2"))
