"""App Mesh blocks the AWS provider allows once per parent block, whose parent may repeat.

Read by AWS003 (dynamic-single-block). Each row is a MaxItems-1 nested block of an App
Mesh resource and the path of block types leading to its parent. A block that may
legitimately repeat (route ``action.weighted_target``, MaxItems 10; match ``header`` /
``metadata``, MaxItems 10) is never a child here.

Sources, hashicorp/terraform-provider-aws ``internal/service/appmesh/``:
``virtual_node.go`` (``spec.backend``: TypeSet, MaxItems 50, whose only field
``virtual_service`` is Required, MaxItems 1; ``spec.listener``: no MaxItems, with
MaxItems-1 ``port_mapping``, ``health_check``, ``connection_pool``, ``outlier_detection``,
``timeout``, ``tls``), ``virtual_gateway.go`` (``spec.listener``: MinItems 1, no MaxItems,
with MaxItems-1 ``port_mapping``, ``health_check``, ``connection_pool``, ``tls``),
``route.go`` (``match.header`` and ``match.metadata``: TypeSet, MaxItems 10, each with a
MaxItems-1 ``match``), ``virtual_router.go`` (``spec.listener`` and its ``port_mapping``
both MaxItems 1), ``gateway_route.go`` (``spec.{grpc,http,http2}_route.action`` and its
``target`` are MaxItems 1, and so is the target's Required ``virtual_service``: no parent can
repeat; ``http_route`` / ``http2_route`` ``match.header`` is a TypeSet whose ``match`` is
MaxItems 1). The bundled provider schemas 4.67, 5.100 and 6.25 (``fixer/schema/data``)
agree on every gateway-route row.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SingleChild", "SINGLE_CHILDREN"]


@dataclass(frozen=True)
class SingleChild:
    """A block that may appear at most once in each of its parent blocks."""

    resource: str  # resource type, e.g. "aws_appmesh_virtual_node"
    path: tuple[str, ...]  # block types from the resource body down to the parent, e.g. ("spec", "backend")
    child: str  # the MaxItems-1 block inside the parent, e.g. "virtual_service"
    parent_repeats: bool  # the parent itself may repeat, so one parent per child is possible
    wrapper: bool  # the parent holds nothing but the child (in the schema), and the child is required


SINGLE_CHILDREN: tuple[SingleChild, ...] = (
    SingleChild("aws_appmesh_virtual_node", ("spec", "backend"), "virtual_service", True, True),
    *(
        SingleChild("aws_appmesh_virtual_node", ("spec", "listener"), child, True, False)
        for child in ("port_mapping", "health_check", "connection_pool", "outlier_detection", "timeout", "tls")
    ),
    *(
        SingleChild("aws_appmesh_virtual_gateway", ("spec", "listener"), child, True, False)
        for child in ("port_mapping", "health_check", "connection_pool", "tls")
    ),
    SingleChild("aws_appmesh_route", ("spec", "http_route", "match", "header"), "match", True, False),
    SingleChild("aws_appmesh_route", ("spec", "http2_route", "match", "header"), "match", True, False),
    SingleChild("aws_appmesh_route", ("spec", "grpc_route", "match", "metadata"), "match", True, False),
    *(
        SingleChild("aws_appmesh_gateway_route", ("spec", route, "match", "header"), "match", True, False)
        for route in ("http_route", "http2_route")
    ),
    # No parent to repeat: reported without a fix.
    SingleChild("aws_appmesh_virtual_router", ("spec", "listener"), "port_mapping", False, False),
    *(
        SingleChild("aws_appmesh_gateway_route", ("spec", route, "action", "target"), "virtual_service", False, False)
        for route in ("grpc_route", "http_route", "http2_route")
    ),
)
