"""AWS RAM (Resource Access Manager): operations moto 5.2 lacks, and share tags it drops.

moto keeps resource shares, their principals and resource ARNs; these shims add and remove associations on moto's
own share objects, so moto's GetResourceShareAssociations stays the single answer for reads.
"""
import datetime
from typing import Any

from moto import backends

from .layer import Request, Response, error_response, json_response, shim

_REFERENCE = "https://docs.aws.amazon.com/ram/latest/APIReference/API_{}.html"
# Tags per share ARN: moto's ResourceShare has no tags (the provider reads them from GetResourceShares).
SHARE_TAGS: dict[str, dict[str, str]] = {}
# The AWS managed permission RAM attaches by default, per shareable resource type (ARN segment after the account).
_DEFAULT_PERMISSIONS = {
    "transit-gateway": ("AWSRAMDefaultPermissionTransitGateway", "ec2:TransitGateway"),
    "/domainnames": ("AWSRAMDefaultPermissionAPIGatewayDomainName", "apigateway:Domainnames"),
}


def _path(name: str):
    return lambda request: request.path.rstrip("/") == f"/{name}"


def _share(request: Request, arn: str) -> Any:
    backend = backends.get_backend("ram")[request.account][request.region]
    for share in backend.resource_shares:
        if share.arn == arn:
            return share
    return None


def _not_found(arn: str) -> Response:
    return error_response(400, "UnknownResourceException", f"ResourceShare {arn} could not be found.")


def _associations(share: Any, principals: list[str], resources: list[str], status: str) -> list[dict[str, Any]]:
    now = datetime.datetime.now(datetime.timezone.utc).timestamp()
    return [
        {
            "resourceShareArn": share.arn,
            "resourceShareName": share.name,
            "associatedEntity": entity,
            "associationType": kind,
            "status": status,
            "creationTime": now,
            "lastUpdatedTime": now,
            "external": False,
        }
        for kind, entities in (("PRINCIPAL", principals), ("RESOURCE", resources))
        for entity in entities
    ]


@shim("ram", "POST /associateresourceshare", _REFERENCE.format("AssociateResourceShare"), when=_path("associateresourceshare"))
def associate_resource_share(request: Request) -> Response:
    body = request.json()
    share = _share(request, body["resourceShareArn"])
    if share is None:
        return _not_found(body["resourceShareArn"])
    principals, resources = body.get("principals", []), body.get("resourceArns", [])
    share.principals.extend(entity for entity in principals if entity not in share.principals)
    share.resource_arns.extend(entity for entity in resources if entity not in share.resource_arns)
    return json_response({"resourceShareAssociations": _associations(share, principals, resources, "ASSOCIATING"), "clientToken": body.get("clientToken")}, content_type="application/json")


@shim("ram", "POST /disassociateresourceshare", _REFERENCE.format("DisassociateResourceShare"), when=_path("disassociateresourceshare"))
def disassociate_resource_share(request: Request) -> Response:
    body = request.json()
    share = _share(request, body["resourceShareArn"])
    if share is None:
        return _not_found(body["resourceShareArn"])
    principals, resources = body.get("principals", []), body.get("resourceArns", [])
    share.principals[:] = [entity for entity in share.principals if entity not in principals]
    share.resource_arns[:] = [entity for entity in share.resource_arns if entity not in resources]
    return json_response({"resourceShareAssociations": _associations(share, principals, resources, "DISASSOCIATING"), "clientToken": body.get("clientToken")}, content_type="application/json")


@shim("ram", "POST /listresourcesharepermissions", _REFERENCE.format("ListResourceSharePermissions"), when=_path("listresourcesharepermissions"))
def list_resource_share_permissions(request: Request) -> Response:
    """The default AWS managed permission of each resource type in the share (what RAM attaches when none is given)."""
    body = request.json()
    share = _share(request, body["resourceShareArn"])
    if share is None:
        return _not_found(body["resourceShareArn"])
    permissions = {}
    for resource in share.resource_arns:
        for marker, (name, resource_type) in _DEFAULT_PERMISSIONS.items():
            if marker in resource.split(":", 5)[5]:
                permissions[name] = {
                    "arn": f"arn:aws:ram::aws:permission/{name}",
                    "version": "1",
                    "defaultVersion": True,
                    "name": name,
                    "resourceType": resource_type,
                    "status": "ATTACHABLE",
                    "isResourceTypeDefault": True,
                    "permissionType": "AWS_MANAGED",
                }
    return json_response({"permissions": list(permissions.values())}, content_type="application/json")


@shim("ram", "POST /tagresource", _REFERENCE.format("TagResource"), when=_path("tagresource"))
def tag_resource(request: Request) -> Response:
    body = request.json()
    SHARE_TAGS.setdefault(body["resourceShareArn"], {}).update({tag["key"]: tag["value"] for tag in body.get("tags", [])})
    return json_response({}, content_type="application/json")


@shim("ram", "POST /untagresource", _REFERENCE.format("UntagResource"), when=_path("untagresource"))
def untag_resource(request: Request) -> Response:
    body = request.json()
    for key in body.get("tagKeys", []):
        SHARE_TAGS.get(body["resourceShareArn"], {}).pop(key, None)
    return json_response({}, content_type="application/json")


@shim("ram", "POST /createresourceshare", _REFERENCE.format("CreateResourceShare"), after=True, when=_path("createresourceshare"))
def create_resource_share(request: Request, status: int, headers: dict[str, str], body: bytes) -> Response:
    """moto drops the request's tags; they are kept here and returned as the API documents."""
    import json

    if status != 200:
        return status, headers, body
    answer = json.loads(body)
    tags = {tag["key"]: tag["value"] for tag in request.json().get("tags", [])}
    SHARE_TAGS[answer["resourceShare"]["resourceShareArn"]] = tags
    answer["resourceShare"]["tags"] = [{"key": key, "value": value} for key, value in tags.items()]
    return status, headers, json.dumps(answer).encode()


@shim("ram", "POST /getresourceshares", _REFERENCE.format("GetResourceShares"), after=True, when=_path("getresourceshares"))
def get_resource_shares(request: Request, status: int, headers: dict[str, str], body: bytes) -> Response:
    """Applies the documented filters moto ignores (resourceShareArns, name, resourceShareStatus) and adds tags."""
    import json

    if status != 200:
        return status, headers, body
    query = request.json()
    shares = json.loads(body)["resourceShares"]
    if query.get("resourceShareArns"):
        shares = [share for share in shares if share["resourceShareArn"] in query["resourceShareArns"]]
    if query.get("name"):
        shares = [share for share in shares if share["name"] == query["name"]]
    if query.get("resourceShareStatus"):
        shares = [share for share in shares if share["status"] == query["resourceShareStatus"]]
    for share in shares:
        share["tags"] = [{"key": key, "value": value} for key, value in SHARE_TAGS.get(share["resourceShareArn"], {}).items()]
    return status, headers, json.dumps({"resourceShares": shares}).encode()
