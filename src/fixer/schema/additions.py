"""Names a minor release of the AWS provider added, for versions the bundled schema cannot tell.

The bundled schema of a major version is its newest release (6.25.0 for 6.x): it knows
``aws_ecs_service.deployment_configuration``, which 6.0-6.3 reject. When the release in use
is known to be older (a lock file at 6.3.0, ``--provider-version aws=6.10``, a constraint
``< 6.4``), a name listed here is unknown to it, as ``terraform validate`` would say.

Sources: the AWS provider CHANGELOG, 6.4.0 (July 17, 2025) "resource/aws_ecs_service: Add
``deployment_configuration`` argument" (hashicorp/terraform-provider-aws#43434); 6.21.0
(November 13, 2025) "resource/aws_ecs_service: Add ``deployment_configuration.linear_configuration``
and ``deployment_configuration.canary_configuration``" (#44842).

A release older than every bundled schema (a module pinned to ``~> 2.70``) lacks every name
listed here too: :func:`fixer.schema.cases.known_before_schemas` reports it there, as the one
thing known without a schema. ``aws_ecs_service`` itself is in every provider release (it
predates the provider's split from Terraform core, in provider 1.0.0).
"""

from __future__ import annotations

from ..facts.ecs_service import V6_4, VALID_BLOCKS, Release

__all__ = ["ADDED_IN", "added_in"]

# (resource or data, type, block path, name) -> the first release that has it.
ADDED_IN: dict[tuple[str, str, tuple[str, ...], str], Release] = {
    ("resource", "aws_ecs_service", (), "deployment_configuration"): V6_4,
    **{
        ("resource", "aws_ecs_service", ("deployment_configuration",), name): since
        for name, since in VALID_BLOCKS.items() if since > V6_4
    },
}


def added_in(kind: str, type_name: str, path: tuple[str, ...], name: str) -> Release | None:
    """The release that added ``name`` at ``path`` of a ``kind`` ("resource"/"data") type, if listed."""
    return ADDED_IN.get((kind, type_name, path, name))
