"""Elastic Load Balancing v2: ``EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic`` of a Network Load Balancer.

AWS returns it for every NLB with security groups (``on`` unless SetSecurityGroups turned it ``off``); moto 5.2
neither stores nor returns it, so the provider plans to set it forever.
"""
import re
from typing import Any

from moto import backends

from .layer import Request, Response, shim

_REFERENCE = "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_{}.html"
_FIELD = "EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic"
# Kept on moto's load balancer object, so it goes when the load balancer goes.
_ATTRIBUTE = "uag_enforce_inbound_rules_on_private_link"


def _load_balancer(request: Request, arn: str) -> Any:
    return backends.get_backend("elbv2")[request.account][request.region].load_balancers.get(arn)


def _enforced(load_balancer: Any) -> str | None:
    """AWS's answer for this load balancer: only NLBs with security groups carry the field; the default is on."""
    if load_balancer is None or load_balancer.type != "network" or not load_balancer.security_groups:
        return None
    return getattr(load_balancer, _ATTRIBUTE, "on")


@shim("elasticloadbalancing", "SetSecurityGroups", _REFERENCE.format("SetSecurityGroups"), after=True)
def set_security_groups(request: Request, status: int, headers: dict[str, str], body: bytes) -> Response:
    """Stores the setting sent and returns it, as AWS does."""
    if status != 200:
        return status, headers, body
    form = request.form()
    load_balancer = _load_balancer(request, form.get("LoadBalancerArn", ""))
    if load_balancer is not None and form.get(_FIELD) in ("on", "off"):
        setattr(load_balancer, _ATTRIBUTE, form[_FIELD])
    value = _enforced(load_balancer)
    if value is None:
        return status, headers, body
    return status, headers, body.replace(b"</SetSecurityGroupsResult>", f"<{_FIELD}>{value}</{_FIELD}></SetSecurityGroupsResult>".encode())


def _describe(request: Request, status: int, headers: dict[str, str], body: bytes) -> Response:
    """CreateLoadBalancer and DescribeLoadBalancers carry the setting of each NLB with security groups."""
    if status != 200:
        return status, headers, body

    def complete(match: re.Match[bytes]) -> bytes:
        value = _enforced(_load_balancer(request, match.group(2).decode()))
        return match.group(0) if value is None else match.group(0) + f"<{_FIELD}>{value}</{_FIELD}>".encode()

    return status, headers, re.sub(rb"(<LoadBalancerArn>([^<]+)</LoadBalancerArn>)", complete, body)


for _operation in ("CreateLoadBalancer", "DescribeLoadBalancers"):
    shim("elasticloadbalancing", _operation, _REFERENCE.format(_operation), after=True)(_describe)
