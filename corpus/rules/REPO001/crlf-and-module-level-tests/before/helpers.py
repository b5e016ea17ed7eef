import aws_cdk  # not a test file: helpers.py is neither test_*.py nor *_test.py nor below tests/
