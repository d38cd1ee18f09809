"""Imports every shim module so its shims register (shims match disjoint operations; order does not matter)."""
from . import shims_apigateway, shims_cloudfront, shims_ec2, shims_elbv2, shims_fms, shims_lambda, shims_ram, shims_route53  # noqa: F401
