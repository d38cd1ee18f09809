"""What the emulator holds, as (service, account, region, collection, key) tuples, for the post-destroy check.

Generic on purpose: every dict-valued attribute of every instantiated moto backend is a collection of resources.
The check compares against the baseline taken after seeding, so moto's defaults (default VPC, AWS-managed
policies, the seed) never count. Resources AWS itself keeps for a while after deletion (KMS keys pending
deletion) are not leftovers.
"""
from typing import Any

from moto.core.base_backend import BackendDict

_SERVICES = (
    "acm", "apigateway", "apigatewayv2", "cloudfront", "cloudwatch", "ec2", "elbv2", "events", "iam", "kms",
    "lambda", "logs", "ram", "route53", "s3", "secretsmanager", "sns", "wafv2",
)


def _gone(service: str, value: Any) -> bool:
    if service == "kms" and getattr(value, "key_state", None) == "PendingDeletion":
        return True
    if service == "secretsmanager" and getattr(value, "deleted_date", None):
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
                    if name.startswith("_") or not isinstance(collection, dict):
                        continue
                    for key, value in list(collection.items()):
                        if not _gone(service, value):
                            items.add((service, account, region, name, str(key)))
    return items
