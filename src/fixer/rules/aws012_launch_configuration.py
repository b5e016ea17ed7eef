"""AWS012: an EC2 Auto Scaling launch configuration, which new AWS accounts cannot create."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from ..editor import EditError, Editor
from ..facts import launch_template as facts
from ..facts.launch_template import AUTOSCALING_GROUP as _ASG, LAUNCH_CONFIGURATION as _LC, LAUNCH_TEMPLATE as _LT
from ..findings import Applicability, Finding, Fix, Severity
from ..model.module import SourceFile, resource_name
from ..syntax import nodes as n
from ..syntax.edits import block_source, indentation_of
from ..syntax.restructure import item_source
from .base import FixAvailability, Rule, RuleContext, Site, Target

__all__ = ["LaunchConfiguration"]

class LaunchConfiguration(Rule):
    """An Auto Scaling group uses a launch configuration, which new AWS accounts cannot create.

    ## What it does

    Reports each `aws_launch_configuration`, and each `aws_autoscaling_group` whose
    `launch_configuration` names one that is not a resource of the module. The fix
    rewrites the launch configuration into an `aws_launch_template` of the same name and
    points the groups that use it at the template.

    ## Why is this bad?

    Accounts created on or after 2024-10-01 cannot create launch configurations; the
    apply fails:

        UnsupportedOperation: The Launch Configuration creation operation is not
        available in your account. Use launch templates to create configuration templates
        for your Auto Scaling groups.

    Older accounts can still create them, so this is a warning. AWS no longer adds
    features to launch configurations (no new instance types after 2022-12-31).

    ## Example

    ```hcl
    resource "aws_launch_configuration" "web" {
      name_prefix     = "web-"
      image_id        = data.aws_ami.al2023.id
      instance_type   = "t3.micro"
      security_groups = [aws_security_group.web.id]
      user_data       = file("${path.module}/init.sh")
    }

    resource "aws_autoscaling_group" "web" {
      launch_configuration = aws_launch_configuration.web.name
      min_size             = 1
      max_size             = 3
    }
    ```

    ## Use instead

    ```hcl
    resource "aws_launch_template" "web" {
      # name_prefix, image_id and instance_type as they were
      vpc_security_group_ids = [aws_security_group.web.id]
      user_data              = base64encode(file("${path.module}/init.sh"))

      monitoring {
        enabled = true
      }
    }

    resource "aws_autoscaling_group" "web" {
      launch_template {
        id      = aws_launch_template.web.id
        version = "$Latest"
      }
      min_size = 1
      max_size = 3
    }
    ```

    The rewrite, argument by argument: `image_id`, `instance_type`, `key_name`,
    `ebs_optimized`, `name` / `name_prefix`, `metadata_options` and `lifecycle` stay;
    `user_data` becomes `base64encode(...)` (`user_data_base64` becomes `user_data`);
    `security_groups` becomes `vpc_security_group_ids`, or goes into a
    `network_interfaces` block with `associate_public_ip_address`; `iam_instance_profile`
    becomes a block (`arn` for an ARN, else `name`); `spot_price` becomes
    `instance_market_options { market_type = "spot" ... }`; `enable_monitoring` becomes
    `monitoring { enabled }`; `placement_tenancy` becomes `placement { tenancy }`;
    `ebs_block_device` becomes `block_device_mappings` with an `ebs` block, and so does
    `root_block_device` when `image_id` is a `data.aws_ami` (its `root_device_name` names the
    root device, which differs between images: `/dev/xvda`, `/dev/sda1`);
    `ephemeral_block_device` becomes `block_device_mappings` with the same `device_name` and
    `virtual_name`; with no
    `enable_monitoring`, `monitoring { enabled = true }` is added (a launch configuration's
    default). Every comment
    stays where it was. Other references to the launch configuration (outputs) are
    renamed to the template.

    ## Fix safety

    The codemod is **unsafe**: it replaces the launch configuration by a launch template
    (a new resource), and the groups start new instances from the template's `$Latest`
    version; a template also defaults some settings differently (it sets no public IP
    unless told). Detailed monitoring, on by default in a launch configuration and off in a
    template, is kept: `monitoring { enabled = true }` is written when `enable_monitoring`
    was not. It becomes **display-only**, with the
    reason, when an argument has no equivalent tffix can write (a `root_block_device`
    whose image is not a `data.aws_ami`: the root device name depends on the AMI and cannot
    be known statically; an `ephemeral_block_device` with `no_device`, a bool where a
    template takes a string, or without `virtual_name`; ClassicLink), when
    the launch configuration has `count` / `for_each`, or when a group that uses it also
    has a `mixed_instances_policy` or a launch template. No fix is offered for a group
    whose launch configuration is not in the module.

    ## References

    * Amazon EC2 Auto Scaling user guide, "Launch configurations": "Accounts created on or
      after October 1, 2024 ... can't create new launch configurations", and "Migrate your
      Auto Scaling groups to launch templates" (the argument mapping).
    * terraform-provider-aws documentation of `aws_launch_configuration`,
      `aws_launch_template` (`block_device_mappings`: `device_name`, `virtual_name`,
      `no_device`, `ebs`) and `aws_autoscaling_group` (`launch_template` block), and of the
      `aws_ami` data source (`root_device_name`).
    * AWS CloudFormation, `AWS::EC2::LaunchTemplate BlockDeviceMapping`: a mapping names its
      device and exactly one of `Ebs`, `NoDevice` or `VirtualName`.
    """

    code = "AWS012"
    name = "launch-configuration"
    severity = Severity.WARNING
    fix_availability = FixAvailability.SOMETIMES
    created_only = True
    targets = (Target(_LC), Target(_ASG, attributes=("launch_configuration",)))
    messages = {
        "lc": "{address}: accounts created on or after 2024-10-01 cannot create launch configurations "
        "(UnsupportedOperation); use an aws_launch_template",
        "asg": "{address} {attribute} {value} is a launch configuration, which accounts created on or after "
        "2024-10-01 cannot create (UnsupportedOperation); use a launch_template block",
    }

    def visit(self, site: Site, ctx: RuleContext) -> Iterable[Finding]:
        if site.resource_type == _ASG:
            name = resource_name(site.attribute.value, _LC)  # type: ignore[union-attr]
            if name is None or ctx.module.resource(f"{_LC}.{name}") is None:
                yield self.report(site, "asg", value=site.node.source, notes=(
                    "the launch configuration is not in this module: migrate it to a launch template where it is made",
                ))
            return
        fix, notes = _Plan(ctx, site).fix()
        yield self.report(site, "lc", node=site.resource, fix=fix, notes=notes)


@dataclass
class _Plan:
    """The rewrite of one launch configuration, and why it can only be shown."""

    ctx: RuleContext
    site: Site
    reasons: list[str] = field(default_factory=list)

    def fix(self) -> tuple[Fix | None, tuple[str, ...]]:
        site, ctx = self.site, self.ctx
        name = site.resource.labels[1]
        editor = ctx.editor(site)
        try:
            self._rewrite(editor)
            groups = self._point_groups(editor, name)
            editor.rename_references(f"{_LC}.{name}", f"{_LT}.{name}", skip=lambda ref: any(
                ref.file is f and n.contains(a, ref.expression) for f, _g, a in groups))
        except EditError as e:
            return None, (f"no fix: {e}",)
        if ctx.module.resource(f"{_LT}.{name}") is not None:
            return None, (f"no fix: {_LT}.{name} already exists",)
        if sum(1 for _f, b in ctx.module.resources(_LC) if b.labels[1] == name) > 1:
            return None, (f"no fix: {site.address} is declared more than once",)
        title = f"Rewrite {site.address} as {_LT}.{name}"
        if groups:
            title += " and point " + ", ".join(".".join(g.labels) for _f, g, _a in groups) + " at it"
        if self.reasons:
            return editor.fix(title, Applicability.DISPLAY_ONLY), tuple(dict.fromkeys(self.reasons))
        return editor.fix(title, Applicability.UNSAFE), ()

    # ---- the launch configuration -------------------------------------------------------
    def _rewrite(self, editor: Editor) -> None:
        resource = self.site.resource
        body = resource.body
        editor.replace(resource.label_nodes[0], f'"{_LT}"')
        if body.get_attribute("count") or body.get_attribute("for_each"):
            self.reasons.append("the launch configuration has count / for_each: point each group at its instance by hand")
        for item in body.items:
            if type(item) is n.Attribute:
                self._attribute(editor, item, body)
            elif isinstance(item, n.Block):
                self._block(editor, item)
        if body.get_attribute("enable_monitoring") is None:
            # a launch configuration monitors in detail unless told not to; a template does not
            editor.add_block(resource, "monitoring {\n  enabled = true\n}")

    def _attribute(self, editor: Editor, attribute: n.Attribute, body: n.Body) -> None:
        key, value = attribute.key, attribute.value.source
        public_ip, groups = body.get_attribute("associate_public_ip_address"), body.get_attribute("security_groups")
        if key in facts.SAME_NAME:
            return
        if key == "user_data":  # a heredoc's closing marker keeps a line of its own
            indent = indentation_of(attribute, self.site.file.text)
            editor.replace(attribute.value, f"base64encode({value}" + (f"\n{indent})" if type(attribute.value) is n.Heredoc else ")"))
        elif key == "user_data_base64":
            editor.rename_attribute(attribute, "user_data")
        elif key == "security_groups":
            if public_ip is None:
                editor.rename_attribute(attribute, "vpc_security_group_ids")
            elif attribute.leading_lines or n.trailing_comment(attribute):
                self.reasons.append("security_groups has comments and moves into network_interfaces: move it by hand")
            else:
                editor.remove(attribute)
        elif key == "associate_public_ip_address":
            lines = [f"associate_public_ip_address = {value}"]
            if groups is not None:
                lines.append(f"security_groups             = {groups.value.source}")
            editor.replace_lines(attribute, block_source("network_interfaces", *lines))
        elif key == "iam_instance_profile":
            field_name = "arn" if value.endswith(".arn") or value.startswith('"arn:') else "name"
            editor.replace_lines(attribute, block_source("iam_instance_profile", f"{field_name} = {value}"))
        elif key == "spot_price":
            spot = block_source("spot_options", f"max_price = {value}")
            editor.replace_lines(attribute, block_source("instance_market_options", 'market_type = "spot"', "", spot))
        elif key in facts.TO_BLOCK:
            block, argument = facts.TO_BLOCK[key]
            editor.replace_lines(attribute, block_source(block, f"{argument} = {value}"))
        else:
            self.reasons.append(f"{key}: {facts.NO_EQUIVALENT[key]}" if key in facts.NO_EQUIVALENT
                                else f"{key} has no launch template equivalent tffix knows")

    def _block(self, editor: Editor, block: n.Block) -> None:
        kind = n.generated_type(block)
        if kind in facts.SAME_NAME:
            return
        reason = facts.NO_EQUIVALENT.get(kind, "no launch template equivalent tffix knows")
        if block.type != "dynamic" and kind in ("ebs_block_device", "root_block_device", "ephemeral_block_device"):
            reason = self._device_mapping(editor, block, kind)
        if reason is not None:
            self.reasons.append(f"{kind}: {reason}")

    def _device_mapping(self, editor: Editor, block: n.Block, kind: str) -> str | None:
        """A block device rewritten as a ``block_device_mappings`` block (``device_name`` and one of
        ``virtual_name`` / ``ebs``); the reason when it cannot be."""
        device = block.body.get_attribute("device_name") if kind != "root_block_device" else None  # root: none
        others = [a for a in block.body.items if a is not device and type(a) is not n.EmptyLine]
        if kind == "ephemeral_block_device":  # device_name and virtual_name: the same names in a template
            if device is None or [getattr(a, "key", None) for a in others] != ["virtual_name"]:
                return facts.NO_EQUIVALENT[kind]
            editor.rename_block(block, "block_device_mappings")
            return None
        device_source = facts.root_device_name(self.site.resource) if kind == "root_block_device" else (
            device.value.source if device is not None else None)
        if device_source is None and kind == "root_block_device":
            return facts.NO_EQUIVALENT[kind]
        if device_source is None or any(type(a) is not n.Attribute or a.key not in facts.EBS_ARGUMENTS for a in others):
            return "an argument without an ebs equivalent (no_device): map it by hand"
        try:
            ebs = block_source("ebs", *(item_source(a, self.site.file.text) for a in others))
        except ValueError as e:
            return f"{e}: map it by hand"
        editor.replace_lines(block, block_source("block_device_mappings", f"device_name = {device_source}", "", ebs))
        return None

    # ---- the groups ----------------------------------------------------------------------
    def _point_groups(self, editor: Editor, name: str) -> list[tuple[SourceFile, n.Block, n.Attribute]]:
        out = []
        for file, group in self.ctx.module.resources(_ASG):
            attribute = group.body.get_attribute("launch_configuration")
            if attribute is None or resource_name(attribute.value, _LC) != name:
                continue
            if group.body.blocks("mixed_instances_policy") or group.body.blocks("launch_template"):
                self.reasons.append(f"{'.'.join(group.labels)} also has a launch template or mixed_instances_policy")
            source = block_source("launch_template", f"id      = {_LT}.{name}.id", 'version = "$Latest"')
            editor.replace_lines(attribute, source, file=file)
            out.append((file, group, attribute))
        return out

