"""CloudFormation resource types and properties, and the Terraform AWS provider's equivalents.

Used by REPO001's fix, which ports CDK assertions (made on a synthesized CloudFormation
template) to assertions on a Terraform module. Only pairs checked against both references
are listed; a type or property missing here is not guessed (CamelCase -> snake_case is not
always right: ``AWS::EC2::FlowLog`` ``ResourceId`` is ``vpc_id``/``subnet_id``/... in
Terraform, ``AWS::ECS::Service`` ``DesiredCount`` is ``desired_count`` but
``LaunchType`` takes the same values, ``AWS::S3::Bucket`` ``BucketName`` is ``bucket``).

Sources:
- AWS CloudFormation User Guide, "AWS resource and property types reference"
  (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-template-resource-type-ref.html;
  e.g. https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-flowlog.html):
  AWS::EC2::VPC (CidrBlock, EnableDnsHostnames, EnableDnsSupport, InstanceTenancy),
  AWS::EC2::Subnet (CidrBlock, AvailabilityZone, MapPublicIpOnLaunch),
  AWS::EC2::FlowLog (TrafficType, LogDestinationType, LogDestination, MaxAggregationInterval),
  AWS::ECS::Cluster (ClusterName), AWS::ECS::Service (DesiredCount, LaunchType),
  AWS::S3::Bucket (BucketName), AWS::Lambda::Function (Runtime, Handler, MemorySize, Timeout).
- Terraform AWS provider documentation, resources ``aws_vpc``, ``aws_subnet``,
  ``aws_internet_gateway``, ``aws_nat_gateway``, ``aws_eip``, ``aws_route_table``,
  ``aws_security_group``, ``aws_flow_log``, ``aws_ecs_cluster``, ``aws_ecs_service``,
  ``aws_ecs_task_definition``, ``aws_lb``, ``aws_lb_target_group``, ``aws_lb_listener``,
  ``aws_iam_role``, ``aws_s3_bucket``, ``aws_lambda_function``, ``aws_cloudwatch_log_group``,
  ``aws_secretsmanager_secret``, ``aws_appautoscaling_target``, ``aws_appautoscaling_policy``
  (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/).
"""

from __future__ import annotations

from typing import Any

__all__ = ["TERRAFORM_TYPES", "PROPERTY_ARGUMENTS", "terraform_type", "terraform_argument"]

# CloudFormation resource type -> the Terraform resource type that creates the same AWS resource.
TERRAFORM_TYPES: dict[str, str] = {
    "AWS::EC2::VPC": "aws_vpc",
    "AWS::EC2::Subnet": "aws_subnet",
    "AWS::EC2::InternetGateway": "aws_internet_gateway",
    "AWS::EC2::NatGateway": "aws_nat_gateway",
    "AWS::EC2::EIP": "aws_eip",
    "AWS::EC2::RouteTable": "aws_route_table",
    "AWS::EC2::SubnetRouteTableAssociation": "aws_route_table_association",
    "AWS::EC2::SecurityGroup": "aws_security_group",
    "AWS::EC2::FlowLog": "aws_flow_log",
    "AWS::ECS::Cluster": "aws_ecs_cluster",
    "AWS::ECS::Service": "aws_ecs_service",
    "AWS::ECS::TaskDefinition": "aws_ecs_task_definition",
    "AWS::ElasticLoadBalancingV2::LoadBalancer": "aws_lb",
    "AWS::ElasticLoadBalancingV2::TargetGroup": "aws_lb_target_group",
    "AWS::ElasticLoadBalancingV2::Listener": "aws_lb_listener",
    "AWS::IAM::Role": "aws_iam_role",
    "AWS::S3::Bucket": "aws_s3_bucket",
    "AWS::Lambda::Function": "aws_lambda_function",
    "AWS::Logs::LogGroup": "aws_cloudwatch_log_group",
    "AWS::SecretsManager::Secret": "aws_secretsmanager_secret",
    "AWS::ApplicationAutoScaling::ScalableTarget": "aws_appautoscaling_target",
    "AWS::ApplicationAutoScaling::ScalingPolicy": "aws_appautoscaling_policy",
}

# (CloudFormation type, property) -> Terraform argument, where the argument takes the same
# values as the property (so an equality check carries over unchanged).
PROPERTY_ARGUMENTS: dict[tuple[str, str], str] = {
    ("AWS::EC2::VPC", "CidrBlock"): "cidr_block",
    ("AWS::EC2::VPC", "EnableDnsHostnames"): "enable_dns_hostnames",
    ("AWS::EC2::VPC", "EnableDnsSupport"): "enable_dns_support",
    ("AWS::EC2::VPC", "InstanceTenancy"): "instance_tenancy",
    ("AWS::EC2::Subnet", "CidrBlock"): "cidr_block",
    ("AWS::EC2::Subnet", "AvailabilityZone"): "availability_zone",
    ("AWS::EC2::Subnet", "MapPublicIpOnLaunch"): "map_public_ip_on_launch",
    ("AWS::EC2::FlowLog", "TrafficType"): "traffic_type",
    ("AWS::EC2::FlowLog", "LogDestinationType"): "log_destination_type",
    ("AWS::EC2::FlowLog", "MaxAggregationInterval"): "max_aggregation_interval",
    ("AWS::ECS::Cluster", "ClusterName"): "name",
    ("AWS::ECS::Service", "DesiredCount"): "desired_count",
    ("AWS::ECS::Service", "LaunchType"): "launch_type",
    ("AWS::S3::Bucket", "BucketName"): "bucket",
    ("AWS::Lambda::Function", "Runtime"): "runtime",
    ("AWS::Lambda::Function", "Handler"): "handler",
    ("AWS::Lambda::Function", "MemorySize"): "memory_size",
    ("AWS::Lambda::Function", "Timeout"): "timeout",
}


def terraform_type(cloudformation_type: Any) -> str | None:
    """The Terraform resource type for a CloudFormation type, or None when the table lacks it."""
    return TERRAFORM_TYPES.get(cloudformation_type) if isinstance(cloudformation_type, str) else None


def terraform_argument(cloudformation_type: str, prop: Any) -> str | None:
    """The Terraform argument for a CloudFormation property, or None when the table lacks it."""
    return PROPERTY_ARGUMENTS.get((cloudformation_type, prop)) if isinstance(prop, str) else None
