"""What ``aws_ecs_service`` takes at the service level and in ``deployment_configuration``.

Read by AWS004 (ecs-deployment-configuration) and :mod:`fixer.schema.additions`. The ECS API (and CloudFormation) nest
``maximumPercent``, ``minimumHealthyPercent``, ``deploymentCircuitBreaker`` and ``alarms``
in a ``DeploymentConfiguration`` object; the Terraform resource flattens them onto the
service, and its own ``deployment_configuration`` block (since provider 6.4.0) takes other
settings.

Sources: hashicorp/terraform-provider-aws ``internal/service/ecs/service.go`` (top-level
``deployment_maximum_percent`` (default 200), ``deployment_minimum_healthy_percent``
(default 100), ``deployment_circuit_breaker`` and ``alarms`` (MaxItems 1);
``deployment_configuration`` with ``strategy``, ``bake_time_in_minutes``,
``lifecycle_hook``, ``canary_configuration``, ``linear_configuration``); the provider's
CHANGELOG: 6.4.0 (July 17, 2025) "resource/aws_ecs_service: Add
``deployment_configuration`` argument" (#43434); 6.21.0 (November 13, 2025) adds
``deployment_configuration.linear_configuration`` and ``canary_configuration`` (#44842);
Amazon ECS API Reference, ``DeploymentConfiguration``.
"""

from __future__ import annotations

__all__ = ["Release", "V6_4", "V6_21", "MOVED_ATTRIBUTES", "MOVED_BLOCKS", "VALID_ATTRIBUTES", "VALID_BLOCKS"]

Release = tuple[int, int, int]  # (major, minor, patch)

V6_4: Release = (6, 4, 0)  # deployment_configuration exists
V6_21: Release = (6, 21, 0)  # its canary_configuration / linear_configuration exist

# What the AWS API nests in DeploymentConfiguration but the provider takes at service level.
MOVED_ATTRIBUTES = {
    "maximum_percent": "deployment_maximum_percent",
    "minimum_healthy_percent": "deployment_minimum_healthy_percent",
}
MOVED_BLOCKS = ("deployment_circuit_breaker", "alarms")

# What the provider's deployment_configuration block does take, and since when.
VALID_ATTRIBUTES = {"strategy": V6_4, "bake_time_in_minutes": V6_4}
VALID_BLOCKS = {"lifecycle_hook": V6_4, "canary_configuration": V6_21, "linear_configuration": V6_21}
