"""AWS003 beyond the fixture cases: scoping of iterator names, odd input, the schema table."""

from __future__ import annotations

import textwrap

import pytest

import fixer
from fixer.findings import Applicability, Severity
from fixer.fixes import fix_module
from fixer.rules import rule_by_code, select_rules
from fixer.facts.appmesh_blocks import SINGLE_CHILDREN
from fixer.rules.aws003_dynamic_single_block import DynamicSingleBlock

RULES = select_rules(["AWS003"])


def run(source: str, unsafe: bool = False, **values):
    text = textwrap.dedent(source)
    result = fix_module({"main.tf": text}, RULES, values=values, unsafe=unsafe)
    assert not result.problems, [p.message for p in result.problems]
    return text, result


def node(spec: str, resource: str = "aws_appmesh_virtual_node") -> str:
    """A resource around an indented ``spec`` body."""
    body = textwrap.indent(textwrap.dedent(spec).strip("\n"), "    ")
    return f'resource "{resource}" "x" {{\n  name      = "x"\n  mesh_name = "m"\n\n  spec {{\n{body}\n  }}\n}}\n'


def test_registered_with_documented_sections() -> None:
    assert rule_by_code("AWS003") is DynamicSingleBlock
    doc = DynamicSingleBlock.documentation()
    # The six sections are checked for every rule in one place (test_platform.py).
    assert "Too many virtual_service blocks" in doc
    assert DynamicSingleBlock.name == "dynamic-single-block"


def test_table_never_lists_a_child_that_may_repeat() -> None:
    children = {(e.resource, e.child) for e in SINGLE_CHILDREN}
    assert ("aws_appmesh_route", "weighted_target") not in children
    assert ("aws_appmesh_virtual_node", "backend") not in children
    assert ("aws_appmesh_virtual_node", "listener") not in children
    assert ("aws_appmesh_virtual_node", "virtual_service") in children
    safe = [e for e in SINGLE_CHILDREN if e.wrapper]
    assert [(e.path, e.child) for e in safe] == [(("spec", "backend"), "virtual_service")]


def test_shadowed_names_are_not_renamed() -> None:
    text, result = run(node('''
        backend {
          dynamic "virtual_service" {
            for_each = ["a", "b"]
            content {
              virtual_service_name = join(",", [for virtual_service in ["x"] : virtual_service], [virtual_service.value])
              client_policy {
                dynamic "tls" {
                  for_each = [virtual_service.key]
                  iterator = virtual_service
                  content {
                    enforce = virtual_service.value
                  }
                }
              }
            }
          }
        }
    '''))
    fixed = result.fixed["main.tf"]
    # The for expression's own name and the nested dynamic's iterator keep their references;
    # the outer iterator is renamed where it is visible, including in the nested for_each.
    assert '[for virtual_service in ["x"] : virtual_service], [backend.value])' in fixed
    assert "for_each = [backend.key]" in fixed
    assert "iterator = virtual_service\n" in fixed
    assert "enforce = virtual_service.value" in fixed
    assert fixed.count("backend.") == 2
    assert fixer.format(fixed) == fixed


def test_object_keys_are_not_references() -> None:
    _, result = run(node('''
        backend {
          dynamic "virtual_service" {
            for_each = ["a", "b"]
            content {
              virtual_service_name = lookup({ virtual_service = "x" }, virtual_service.value, "y")
            }
          }
        }
    '''))
    assert 'lookup({ virtual_service = "x" }, backend.value, "y")' in result.fixed["main.tf"]


def test_backend_used_as_object_key_falls_back_to_iterator() -> None:
    _, result = run(node('''
        backend {
          dynamic "virtual_service" {
            for_each = ["a", "b"]
            content {
              virtual_service_name = lookup({ backend = "x" }, virtual_service.value, "y")
            }
          }
        }
    '''))
    fixed = result.fixed["main.tf"]
    assert "      iterator = virtual_service\n" in fixed
    assert 'lookup({ backend = "x" }, virtual_service.value, "y")' in fixed


def test_largest_instance_is_reported() -> None:
    text, result = run('''
        variable "peers" {
          default = {
            small = ["a"]
            large = ["a", "b", "c"]
          }
        }

        resource "aws_appmesh_virtual_node" "x" {
          for_each  = var.peers
          name      = each.key
          mesh_name = "m"

          spec {
            backend {
              dynamic "virtual_service" {
                for_each = each.value
                content {
                  virtual_service_name = virtual_service.value
                }
              }
            }
          }
        }
    ''')
    (finding,) = result.findings
    assert finding.severity is Severity.ERROR
    assert "makes 3 virtual_service blocks in one backend (each.key = large)" in finding.message


def test_every_instance_with_one_element_is_valid() -> None:
    _, result = run('''
        variable "peers" {
          default = {
            a = ["x"]
            b = ["y"]
          }
        }

        resource "aws_appmesh_virtual_node" "x" {
          for_each  = var.peers
          name      = each.key
          mesh_name = "m"

          spec {
            backend {
              dynamic "virtual_service" {
                for_each = each.value
                content {
                  virtual_service_name = virtual_service.value
                }
              }
            }
          }
        }
    ''')
    assert result.findings == []


def test_given_variable_value_decides() -> None:
    source = node('''
        backend {
          dynamic "virtual_service" {
            for_each = var.peers
            content {
              virtual_service_name = virtual_service.value
            }
          }
        }
    ''') + 'variable "peers" {}\n'
    _, unknown = run(source)
    assert [f.severity for f in unknown.findings] == [Severity.WARNING]
    _, one = run(source, peers=["a"])
    assert one.findings == []
    _, two = run(source, peers=["a", "b"])
    assert [f.severity for f in two.findings] == [Severity.ERROR]
    assert two.findings[0].fix.applicability is Applicability.SAFE


@pytest.mark.parametrize(
    "spec, reason",
    [
        (
            '''
            backend {
              dynamic "virtual_service" {
                for_each = ["a", "b"]
                content {
                  virtual_service_name = virtual_service.value
                }
                iterator = virtual_service
              }
            }
            ''',
            "holds more than for_each, iterator and content",
        ),
        (
            '''
            backend {
              dynamic "virtual_service" {
                for_each = ["a", "b"]
                labels   = ["x"]
                content {
                  virtual_service_name = virtual_service.value
                }
              }
            }
            ''',
            "holds more than for_each, iterator and content",
        ),
        (
            '''
            backend {
              dynamic "virtual_service" {
                for_each = ["a", "b"]
              }
            }
            ''',
            "no single content block",
        ),
        (
            '''
            backend {
              dynamic "virtual_service" {
                for_each = split("\\n", trimspace(<<EOT
            a
            b
            EOT
                ))
                content {
                  virtual_service_name = virtual_service.value
                }
              }
            }
            ''',
            "heredoc in for_each",
        ),
        (
            '''
            backend {
                dynamic "virtual_service" {
                    for_each = ["a", "b"]
                    content {
                        virtual_service_name = virtual_service.value
                    }
                }
            }
            ''',
            "not indented two spaces per level",
        ),
        (
            '''
            backend {
              dynamic /* here */ "virtual_service" {
                for_each = ["a", "b"]
                content {
                  virtual_service_name = virtual_service.value
                }
              }
            }
            ''',
            "comment inside the dynamic block's header line",
        ),
    ],
)
def test_reported_without_fix(spec: str, reason: str) -> None:
    text, result = run(node(spec))
    (finding,) = result.findings
    assert finding.fix is None
    assert any(reason in note for note in finding.notes), finding.notes
    assert result.fixed["main.tf"] == text


def test_tab_indented_file_is_reported_without_fix() -> None:
    source = node('''
        backend {
          dynamic "virtual_service" {
            for_each = ["a", "b"]
            content {
              virtual_service_name = virtual_service.value
            }
          }
        }
    ''').replace("  ", "\t")
    result = fix_module({"main.tf": source}, RULES)
    assert not result.problems
    (finding,) = result.findings
    assert finding.fix is None
    assert result.fixed["main.tf"] == source


@pytest.mark.parametrize(
    "source",
    [
        'resource "aws_appmesh_virtual_node" "x" {}\n',
        'resource "aws_appmesh_virtual_node" "x" { name = "x" }\n',
        'resource "aws_appmesh_virtual_node" "x" {\n  spec {}\n}\n',
        'resource "aws_appmesh_virtual_node" "x" {\n  spec {\n    backend {}\n  }\n}\n',
        'resource "aws_appmesh_virtual_node" "x" {\n  spec {\n    backend { virtual_service = 1 }\n  }\n}\n',
        'resource "aws_appmesh_virtual_node" {\n  spec {}\n}\n',
        node('''
            backend {
              dynamic "virtual_service" {
                for_each = aws_appmesh_virtual_service.all[*].name
                content {
                  virtual_service_name = virtual_service.value
                }
              }
            }
        '''),
        node('''
            dynamic "backend" {
              for_each = var.x
              content {
                dynamic "virtual_service" {
                  for_each = backend.value[*].name
                  content {}
                }
              }
            }
        '''),
    ],
)
def test_odd_input_never_raises(source: str) -> None:
    result = fix_module({"main.tf": source}, RULES)
    assert not result.problems, [p.message for p in result.problems]
    for finding in result.findings:
        assert finding.severity is Severity.WARNING  # the counts are unknown here


def test_fix_is_applied_by_write_and_reaches_a_fixpoint() -> None:
    text, result = run(node('''
        backend {
          dynamic "virtual_service" {
            for_each = ["a", "b"]
            content {
              virtual_service_name = virtual_service.value
            }
          }
        }
    '''))
    assert [f.rule for f in result.applied] == ["AWS003"]
    assert result.remaining == []
    expected = node('''
        dynamic "backend" {
          for_each = ["a", "b"]
          content {
            virtual_service {
              virtual_service_name = backend.value
            }
          }
        }
    ''')
    assert result.fixed["main.tf"] == expected


def test_unsafe_listener_fix_needs_unsafe_fixes() -> None:
    source = node('''
        listener {
          dynamic "port_mapping" {
            for_each = [80, 443]
            content {
              port     = port_mapping.value
              protocol = "http"
            }
          }
        }
    ''', resource="aws_appmesh_virtual_node")
    _, safe_only = run(source)
    assert safe_only.fixed["main.tf"] == textwrap.dedent(source)
    assert safe_only.findings[0].fix.applicability is Applicability.UNSAFE
    _, unsafe = run(source, unsafe=True)
    assert 'dynamic "listener" {' in unsafe.fixed["main.tf"]
    assert "port     = listener.value" in unsafe.fixed["main.tf"]


@pytest.mark.parametrize(
    "for_each",
    [
        "var.health_check == null ? [] : [var.health_check]",
        "var.enabled ? [1] : []",
        "try([var.health_check.path], [])",
        "var.health_check[*]",
        "[for h in compact([var.path]) : h]",
        "toset(var.enabled ? [\"x\"] : [])",
    ],
)
def test_optional_single_block_idioms_are_not_reported(for_each: str) -> None:
    source = node(f'''
        listener {{
          port_mapping {{
            port     = 8080
            protocol = "http"
          }}
          dynamic "health_check" {{
            for_each = {for_each}
            content {{
              protocol            = "http"
              healthy_threshold   = 2
              unhealthy_threshold = 2
              timeout_millis      = 2000
              interval_millis     = 5000
            }}
          }}
        }}
    ''') + textwrap.dedent('''
        variable "enabled" {
          type = bool
        }

        variable "path" {
          type = string
        }

        variable "health_check" {
          type = object({
            path = string
          })
          default = null
        }
    ''')
    _, result = run(source)
    assert result.findings == []


@pytest.mark.parametrize(
    "for_each, severity",
    [
        ("var.enabled ? [1, 2] : []", Severity.WARNING),  # may make two
        ("var.paths[*]", Severity.WARNING),  # a list variable: any length
        ("concat([1], var.enabled ? [2] : [])", Severity.WARNING),
        ("concat([1], [2])", Severity.ERROR),
    ],
)
def test_bounds_above_one_are_still_reported(for_each: str, severity: Severity) -> None:
    source = node(f'''
        backend {{
          dynamic "virtual_service" {{
            for_each = {for_each}
            content {{
              virtual_service_name = "x"
            }}
          }}
        }}
    ''') + 'variable "enabled" {\n  type = bool\n}\n\nvariable "paths" {\n  type = list(string)\n}\n'
    _, result = run(source)
    assert [f.severity for f in result.findings] == [severity]


def test_one_failing_instance_is_an_error_even_if_others_are_unknown() -> None:
    _, result = run('''
        variable "peers" {
          default = {
            known = ["a", "b"]
          }
        }

        variable "extra" {
          type = list(string)
        }

        resource "aws_appmesh_virtual_node" "x" {
          for_each  = merge(var.peers, { unknown = var.extra })
          name      = each.key
          mesh_name = "m"

          spec {
            backend {
              dynamic "virtual_service" {
                for_each = each.value
                content {
                  virtual_service_name = virtual_service.value
                }
              }
            }
          }
        }
    ''')
    (finding,) = result.findings
    assert finding.severity is Severity.ERROR
    assert "(each.key = known)" in finding.message


def test_count_zero_is_still_checked_as_validate_does() -> None:
    """terraform validate checks the nested blocks of every resource block, whatever its count:
    a resource with count = 0 is judged as one instance whose count.index is unknown."""
    two = node('''
        backend {
          dynamic "virtual_service" {
            for_each = ["a", "b"]
            content {
              virtual_service_name = virtual_service.value
            }
          }
        }
    ''').replace('  name      = "x"\n', '  count     = 0\n  name      = "x"\n')
    _, result = run(two)
    assert [f.severity for f in result.findings] == [Severity.ERROR]
    by_index = two.replace('["a", "b"]', '[for i in range(count.index) : i]')
    _, unknown = run(by_index)
    assert [f.severity for f in unknown.findings] == [Severity.WARNING]


def test_gateway_route_targets_are_in_the_table_without_a_parent_to_repeat() -> None:
    rows = [e for e in SINGLE_CHILDREN if e.resource == "aws_appmesh_gateway_route" and e.child == "virtual_service"]
    assert sorted(e.path[1] for e in rows) == ["grpc_route", "http2_route", "http_route"]
    assert not any(e.parent_repeats or e.wrapper for e in rows)
