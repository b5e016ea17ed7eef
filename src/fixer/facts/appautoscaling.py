"""Application Auto Scaling: how a scaling policy names its scalable target, and the
predefined metric that fits each scalable dimension.

Sources:

* Application Auto Scaling API Reference, PutScalingPolicy
  (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PutScalingPolicy.html):
  "Each scalable target is identified by a service namespace, resource ID, and scalable
  dimension. A scaling policy applies to the scalable target identified by those three
  attributes. You cannot create a scaling policy until you have registered the resource as
  a scalable target."
* Application Auto Scaling API Reference, ObjectNotFoundException: "For any operation that
  depends on the existence of a scalable target, this exception is thrown if the scalable
  target with the specified service namespace, resource ID, and scalable dimension does not
  exist."
* Application Auto Scaling API Reference, TargetTrackingScalingPolicyConfiguration
  (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_TargetTrackingScalingPolicyConfiguration.html):
  `PredefinedMetricSpecification` / `CustomizedMetricSpecification`: "You can specify
  either a predefined metric or a customized metric."
* Application Auto Scaling API Reference, PredefinedMetricSpecification
  (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PredefinedMetricSpecification.html):
  the valid `PredefinedMetricType` values; the table below pairs each scalable dimension
  with the utilization metric of its service among them.
* terraform-provider-aws `internal/service/appautoscaling/policy.go` (schema bundled in
  `fixer/schema/data`): `resource_id`, `scalable_dimension`, `service_namespace` required;
  `policy_type` optional, default `StepScaling`; both metric blocks of
  `target_tracking_scaling_policy_configuration` optional (the provider does not check that
  one is present).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..syntax.nodes import Block, body_shape, compared_text, dynamic_blocks, reference_name

if TYPE_CHECKING:
    from ..model.evaluate import Evaluator
    from ..model.module import Module

POLICY_TYPE = "aws_appautoscaling_policy"
TARGET_TYPE = "aws_appautoscaling_target"

# The three arguments that identify a scalable target, on the policy and on the target.
TARGET_KEYS = ("resource_id", "scalable_dimension", "service_namespace")

# scalable_dimension -> the PredefinedMetricType that tracks that service's utilization.
PREDEFINED_METRIC_FOR_DIMENSION = {
    "ecs:service:DesiredCount": "ECSServiceAverageCPUUtilization",
    "dynamodb:table:ReadCapacityUnits": "DynamoDBReadCapacityUtilization",
    "dynamodb:table:WriteCapacityUnits": "DynamoDBWriteCapacityUtilization",
    "dynamodb:index:ReadCapacityUnits": "DynamoDBReadCapacityUtilization",
    "dynamodb:index:WriteCapacityUnits": "DynamoDBWriteCapacityUtilization",
    "rds:cluster:ReadReplicaCount": "RDSReaderAverageCPUUtilization",
    "ec2:spot-fleet-request:TargetCapacity": "EC2SpotFleetRequestAverageCPUUtilization",
    "sagemaker:variant:DesiredInstanceCount": "SageMakerVariantInvocationsPerInstance",
    "appstream:fleet:DesiredCapacity": "AppStreamAverageCapacityUtilization",
    "lambda:function:ProvisionedConcurrency": "LambdaProvisionedConcurrencyUtilization",
    "cassandra:table:ReadCapacityUnits": "CassandraReadCapacityUtilization",
    "cassandra:table:WriteCapacityUnits": "CassandraWriteCapacityUtilization",
    "kafka:broker-storage:VolumeSize": "KafkaBrokerStorageUtilization",
    "elasticache:replication-group:NodeGroups": "ElastiCachePrimaryEngineCPUUtilization",
    "elasticache:replication-group:Replicas": "ElastiCacheReplicaEngineCPUUtilization",
    "neptune:cluster:ReadReplicaCount": "NeptuneReaderAverageCPUUtilization",
    "comprehend:document-classifier-endpoint:DesiredInferenceUnits": "ComprehendInferenceUtilization",
    "comprehend:entity-recognizer-endpoint:DesiredInferenceUnits": "ComprehendInferenceUtilization",
}

# The policy_type of a target-tracking policy, its configuration block, and the two metric
# blocks of that configuration (TargetTrackingScalingPolicyConfiguration, above).
TARGET_TRACKING = "TargetTrackingScaling"
TARGET_TRACKING_CONFIG = "target_tracking_scaling_policy_configuration"
METRIC_SPECIFICATIONS = ("predefined_metric_specification", "customized_metric_specification")


def is_target_tracking(evaluator, policy) -> bool:  # type: ignore[no-untyped-def]
    """Whether the ``aws_appautoscaling_policy`` block ``policy`` is known to be a target-tracking
    policy: its ``policy_type`` evaluates to ``TargetTrackingScaling`` (unset is the provider's
    default, StepScaling; an unknown value is not known to be one)."""
    attribute = policy.body.get_attribute("policy_type")
    return attribute is not None and evaluator.evaluate(attribute.value) == TARGET_TRACKING


# ---- reading a policy ------------------------------------------------------------------------
# The placement arguments that, with TARGET_KEYS, tell where a policy applies: two policies on
# one scalable target have the same instances and the same account and region.
PLACEMENT_ARGUMENTS = ("for_each", "count", "provider", "region")

# The metric key (see tracked_metric) of a target-tracking configuration with no metric block.
NO_METRIC = ("no metric",)


def tracking_configuration(policy: Block) -> Block | None:
    """The policy's one ``target_tracking_scaling_policy_configuration``, written in place with
    its metric blocks; None when there is none or several, or one a ``dynamic`` block makes or
    fills (its content is not known statically)."""
    body = policy.body
    configs = body.blocks(TARGET_TRACKING_CONFIG)
    if dynamic_blocks(body, TARGET_TRACKING_CONFIG) or len(configs) != 1:
        return None
    return None if any(dynamic_blocks(configs[0].body, m) for m in METRIC_SPECIFICATIONS) else configs[0]


def has_metric(config: Block) -> bool:
    """Whether a target-tracking configuration names a metric (a metric block, written or dynamic)."""
    return any(config.body.blocks(m) or dynamic_blocks(config.body, m) for m in METRIC_SPECIFICATIONS)


def tracked_metric(evaluator: "Evaluator", config: Block) -> tuple[tuple, str] | None:
    """What a target-tracking configuration tracks: a key equal for two configurations that track
    the same metric (values compared when known, else tokens; a customized metric by its whole
    body, in any order), and a label for a message. :data:`NO_METRIC` with no metric block; None
    when it cannot be told (both kinds of block, a predefined one without its type)."""
    predefined, customized = (config.body.blocks(m) for m in METRIC_SPECIFICATIONS)
    if len(predefined) + len(customized) > 1:
        return None
    if customized:
        spec = customized[0].body
        names = [evaluator.evaluate(a.value) if a is not None else None
                 for a in (spec.get_attribute("namespace"), spec.get_attribute("metric_name"))]
        label = f"{names[0]}/{names[1]} (customized)" if all(isinstance(v, str) for v in names) else (
            "(the same customized metric specification)")
        return ("customized", body_shape(spec)), label
    if not predefined:
        return NO_METRIC, "(none: no metric specification)"
    spec = predefined[0].body
    metric_type = spec.get_attribute("predefined_metric_type")
    if metric_type is None:
        return None
    label_attribute = spec.get_attribute("resource_label")
    label_key = None if label_attribute is None else evaluator.comparable(label_attribute.value)
    label_key = None if label_key == ("value", "") else label_key
    known = evaluator.evaluate(metric_type.value)
    text = (known if isinstance(known, str) else metric_type.value.source) + (
        " (same resource_label)" if label_key is not None else "")
    return ("predefined", evaluator.comparable(metric_type.value), label_key), text


def target_key(evaluator: "Evaluator", policy: Block) -> tuple | None:
    """Where a policy applies, as a key equal for two policies on one scalable target: its
    :data:`TARGET_KEYS` (values compared when known, else tokens) and its
    :data:`PLACEMENT_ARGUMENTS` (tokens); None when one of the three target keys is not written."""
    attributes = [policy.body.get_attribute(name) for name in TARGET_KEYS]
    if None in attributes:
        return None
    placement = tuple(compared_text(a.value) if (a := policy.body.get_attribute(name)) is not None else None
                      for name in PLACEMENT_ARGUMENTS)
    return tuple(evaluator.comparable(a.value) for a in attributes if a is not None), placement


def scalable_dimension(module: "Module", evaluator: "Evaluator", policy: Block) -> Any:
    """The policy's scalable dimension: its value, or, for a reference to a target's
    (``aws_appautoscaling_target.api.scalable_dimension``), the value of that target's."""
    attribute = policy.body.get_attribute("scalable_dimension")
    if attribute is None:
        return None
    name = reference_name(attribute.value)
    if name and name.startswith(TARGET_TYPE + ".") and name.endswith(".scalable_dimension") and name.count(".") == 2:
        found = module.resource(name.rsplit(".", 1)[0])
        attribute = found[1].body.get_attribute("scalable_dimension") if found else None
    return evaluator.evaluate(attribute.value) if attribute is not None else None
