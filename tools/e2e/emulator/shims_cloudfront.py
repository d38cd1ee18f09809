"""Amazon CloudFront: distribution fields moto fills in that AWS leaves out, and response headers policies.

- A cache behavior that names a cache policy (``CachePolicyId``) carries no ``ForwardedValues`` in AWS's answer
  (the legacy cache settings are replaced by the policy); moto adds default ForwardedValues to every behavior, so
  the provider plans to remove a ``forwarded_values`` block forever.
- A viewer certificate that names an ACM certificate (or an IAM one) has ``CloudFrontDefaultCertificate`` false
  (AWS: true only when the distribution uses its cloudfront.net name); moto answers true, so the provider plans to
  set it to false forever.
"""
import re
import uuid
from datetime import datetime, timezone
from typing import Any

from .layer import Request, Response, shim

_DISTRIBUTION = re.compile(r"^/2020-05-31/distribution(?:/[^/]+(?:/config)?)?/?$")
_BEHAVIOR = re.compile(rb"<(DefaultCacheBehavior|CacheBehavior)>(.*?)</\1>", re.DOTALL)
_VIEWER_CERTIFICATE = re.compile(rb"<ViewerCertificate>(.*?)</ViewerCertificate>", re.DOTALL)


def _behavior(match: re.Match[bytes]) -> bytes:
    tag, inner = match.group(1), match.group(2)
    if re.search(rb"<CachePolicyId>[^<]+</CachePolicyId>", inner):
        inner = re.sub(rb"<ForwardedValues>.*?</ForwardedValues>", b"", inner, flags=re.DOTALL)
    return b"<%s>%s</%s>" % (tag, inner, tag)


def _viewer_certificate(match: re.Match[bytes]) -> bytes:
    inner = match.group(1)
    if re.search(rb"<(ACMCertificateArn|IAMCertificateId)>[^<]+</\1>", inner):
        inner = re.sub(rb"<CloudFrontDefaultCertificate>true</CloudFrontDefaultCertificate>", b"<CloudFrontDefaultCertificate>false</CloudFrontDefaultCertificate>", inner)
    return b"<ViewerCertificate>%s</ViewerCertificate>" % inner


@shim(
    "cloudfront",
    "*",
    "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_GetDistributionConfig.html",
    after=True,
    when=lambda request: bool(_DISTRIBUTION.match(request.path)),
)
def distribution_as_aws_returns_it(request: Request, status: int, headers: dict[str, str], body: bytes) -> Response:
    """CreateDistribution(WithTags), GetDistribution, GetDistributionConfig, UpdateDistribution, ListDistributions:
    no ForwardedValues beside a CachePolicyId (DefaultCacheBehavior, CacheBehavior), and CloudFrontDefaultCertificate
    false beside an ACMCertificateArn or IAMCertificateId (ViewerCertificate)."""
    if status >= 300 or not body:
        return status, headers, body
    return status, headers, _VIEWER_CERTIFICATE.sub(_viewer_certificate, _BEHAVIOR.sub(_behavior, body))


# Response headers policies: absent from moto 5.2 (every call answers 404). The CRUD the provider's
# aws_cloudfront_response_headers_policy calls, kept per account (CloudFront is global) as the caller sent them.
_REFERENCE = "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_{}.html"
_NAMESPACE = "http://cloudfront.amazonaws.com/doc/2020-05-31/"
_POLICY_PATH = re.compile(r"^/2020-05-31/response-headers-policy(?:/(?P<id>[^/]+)(?P<config>/config)?)?/?$")
_CONFIG = re.compile(rb"<ResponseHeadersPolicyConfig[^>]*>(.*)</ResponseHeadersPolicyConfig>", re.DOTALL)
_NAME = re.compile(rb"<Name>([^<]*)</Name>")
# account -> policy id -> {"config": inner XML, "etag": str, "modified": ISO time}
RESPONSE_HEADERS_POLICIES: dict[str, dict[str, dict[str, Any]]] = {}


def _policy_path(request: Request) -> re.Match[str] | None:
    return _POLICY_PATH.match(request.path)


def _error(status: int, code: str, message: str) -> Response:
    body = f'<?xml version="1.0"?><ErrorResponse xmlns="{_NAMESPACE}"><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>{uuid.uuid4()}</RequestId></ErrorResponse>'
    return status, {"Content-Type": "text/xml"}, body.encode()


def _policy_answer(status: int, policy_id: str, policy: dict[str, Any], config_only: bool = False) -> Response:
    config = b'<ResponseHeadersPolicyConfig xmlns="%s">%s</ResponseHeadersPolicyConfig>' % (_NAMESPACE.encode(), policy["config"])
    if config_only:
        body = b'<?xml version="1.0"?>' + config
    else:
        inner = b"<ResponseHeadersPolicyConfig>%s</ResponseHeadersPolicyConfig>" % policy["config"]
        body = b'<?xml version="1.0"?><ResponseHeadersPolicy xmlns="%s"><Id>%s</Id><LastModifiedTime>%s</LastModifiedTime>%s</ResponseHeadersPolicy>' % (
            _NAMESPACE.encode(),
            policy_id.encode(),
            policy["modified"].encode(),
            inner,
        )
    headers = {"Content-Type": "text/xml", "ETag": policy["etag"]}
    if status == 201:
        headers["Location"] = f"https://cloudfront.amazonaws.com/2020-05-31/response-headers-policy/{policy_id}"
    return status, headers, body


def _stored(request: Request, body: bytes) -> dict[str, Any] | None:
    config = _CONFIG.search(body)
    if not config:
        return None
    return {"config": config.group(1), "etag": "E" + uuid.uuid4().hex[:13].upper(), "modified": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")}


def _name_of(config: bytes) -> bytes:
    match = _NAME.search(config)
    return match.group(1) if match else b""


@shim("cloudfront", "*", _REFERENCE.format("CreateResponseHeadersPolicy"), when=lambda request: request.method == "POST" and bool(_policy_path(request)))
def create_response_headers_policy(request: Request) -> Response:
    """CreateResponseHeadersPolicy: 201 with the policy, its ETag and Location; a taken name is a 409."""
    policy = _stored(request, request.body)
    if policy is None:
        return _error(400, "MalformedInput", "ResponseHeadersPolicyConfig is missing")
    policies = RESPONSE_HEADERS_POLICIES.setdefault(request.account, {})
    if any(_name_of(existing["config"]) == _name_of(policy["config"]) for existing in policies.values()):
        return _error(409, "ResponseHeadersPolicyAlreadyExists", "A response headers policy with this name already exists")
    policy_id = str(uuid.uuid4())
    policies[policy_id] = policy
    return _policy_answer(201, policy_id, policy)


@shim("cloudfront", "*", _REFERENCE.format("GetResponseHeadersPolicy"), when=lambda request: request.method == "GET" and bool((m := _policy_path(request)) and m["id"]))
def get_response_headers_policy(request: Request) -> Response:
    """GetResponseHeadersPolicy and GetResponseHeadersPolicyConfig (…/config): the policy and its ETag."""
    match = _policy_path(request)
    policy = RESPONSE_HEADERS_POLICIES.get(request.account, {}).get(match["id"])
    if policy is None:
        return _error(404, "NoSuchResponseHeadersPolicy", "The response headers policy does not exist")
    return _policy_answer(200, match["id"], policy, config_only=bool(match["config"]))


def _current_version(request: Request) -> tuple[str, Response | None]:
    """The policy an Update or Delete names, or the error AWS answers: no such policy, or If-Match not its ETag."""
    policy_id = _policy_path(request)["id"]
    policy = RESPONSE_HEADERS_POLICIES.get(request.account, {}).get(policy_id)
    if policy is None:
        return policy_id, _error(404, "NoSuchResponseHeadersPolicy", "The response headers policy does not exist")
    if_match = request.headers.get("if-match")
    if not if_match:
        return policy_id, _error(400, "InvalidIfMatchVersion", "The If-Match version is missing or not valid")
    if if_match != policy["etag"]:
        return policy_id, _error(412, "PreconditionFailed", "The If-Match version does not match the current version")
    return policy_id, None


@shim("cloudfront", "*", _REFERENCE.format("UpdateResponseHeadersPolicy"), when=lambda request: request.method == "PUT" and bool((m := _policy_path(request)) and m["id"]))
def update_response_headers_policy(request: Request) -> Response:
    """UpdateResponseHeadersPolicy: replaces the whole configuration when If-Match is the current ETag."""
    policy_id, refused = _current_version(request)
    if refused:
        return refused
    updated = _stored(request, request.body)
    if updated is None:
        return _error(400, "MalformedInput", "ResponseHeadersPolicyConfig is missing")
    RESPONSE_HEADERS_POLICIES[request.account][policy_id] = updated
    return _policy_answer(200, policy_id, updated)


@shim("cloudfront", "*", _REFERENCE.format("DeleteResponseHeadersPolicy"), when=lambda request: request.method == "DELETE" and bool((m := _policy_path(request)) and m["id"]))
def delete_response_headers_policy(request: Request) -> Response:
    """DeleteResponseHeadersPolicy: 204 when If-Match is the current ETag."""
    policy_id, refused = _current_version(request)
    if refused:
        return refused
    del RESPONSE_HEADERS_POLICIES[request.account][policy_id]
    return 204, {}, b""


def inventory() -> set[tuple[str, ...]]:
    return {("cloudfront", account, "global", "response-headers-policies", policy_id) for account, policies in RESPONSE_HEADERS_POLICIES.items() for policy_id in policies}
