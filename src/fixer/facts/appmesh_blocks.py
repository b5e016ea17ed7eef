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

Releases older than every bundled schema (``since``): only ``spec.backend.virtual_service`` is
known there. The ``backend`` block, each holding one ``virtual_service`` (MaxItems 1), replaced
the list argument ``spec.backends`` in provider 2.3.0, when the provider moved to the App Mesh
API of general availability (the registry page of ``aws_appmesh_virtual_node``, "Breaking
Changes": definitions written for releases before v2.3.0 must "Replace the ``backends``
attribute of the ``spec`` object with one or more ``backend`` configuration blocks"; the 2.x
source ``aws/resource_aws_appmesh_virtual_node.go``: ``backend`` TypeSet MaxItems 25,
``virtual_service`` MaxItems 1). Before 2.3.0 (every 1.x release) there is no ``backend`` block,
so a module in that form fails there with "Unsupported block type", not with too many
``virtual_service`` blocks. The listener rows are not given a ``since``: 2.x and 3.x allow one
``listener`` per virtual node (3.75.0 schema: MaxItems 1), so repeating the listener is no fix
there, and the releases that added ``tls``, ``timeout``, ``connection_pool`` and
``outlier_detection`` are not recorded here.
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
    # The first provider release with the parent and its one child, for releases older than every
    # bundled schema; None: known only from the bundled schemas.
    since: tuple[int, int, int] | None = None


SINGLE_CHILDREN: tuple[SingleChild, ...] = (
    SingleChild("aws_appmesh_virtual_node", ("spec", "backend"), "virtual_service", True, True, since=(2, 3, 0)),
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
