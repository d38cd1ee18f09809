"""Amazon EC2: a Transit Gateway shared through RAM and used from another account.

In AWS, an account a TGW is shared with attaches its VPC to it; the attachment is then visible to both accounts,
and waits in ``pendingAcceptance`` until the TGW owner accepts it (the project turns auto-accept off). moto keeps
every account apart and has no AcceptTransitGatewayVpcAttachment, so:
- CreateTransitGatewayVpcAttachment and DescribeTransitGateways from an account the TGW is shared with lend the
  owner's TGW and its route tables to the caller's backend for the one call; a new attachment is then listed in
  the owner's backend too;
- a TGW whose default route table association is disabled associates a new attachment with nothing;
- CreateRoute and ReplaceRoute with a ``TransitGatewayId`` shared with the caller lend it the same way, so the route
  keeps its target;
- an attachment's tags are kept per account, as AWS keeps the requester's and the accepter's side apart: the tags
  sent with CreateTransitGatewayVpcAttachment (``TagSpecification`` of type ``transit-gateway-attachment``, which
  moto drops) and CreateTags/DeleteTags land in the caller's account, and each account is answered its own;
- AcceptTransitGatewayVpcAttachment marks it available in both; DeleteTransitGatewayVpcAttachment leaves it listed as ``deleted`` (as AWS does for a while).
"""
import re
import threading
import uuid
import xml.etree.ElementTree as ElementTree
from typing import Any

from moto import backends

from .layer import Request, Response, shim

_REFERENCE = "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_{}.html"
_LOCK = threading.Lock()


def _ec2(account: str, region: str) -> Any:
    return backends.get_backend("ec2")[account][region]


def _form_value(request: Request, key: str) -> str | None:
    values = request.query.get(key) or ([request.form()[key]] if key in request.form() else None)
    return values[0] if values else None


def _shared_with_caller(request: Request) -> list[tuple[Any, str]]:
    """(owner backend, TGW id) of every TGW another account shares with the caller through an active RAM share."""
    found = []
    for account, regions in list(backends.get_backend("ec2").items()):
        if account == request.account or request.region not in regions:
            continue
        owner = regions[request.region]
        shares = backends.get_backend("ram")[account][request.region].resource_shares
        for tgw_id, tgw in list(owner.transit_gateways.items()):
            if any(share.status == "ACTIVE" and tgw.arn in share.resource_arns and request.account in share.principals for share in shares):
                found.append((owner, tgw_id))
    return found


# (id of the caller's backend, TGW id) -> calls in flight that borrowed it. Requests run on threads: a TGW stays
# lent until the last call that borrowed it gives it back (else one call's give-back pulls it from under another).
_BORROWED: dict[tuple[int, str], int] = {}


def _lend(request: Request, wanted: list[str]) -> None:
    """Lends the owner's TGW (and its route tables) to the caller's backend for this one call."""
    caller = _ec2(request.account, request.region)
    lent = []
    with _LOCK:
        for owner, tgw_id in _shared_with_caller(request):
            key = (id(caller), tgw_id)
            if (wanted and tgw_id not in wanted) or (tgw_id in caller.transit_gateways and key not in _BORROWED):
                continue
            if key not in _BORROWED:
                caller.transit_gateways[tgw_id] = owner.transit_gateways[tgw_id]
                for table_id, table in owner.transit_gateways_route_tables.items():
                    if table.transit_gateway_id == tgw_id:
                        caller.transit_gateways_route_tables[table_id] = table
            _BORROWED[key] = _BORROWED.get(key, 0) + 1
            lent.append((owner, tgw_id))
    request.context["lent"] = (caller, lent)


def _give_back(request: Request) -> list[tuple[Any, str]]:
    caller, lent = request.context.get("lent", (None, []))
    with _LOCK:
        for _, tgw_id in lent:
            key = (id(caller), tgw_id)
            _BORROWED[key] -= 1
            if _BORROWED[key] > 0:
                continue
            del _BORROWED[key]
            caller.transit_gateways.pop(tgw_id, None)
            for table_id in [table_id for table_id, table in caller.transit_gateways_route_tables.items() if table.transit_gateway_id == tgw_id]:
                caller.transit_gateways_route_tables.pop(table_id)
    return lent


def _indexed(request: Request, prefix: str) -> list[str]:
    params = {**request.form(), **{key: values[0] for key, values in request.query.items()}}
    return [value for key, value in params.items() if key.startswith(f"{prefix}.")]


@shim("ec2", "CreateTransitGatewayVpcAttachment", _REFERENCE.format("CreateTransitGatewayVpcAttachment"))
def lend_for_attachment(request: Request) -> None:
    tgw_id = _form_value(request, "TransitGatewayId")
    if tgw_id:
        _lend(request, [tgw_id])  # a TGW not shared with the caller stays unknown: moto answers NotFound, as AWS does
    return None


@shim("ec2", "CreateTransitGatewayVpcAttachment", _REFERENCE.format("CreateTransitGatewayVpcAttachment"), after=True)
def attachment_seen_by_owner(request: Request, status: int, headers: dict[str, str], body: bytes) -> Response:
    caller = _ec2(request.account, request.region)
    lent = _give_back(request)
    if not lent:
        return status, headers, body
    owner, tgw_id = lent[0]
    for attachment_id, attachment in caller.transit_gateway_attachments.items():
        if attachment.transit_gateway_id == tgw_id and attachment_id not in owner.transit_gateway_attachments:
            attachment.state = "pendingAcceptance"
            owner.transit_gateway_attachments[attachment_id] = attachment
    return status, headers, body.replace(b"<state>available</state>", b"<state>pendingAcceptance</state>")


@shim("ec2", "CreateTransitGatewayVpcAttachment", _REFERENCE.format("CreateTransitGatewayVpcAttachment"), after=True)
def no_default_association_when_disabled(request: Request, status: int, headers: dict[str, str], body: bytes) -> Response:
    """A TGW created with DefaultRouteTableAssociation=disable associates a new attachment with no route table;
    moto associates it with the default one anyway (and cannot disassociate it: its association index misses it)."""
    match = re.search(rb"<transitGatewayAttachmentId>([^<]+)</transitGatewayAttachmentId>", body)
    if status != 200 or not match:
        return status, headers, body
    attachment_id = match.group(1).decode()
    for regions in list(backends.get_backend("ec2").values()):
        backend = regions[request.region] if request.region in regions else None
        attachment = backend.transit_gateway_attachments.get(attachment_id) if backend else None
        if attachment is None:
            continue
        owner = next((r[request.region] for r in backends.get_backend("ec2").values() if request.region in r and attachment.transit_gateway_id in r[request.region].transit_gateways), None)
        tgw = owner.transit_gateways[attachment.transit_gateway_id] if owner else None
        if tgw is not None and tgw.options.get("DefaultRouteTableAssociation") == "disable":
            for table in owner.transit_gateways_route_tables.values():
                table.route_table_associations.pop(attachment_id, None)
            attachment.transit_gateway_route_table = None
        break
    return status, headers, body


@shim("ec2", "DescribeTransitGateways", _REFERENCE.format("DescribeTransitGateways"))
def lend_for_describe(request: Request) -> None:
    """Transit gateways shared with the caller are listed to the caller too."""
    _lend(request, _indexed(request, "TransitGatewayIds"))
    return None


@shim("ec2", "DescribeTransitGateways", _REFERENCE.format("DescribeTransitGateways"), after=True)
def give_back_after_describe(request: Request, status: int, headers: dict[str, str], body: bytes) -> Response:
    _give_back(request)
    return status, headers, body


def _lend_for_route(request: Request) -> None:
    """A route of the caller's table may target a TGW shared with the caller (``TransitGatewayId``); moto looks the
    TGW up in the caller's account only and stores the route without a target, so the route is listed without it."""
    tgw_id = _form_value(request, "TransitGatewayId")
    if tgw_id:
        _lend(request, [tgw_id])
    return None


def _give_back_after_route(request: Request, status: int, headers: dict[str, str], body: bytes) -> Response:
    _give_back(request)
    return status, headers, body


for _operation in ("CreateRoute", "ReplaceRoute"):
    shim("ec2", _operation, _REFERENCE.format(_operation))(_lend_for_route)
    shim("ec2", _operation, _REFERENCE.format(_operation), after=True)(_give_back_after_route)


@shim("ec2", "DeleteTransitGatewayVpcAttachment", _REFERENCE.format("DeleteTransitGatewayVpcAttachment"), after=True)
def deleted_for_both(request: Request, status: int, headers: dict[str, str], body: bytes) -> Response:
    """A deleted attachment stays listed, in state ``deleted``, to both accounts (AWS lists deleted attachments for
    a while, and the provider waits to see that state); moto forgets it at once."""
    attachment_id = _form_value(request, "TransitGatewayAttachmentId")
    if status != 200:
        return status, headers, body
    caller = _ec2(request.account, request.region)
    attachment = None
    for account, regions in list(backends.get_backend("ec2").items()):
        if request.region in regions:
            attachment = regions[request.region].transit_gateway_attachments.get(attachment_id) or attachment
    if attachment is not None:
        attachment.state = "deleted"
        caller.transit_gateway_attachments[attachment_id] = attachment
    return status, headers, body


@shim("ec2", "AcceptTransitGatewayVpcAttachment", _REFERENCE.format("AcceptTransitGatewayVpcAttachment"))
def accept_transit_gateway_vpc_attachment(request: Request) -> Response:
    attachment_id = _form_value(request, "TransitGatewayAttachmentId")
    owner = _ec2(request.account, request.region)
    attachment = owner.transit_gateway_attachments.get(attachment_id)
    if attachment is None:
        return 400, {"Content-Type": "text/xml"}, _error("InvalidTransitGatewayAttachmentID.NotFound", f"Transit Gateway Attachment {attachment_id} not found")
    attachment.state = "available"
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<AcceptTransitGatewayVpcAttachmentResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">'
        f"<requestId>{uuid.uuid4()}</requestId><transitGatewayVpcAttachment>"
        f"<transitGatewayAttachmentId>{attachment.id}</transitGatewayAttachmentId>"
        f"<transitGatewayId>{attachment.transit_gateway_id}</transitGatewayId>"
        f"<vpcId>{attachment.vpc_id}</vpcId><vpcOwnerId>{attachment.resource_owner_id}</vpcOwnerId>"
        "<state>available</state><subnetIds>"
        + "".join(f"<item>{subnet}</item>" for subnet in attachment.subnet_ids)
        + "</subnetIds></transitGatewayVpcAttachment></AcceptTransitGatewayVpcAttachmentResponse>"
    )
    return 200, {"Content-Type": "text/xml"}, _with_callers_tags(request, xml.encode())


def _error(code: str, message: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>{code}</Code><Message>{message}</Message>'
        f"</Error></Errors><RequestID>{uuid.uuid4()}</RequestID></Response>"
    ).encode()


_EC2_NS = "http://ec2.amazonaws.com/doc/2016-11-15"


def _creation_tags(request: Request) -> dict[str, str]:
    """``TagSpecifications.N.Tag.M.Key/Value`` (``TagSpecification.N`` in some operations) of the specifications
    whose ResourceType is transit-gateway-attachment."""
    params = {**request.form(), **{key: values[0] for key, values in request.query.items()}}
    tags: dict[str, str] = {}
    for key, value in params.items():
        match = re.fullmatch(r"(TagSpecifications?\.\d+)\.Tag\.(\d+)\.Key", key)
        if match and params.get(f"{match[1]}.ResourceType") == "transit-gateway-attachment":
            tags[value] = params.get(f"{match[1]}.Tag.{match[2]}.Value", "")
    return tags


def _with_callers_tags(request: Request, body: bytes) -> bytes:
    """Every attachment in the answer carries the caller's own tags (tagSet) for it."""
    caller = _ec2(request.account, request.region)
    root = ElementTree.fromstring(body)
    namespace = root.tag[1:].split("}")[0] if root.tag.startswith("{") else _EC2_NS
    qualified = lambda name: f"{{{namespace}}}{name}"  # noqa: E731
    for element in list(root.iter()):
        attachment_id = element.findtext(qualified("transitGatewayAttachmentId"))
        if attachment_id is None or element.tag == qualified("transitGatewayAttachmentId"):
            continue
        tag_set = element.find(qualified("tagSet"))
        if tag_set is None:
            tag_set = ElementTree.SubElement(element, qualified("tagSet"))
        tag_set.clear()
        tag_set.tag = qualified("tagSet")
        for tag in caller.describe_tags(filters={"resource-id": [attachment_id]}):
            item = ElementTree.SubElement(tag_set, qualified("item"))
            ElementTree.SubElement(item, qualified("key")).text = tag["key"]
            ElementTree.SubElement(item, qualified("value")).text = tag["value"]
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True, default_namespace=namespace)


@shim("ec2", "CreateTransitGatewayVpcAttachment", _REFERENCE.format("CreateTransitGatewayVpcAttachment"), after=True)
def creation_tags_kept(request: Request, status: int, headers: dict[str, str], body: bytes) -> Response:
    """The requester's tags (TagSpecification, ResourceType transit-gateway-attachment) on its side of the attachment."""
    match = re.search(rb"<transitGatewayAttachmentId>([^<]+)</transitGatewayAttachmentId>", body)
    tags = _creation_tags(request)
    if status != 200 or not match:
        return status, headers, body
    if tags:
        _ec2(request.account, request.region).create_tags([match.group(1).decode()], tags)
    return status, headers, _with_callers_tags(request, body)


def _callers_tags(request: Request, status: int, headers: dict[str, str], body: bytes) -> Response:
    """Each account sees its own tags of a shared attachment."""
    if status != 200:
        return status, headers, body
    return status, headers, _with_callers_tags(request, body)


for _operation in ("DescribeTransitGatewayVpcAttachments", "DescribeTransitGatewayAttachments"):
    shim("ec2", _operation, _REFERENCE.format(_operation), after=True)(_callers_tags)
