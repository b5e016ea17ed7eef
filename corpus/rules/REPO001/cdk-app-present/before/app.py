#!/usr/bin/env python3
import aws_cdk as cdk

from lib.tap_stack import TapStack

app = cdk.App()
TapStack(app, "TapStack")
app.synth()
