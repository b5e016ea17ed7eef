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

POLICY_TYPE = "aws_appautoscaling_policy"
TARGET_TYPE = "aws_appautoscaling_target"

# The three arguments that identify a scalable target, on the policy and on the target.
TARGET_KEYS = ("resource_id", "scalable_dimension", "service_namespace")

# The provider's default policy_type when the argument is not set.
DEFAULT_POLICY_TYPE = "StepScaling"

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
