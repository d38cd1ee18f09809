"""What the emulator holds, as (service, account, region, collection, key) tuples, for the post-destroy check.

Generic on purpose: every dict-valued attribute of every instantiated moto backend is a collection of resources.
The check compares against the baseline taken after seeding, so moto's defaults (default VPC, AWS-managed
policies, the seed) never count. Resources AWS itself keeps for a while after deletion (KMS keys pending
deletion, attachments listed as deleted) are not leftovers.
"""
from typing import Any

from moto.core.base_backend import BackendDict

_SERVICES = (
    "acm", "apigateway", "apigatewayv2", "cloudfront", "cloudwatch", "ec2", "elbv2", "events", "iam", "kms",
    "lambda", "logs", "ram", "route53", "s3", "secretsmanager", "sns", "wafv2",
)


# Collections that hold no resource of their own: tags of other resources, the sessions of assumed roles.
_NOT_RESOURCES = {("ec2", "tags"), ("route53", "resource_tags"), ("iam", "access_keys"), ("route53", "delegation_sets")}
# Where moto keeps regional and global state.
_GLOBAL_KEYS = ("aws", "global")


def instantiate(accounts: list[str], regions: list[str]) -> None:
    """Creates every backend of the project's accounts and regions up front, so moto's defaults (default VPCs,
    public AMIs, AWS-managed policies) are part of the baseline instead of looking like leftovers."""
    from moto import backends

    for service in _SERVICES:
        backend_dict = backends.get_backend(service)  # type: ignore[call-overload]
        for account in accounts:
            for region in (*regions, *_GLOBAL_KEYS):
                try:
                    backend_dict[account][region]
                except (KeyError, ValueError):
                    pass


def _gone(service: str, value: Any, backend: Any = None) -> bool:
    if service == "kms" and getattr(value, "key_state", None) == "PendingDeletion":
        return True
    if service == "secretsmanager" and getattr(value, "deleted_date", None):
        return True
    if getattr(value, "state", None) == "deleted":  # e.g. TGW attachments, listed as deleted for a while
        return True
    if isinstance(value, dict) and not value:  # an emptied index (e.g. base path mappings of a deleted domain)
        return True
    if service == "ec2" and backend is not None:
        # moto does not cascade: AWS deletes a VPC's default security group and network ACL with the VPC, and a
        # Transit Gateway's route tables with the gateway.
        vpc_id = getattr(value, "vpc_id", None) or (next(iter(value.values())).vpc_id if isinstance(value, dict) and value and hasattr(next(iter(value.values())), "vpc_id") else None)
        if vpc_id and vpc_id not in backend.vpcs:
            return True
        tgw_id = getattr(value, "transit_gateway_id", None)
        if tgw_id and type(value).__name__ == "TransitGatewayRouteTable" and tgw_id not in backend.transit_gateways:
            return True
    return False


def snapshot() -> set[tuple[str, ...]]:
    from moto import backends

    items: set[tuple[str, ...]] = set()
    for service in _SERVICES:
        backend_dict = backends.get_backend(service)  # type: ignore[call-overload]
        for account, regions in list(backend_dict.items()):
            for region, backend in list(regions.items()):
                for name, collection in list(vars(backend).items()):
                    if name.startswith("_") or not isinstance(collection, dict) or (service, name) in _NOT_RESOURCES:
                        continue
                    for key, value in list(collection.items()):
                        if not _gone(service, value, backend):
                            items.add((service, account, region, name, str(key)))
    from . import shims_apigateway, shims_cloudfront, shims_fms

    return items | shims_fms.inventory() | shims_apigateway.inventory() | shims_apigateway.access_association_inventory() | shims_cloudfront.inventory()
