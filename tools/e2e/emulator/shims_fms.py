"""AWS Firewall Manager: absent from moto 5.2. The policy operations the provider's aws_fms_policy calls.

Policies are kept per account and region as the caller sent them, plus the identifiers AWS assigns.
"""
import uuid
from typing import Any

from .layer import Request, Response, error_response, json_response, shim

_REFERENCE = "https://docs.aws.amazon.com/fms/2018-01-01/APIReference/API_{}.html"
# (account, region) -> policy id -> policy; tags per policy ARN.
POLICIES: dict[tuple[str, str], dict[str, dict[str, Any]]] = {}
TAGS: dict[str, dict[str, str]] = {}


def _arn(request: Request, policy_id: str) -> str:
    return f"arn:aws:fms:{request.region}:{request.account}:policy/{policy_id}"


def _not_found(what: str) -> Response:
    return error_response(400, "ResourceNotFoundException", f"{what} not found")


@shim("fms", "PutPolicy", _REFERENCE.format("PutPolicy"))
def put_policy(request: Request) -> Response:
    body = request.json()
    policy = dict(body["Policy"])
    policies = POLICIES.setdefault((request.account, request.region), {})
    if policy.get("PolicyId"):
        if policy["PolicyId"] not in policies:
            return _not_found(f"Policy {policy['PolicyId']}")
    else:
        policy["PolicyId"] = str(uuid.uuid4())
    policy["PolicyUpdateToken"] = str(uuid.uuid4())
    policies[policy["PolicyId"]] = policy
    arn = _arn(request, policy["PolicyId"])
    if body.get("TagList"):
        TAGS.setdefault(arn, {}).update({tag["Key"]: tag["Value"] for tag in body["TagList"]})
    return json_response({"Policy": policy, "PolicyArn": arn})


@shim("fms", "GetPolicy", _REFERENCE.format("GetPolicy"))
def get_policy(request: Request) -> Response:
    policy_id = request.json()["PolicyId"]
    policy = POLICIES.get((request.account, request.region), {}).get(policy_id)
    if policy is None:
        return _not_found(f"Policy {policy_id}")
    return json_response({"Policy": policy, "PolicyArn": _arn(request, policy_id)})


@shim("fms", "DeletePolicy", _REFERENCE.format("DeletePolicy"))
def delete_policy(request: Request) -> Response:
    policy_id = request.json()["PolicyId"]
    if POLICIES.get((request.account, request.region), {}).pop(policy_id, None) is None:
        return _not_found(f"Policy {policy_id}")
    TAGS.pop(_arn(request, policy_id), None)
    return json_response({})


@shim("fms", "ListTagsForResource", _REFERENCE.format("ListTagsForResource"))
def list_tags_for_resource(request: Request) -> Response:
    arn = request.json()["ResourceArn"]
    return json_response({"TagList": [{"Key": key, "Value": value} for key, value in TAGS.get(arn, {}).items()]})


@shim("fms", "TagResource", _REFERENCE.format("TagResource"))
def tag_resource(request: Request) -> Response:
    body = request.json()
    TAGS.setdefault(body["ResourceArn"], {}).update({tag["Key"]: tag["Value"] for tag in body.get("TagList", [])})
    return json_response({})


@shim("fms", "UntagResource", _REFERENCE.format("UntagResource"))
def untag_resource(request: Request) -> Response:
    body = request.json()
    for key in body.get("TagKeys", []):
        TAGS.get(body["ResourceArn"], {}).pop(key, None)
    return json_response({})


def inventory() -> set[tuple[str, ...]]:
    return {("fms", account, region, "policies", policy_id) for (account, region), policies in POLICIES.items() for policy_id in policies}
