"""Amazon EC2: a Transit Gateway shared through RAM and used from another account.

In AWS, an account a TGW is shared with attaches its VPC to it; the attachment is then visible to both accounts,
and waits in ``pendingAcceptance`` until the TGW owner accepts it (the project turns auto-accept off). moto keeps
every account apart and has no AcceptTransitGatewayVpcAttachment, so:
- CreateTransitGatewayVpcAttachment from an account the TGW is shared with lends the owner's TGW and its route
  tables to the caller's backend for the one call, then lists the new attachment in the owner's backend too;
- AcceptTransitGatewayVpcAttachment marks it available in both.
"""
import threading
import uuid
from typing import Any

from moto import backends

from .layer import Request, Response, shim

_REFERENCE = "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_{}.html"
_LOCK = threading.Lock()


def _ec2(account: str, region: str) -> Any:
    return backends.get_backend("ec2")[account][region]


def _shared_owner(request: Request, tgw_id: str) -> Any:
    """The owner's backend when ``tgw_id`` belongs to another account that shares it with the caller via RAM."""
    for account, regions in list(backends.get_backend("ec2").items()):
        if account == request.account or request.region not in regions:
            continue
        owner = regions[request.region]
        tgw = owner.transit_gateways.get(tgw_id)
        if tgw is None:
            continue
        ram = backends.get_backend("ram")[account][request.region]
        for share in ram.resource_shares:
            if share.status == "ACTIVE" and tgw.arn in share.resource_arns and request.account in share.principals:
                return owner
    return None


def _form_value(request: Request, key: str) -> str | None:
    values = request.query.get(key) or ([request.form()[key]] if key in request.form() else None)
    return values[0] if values else None


@shim("ec2", "CreateTransitGatewayVpcAttachment", _REFERENCE.format("CreateTransitGatewayVpcAttachment"))
def lend_shared_transit_gateway(request: Request) -> None:
    tgw_id = _form_value(request, "TransitGatewayId")
    caller = _ec2(request.account, request.region)
    if tgw_id is None or tgw_id in caller.transit_gateways:
        return None
    owner = _shared_owner(request, tgw_id)
    if owner is None:
        return None  # moto answers InvalidTransitGatewayID.NotFound, as AWS does for a TGW not shared with the caller
    with _LOCK:
        caller.transit_gateways[tgw_id] = owner.transit_gateways[tgw_id]
        for table_id, table in owner.transit_gateways_route_tables.items():
            if table.transit_gateway_id == tgw_id:
                caller.transit_gateways_route_tables[table_id] = table
        request.context["lent"] = (caller, owner, tgw_id)
    return None


@shim("ec2", "CreateTransitGatewayVpcAttachment", _REFERENCE.format("CreateTransitGatewayVpcAttachment"), after=True)
def return_shared_transit_gateway(request: Request, status: int, headers: dict[str, str], body: bytes) -> Response:
    lent = request.context.get("lent")
    if not lent:
        return status, headers, body
    caller, owner, tgw_id = lent
    with _LOCK:
        caller.transit_gateways.pop(tgw_id, None)
        for table_id in [table_id for table_id, table in caller.transit_gateways_route_tables.items() if table.transit_gateway_id == tgw_id]:
            caller.transit_gateways_route_tables.pop(table_id)
        for attachment_id, attachment in caller.transit_gateway_attachments.items():
            if attachment.transit_gateway_id == tgw_id and attachment_id not in owner.transit_gateway_attachments:
                attachment.state = "pendingAcceptance"
                owner.transit_gateway_attachments[attachment_id] = attachment
    return status, headers, body.replace(b"<state>available</state>", b"<state>pendingAcceptance</state>")


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
    return 200, {"Content-Type": "text/xml"}, xml.encode()


def _error(code: str, message: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>{code}</Code><Message>{message}</Message>'
        f"</Error></Errors><RequestID>{uuid.uuid4()}</RequestID></Response>"
    ).encode()
