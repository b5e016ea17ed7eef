"""How the arguments of an ``aws_launch_configuration`` map onto an ``aws_launch_template``.

Read by AWS012 (launch-configuration), whose fix rewrites the one into the other.

Sources: Amazon EC2 Auto Scaling user guide, "Migrate your Auto Scaling groups to launch
templates" (the argument mapping); terraform-provider-aws documentation of
``aws_launch_configuration`` and ``aws_launch_template`` and their schemas (bundled in
``fixer/schema/data``): ``root_block_device`` takes ``delete_on_termination``, ``encrypted``,
``iops``, ``throughput``, ``volume_size``, ``volume_type`` and names no device;
``ebs_block_device`` adds ``device_name``, ``snapshot_id`` and ``no_device`` (a bool);
``ephemeral_block_device`` takes ``device_name``, ``virtual_name`` and ``no_device`` (a bool).
A template's ``block_device_mappings`` takes ``device_name`` and one of an ``ebs`` block,
``virtual_name`` or ``no_device`` (a string) (CloudFormation ``AWS::EC2::LaunchTemplate
BlockDeviceMapping``: "You must specify DeviceName plus exactly one of ... Ebs, NoDevice, or
VirtualName"). The data source ``aws_ami`` exports ``root_device_name``, the device name of
the image's root volume, which differs between images (``/dev/xvda``, ``/dev/sda1``).
"""

from __future__ import annotations

from ..syntax.nodes import Block, reference_name, unwrapped

LAUNCH_CONFIGURATION = "aws_launch_configuration"
LAUNCH_TEMPLATE = "aws_launch_template"
AUTOSCALING_GROUP = "aws_autoscaling_group"

# Arguments and blocks kept as they are (the launch template has them under the same name).
SAME_NAME = frozenset({
    "name", "name_prefix", "image_id", "instance_type", "key_name", "ebs_optimized",
    "count", "for_each", "provider", "depends_on", "lifecycle", "metadata_options",
})

# Arguments that become a nested block of the launch template: (block, its argument).
TO_BLOCK = {
    "enable_monitoring": ("monitoring", "enabled"),
    "placement_tenancy": ("placement", "tenancy"),
}

# The arguments of an EBS volume that a template's block_device_mappings takes in its ebs block.
EBS_ARGUMENTS = frozenset({
    "volume_size", "volume_type", "iops", "throughput", "encrypted", "delete_on_termination", "snapshot_id",
})

# What has no equivalent a codemod can write, and why.
NO_EQUIVALENT = {
    "root_block_device": "the root volume's device name depends on the AMI (/dev/xvda, /dev/sda1), and image_id "
    "is not a data.aws_ami whose root_device_name would name it: write a block_device_mappings block for it by hand",
    "vpc_classic_link_id": "EC2-Classic is retired; ClassicLink has no launch template equivalent",
    "vpc_classic_link_security_groups": "EC2-Classic is retired; ClassicLink has no launch template equivalent",
    "ephemeral_block_device": "only a device_name with a virtual_name maps onto block_device_mappings "
    "(no_device is a bool here and a string in a launch template): map it by hand",
}

# The data source whose root_device_name names an image's root device, and the attributes of
# it that give the image ID (image_id = data.aws_ami.x.id).
AMI_DATA_SOURCE = "aws_ami"
AMI_ID_ATTRIBUTES = ("id", "image_id")


def root_device_name(launch_configuration: Block) -> str | None:
    """The expression naming the root device of the image a launch configuration boots:
    ``data.aws_ami.x.root_device_name`` when its ``image_id`` is ``data.aws_ami.x.id`` (or
    ``.image_id``); None when the image is not known that way (a literal AMI ID, a variable, a
    data source with ``count``): the root device name differs between images and cannot be
    known statically."""
    image = launch_configuration.body.get_attribute("image_id")
    name = reference_name(unwrapped(image.value)) if image is not None else None
    parts = name.split(".") if name is not None and "[" not in name else []
    if len(parts) == 4 and parts[:2] == ["data", AMI_DATA_SOURCE] and parts[3] in AMI_ID_ATTRIBUTES:
        return f"data.{AMI_DATA_SOURCE}.{parts[2]}.root_device_name"
    return None
