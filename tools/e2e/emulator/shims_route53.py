"""Amazon Route 53: private hosted zones created with a VPC.

- CreateHostedZone with a ``VPC`` creates a private zone (AWS); moto makes it public unless
  ``HostedZoneConfig.PrivateZone`` is also sent, which the provider does not do.
- GetHostedZone of a private zone lists its ``VPCs``; without them the provider plans to re-associate the VPC of
  every private zone forever.
"""
import re
from xml.sax.saxutils import escape

from moto import backends

from .layer import Request, Response, shim

_ZONE = re.compile(r"^/2013-04-01/hostedzone/(?P<id>[A-Z0-9]+)/?$")


@shim(
    "route53",
    "*",
    "https://docs.aws.amazon.com/Route53/latest/APIReference/API_CreateHostedZone.html",
    when=lambda request: request.method == "POST" and request.path.rstrip("/") == "/2013-04-01/hostedzone",
)
def create_private_hosted_zone(request: Request) -> None:
    body = request.body
    if b"<VPC>" not in body or b"<PrivateZone>" in body:
        return None
    if b"</HostedZoneConfig>" in body:
        body = body.replace(b"</HostedZoneConfig>", b"<PrivateZone>true</PrivateZone></HostedZoneConfig>")
    else:
        body = body.replace(b"</CreateHostedZoneRequest>", b"<HostedZoneConfig><PrivateZone>true</PrivateZone></HostedZoneConfig></CreateHostedZoneRequest>")
    request.replace_body(body)
    return None


@shim(
    "route53",
    "*",
    "https://docs.aws.amazon.com/Route53/latest/APIReference/API_GetHostedZone.html",
    after=True,
    when=lambda request: request.method == "GET" and bool(_ZONE.match(request.path)),
)
def get_hosted_zone_vpcs(request: Request, status: int, headers: dict[str, str], body: bytes) -> Response:
    if status != 200 or b"<VPCs>" in body:
        return status, headers, body
    zone = backends.get_backend("route53")[request.account]["global"].zones.get(_ZONE.match(request.path)["id"])
    if zone is None or not zone.private_zone or not zone.vpcs:
        return status, headers, body
    vpcs = "".join(
        f"<VPC><VPCRegion>{escape(vpc.get('vpc_region', ''))}</VPCRegion><VPCId>{escape(vpc['vpc_id'])}</VPCId></VPC>" for vpc in zone.vpcs
    )
    return status, headers, body.replace(b"</GetHostedZoneResponse>", f"<VPCs>{vpcs}</VPCs></GetHostedZoneResponse>".encode())
