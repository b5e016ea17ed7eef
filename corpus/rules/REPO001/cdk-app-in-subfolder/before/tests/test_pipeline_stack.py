import aws_cdk as cdk
from aws_cdk.assertions import Template

from cdk.stacks.pipeline import PipelineStack


def test_pipeline_has_a_codebuild_project():
    template = Template.from_stack(PipelineStack(cdk.App(), "Pipeline"))
    template.resource_count_is("AWS::CodeBuild::Project", 1)
