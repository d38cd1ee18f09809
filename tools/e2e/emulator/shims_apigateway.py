"""Amazon API Gateway (v1 and v2): answers moto gives unlike AWS.

- REST API ``policy``: AWS returns the stored policy JSON with its quotes backslash-escaped inside the string (the
  provider unquotes it before parsing); moto returns it raw, which the provider cannot parse.
- API mappings (v2 API) onto a custom domain created with the v1 API: in AWS both APIs manage the same domain
  names and a v2 mapping may target a REST API; moto keeps v1 and v2 apart, so the mappings live here, checked
  against moto's v1 domain names and REST APIs.
"""
import json
import re
import uuid
from typing import Any

from moto import backends

from .layer import Request, Response, error_response, json_response, shim

_V1 = "https://docs.aws.amazon.com/apigateway/latest/api/API_{}.html"
_V2 = "https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/domainnames-domainname-apimappings{}.html"
_REST_API = re.compile(r"^/restapis(/[^/]+)?/?$")
_MAPPINGS = re.compile(r"^/v2/domainnames/(?P<domain>[^/]+)/apimappings(?:/(?P<id>[^/]+))?/?$")
# (account, region, domain name) -> mapping id -> mapping
MAPPINGS: dict[tuple[str, str, str], dict[str, dict[str, Any]]] = {}


def _escape_policy(api: dict[str, Any]) -> None:
    if isinstance(api.get("policy"), str):
        api["policy"] = api["policy"].replace('"', '\\"')


@shim("apigateway", "*", _V1.format("GetRestApi"), after=True, when=lambda request: bool(_REST_API.match(request.path)))
def escape_rest_api_policy(request: Request, status: int, headers: dict[str, str], body: bytes) -> Response:
    """CreateRestApi, GetRestApi, GetRestApis, PutRestApi, UpdateRestApi return the policy escaped, as AWS does."""
    if status >= 300 or not body:
        return status, headers, body
    answer = json.loads(body)
    for api in answer.get("item", []) if "item" in answer else [answer]:
        _escape_policy(api)
    return status, headers, json.dumps(answer).encode()


def _mapping_target(request: Request) -> tuple[Any, re.Match[str]] | tuple[None, None]:
    match = _MAPPINGS.match(request.path)
    return (backends.get_backend("apigateway")[request.account][request.region], match) if match else (None, None)


def _is_mapping(request: Request) -> bool:
    return bool(_MAPPINGS.match(request.path))


# API Gateway v2 signs its requests as "apigateway": the /v2/ path tells the two apart.
@shim("apigateway", "*", _V2.format(""), when=_is_mapping)
def api_mappings(request: Request) -> Response | None:
    """CreateApiMapping, GetApiMapping(s), UpdateApiMapping, DeleteApiMapping on a v1 custom domain."""
    v1, match = _mapping_target(request)
    domain, mapping_id = match["domain"], match["id"]
    if domain not in v1.domain_names:
        return None  # a v2 domain: moto answers
    mappings = MAPPINGS.setdefault((request.account, request.region, domain), {})
    if mapping_id is None and request.method == "POST":
        body = request.json()
        if body.get("apiId") not in v1.apis:
            return error_response(404, "NotFoundException", f"Invalid API identifier specified {request.account}:{body.get('apiId')}")
        if any(existing.get("apiMappingKey", "") == body.get("apiMappingKey", "") for existing in mappings.values()):
            return error_response(409, "ConflictException", f"API mapping key {body.get('apiMappingKey', '')} already exists for domain {domain}")
        mapping = {key: body[key] for key in ("apiId", "apiMappingKey", "stage") if key in body}
        mapping["apiMappingId"] = uuid.uuid4().hex[:6]
        mappings[mapping["apiMappingId"]] = mapping
        return json_response(mapping, 201, "application/json")
    if mapping_id is None:
        return json_response({"items": list(mappings.values())}, content_type="application/json")
    mapping = mappings.get(mapping_id)
    if mapping is None:
        return error_response(404, "NotFoundException", f"Unable to find ApiMapping {mapping_id} for domain {domain}")
    if request.method == "DELETE":
        del mappings[mapping_id]
        return 204, {}, b""
    if request.method == "PATCH":
        mapping.update({key: value for key, value in request.json().items() if key in ("apiId", "apiMappingKey", "stage")})
    return json_response(mapping, content_type="application/json")


def inventory() -> set[tuple[str, ...]]:
    return {("apigatewayv2", account, region, f"apimappings:{domain}", mapping_id) for (account, region, domain), mappings in MAPPINGS.items() for mapping_id in mappings}


# (account, region) -> association ARN -> association
ACCESS_ASSOCIATIONS: dict[tuple[str, str], dict[str, dict[str, Any]]] = {}
_ASSOCIATIONS = re.compile(r"^/domainnameaccessassociations(?:/(?P<arn>.+))?/?$")


@shim("apigateway", "*", _V1.format("CreateDomainNameAccessAssociation"), when=lambda request: bool(_ASSOCIATIONS.match(request.path)))
def domain_name_access_associations(request: Request) -> Response:
    """CreateDomainNameAccessAssociation, GetDomainNameAccessAssociations, DeleteDomainNameAccessAssociation:
    a VPC endpoint of the caller's account may invoke a private custom domain (usually shared from another account)."""
    associations = ACCESS_ASSOCIATIONS.setdefault((request.account, request.region), {})
    arn = _ASSOCIATIONS.match(request.path)["arn"]
    if arn is None and request.method == "POST":
        body = request.json()
        domain_arn, source = body["domainNameArn"], body["accessAssociationSource"]
        domain = domain_arn.split(":/domainnames/", 1)[-1]
        association_arn = (
            f"arn:aws:apigateway:{request.region}:{request.account}:/domainnameaccessassociations/domainname/{domain}/vpcesource/{source}"
        )
        if association_arn in associations:
            return error_response(409, "ConflictException", f"Domain name access association already exists for {source}")
        association = {
            "domainNameAccessAssociationArn": association_arn,
            "domainNameArn": domain_arn,
            "accessAssociationSourceType": body["accessAssociationSourceType"],
            "accessAssociationSource": source,
            "tags": body.get("tags", {}),
        }
        associations[association_arn] = association
        return json_response(association, 201, "application/json")
    if arn is None:
        # resourceOwner=OTHER_ACCOUNTS lists associations other accounts made to the caller's domains.
        if request.query.get("resourceOwner", ["SELF"])[0] == "OTHER_ACCOUNTS":
            items = [
                association
                for (account, region), others in ACCESS_ASSOCIATIONS.items()
                if account != request.account and region == request.region
                for association in others.values()
                if f":{request.account}:/domainnames/" in association["domainNameArn"]
            ]
        else:
            items = list(associations.values())
        return json_response({"item": items}, content_type="application/json")
    if request.method == "DELETE":
        if associations.pop(arn, None) is None:
            return error_response(404, "NotFoundException", f"Invalid domain name access association identifier specified {arn}")
        return 202, {"Content-Type": "application/json"}, b""
    return error_response(404, "NotFoundException", f"Unsupported operation on {request.path}")


_TAGS = re.compile(r"^/tags/(?P<arn>arn:.+/domainnameaccessassociations/.+)$")


@shim("apigateway", "*", _V1.format("GetTags"), when=lambda request: bool(_TAGS.match(request.path)))
def access_association_tags(request: Request) -> Response | None:
    """GetTags, TagResource, UntagResource on a domain name access association (moto has no such resource)."""
    arn = _TAGS.match(request.path)["arn"]
    association = ACCESS_ASSOCIATIONS.get((request.account, request.region), {}).get(arn)
    if association is None:
        return error_response(404, "NotFoundException", f"Invalid resource identifier specified {arn}")
    if request.method == "PUT":
        association["tags"].update(request.json().get("tags", {}))
        return 204, {}, b""
    if request.method == "DELETE":
        for key in request.query.get("tagKeys", []):
            association["tags"].pop(key, None)
        return 204, {}, b""
    return json_response({"tags": association["tags"]}, content_type="application/json")


def access_association_inventory() -> set[tuple[str, ...]]:
    return {("apigateway", account, region, "domainnameaccessassociations", arn) for (account, region), items in ACCESS_ASSOCIATIONS.items() for arn in items}


_DOMAIN_NAMES = re.compile(r"^/domainnames(?:/(?P<name>[^/]+))?/?$")
# Kept on moto's domain name object, so it goes when the domain name goes.
_POLICY = "uag_policy"


def _v1_domain(request: Request, name: str) -> Any:
    return backends.get_backend("apigateway")[request.account][request.region].domain_names.get(name)


def _with_policy(request: Request, domain: dict[str, Any]) -> None:
    stored = getattr(_v1_domain(request, domain.get("domainName", "")), _POLICY, None)
    if stored is not None:
        domain["policy"] = stored


@shim("apigateway", "*", _V1.format("GetDomainName"), after=True, when=lambda request: bool(_DOMAIN_NAMES.match(request.path)))
def domain_name_policy(request: Request, status: int, headers: dict[str, str], body: bytes) -> Response:
    """CreateDomainName, GetDomainName, GetDomainNames carry the ``policy`` of a private custom domain name (the
    execute-api policy sent with CreateDomainName); moto neither stores nor returns it."""
    if status >= 300 or not body:
        return status, headers, body
    answer = json.loads(body)
    if request.method == "POST":
        sent = request.json().get("policy")
        domain = _v1_domain(request, answer.get("domainName", ""))
        if sent is not None and domain is not None:
            setattr(domain, _POLICY, sent)
    for domain in answer.get("item", []) if "item" in answer else [answer]:
        _with_policy(request, domain)
    return status, headers, json.dumps(answer).encode()


@shim("apigateway", "*", _V1.format("UpdateDomainName"), when=lambda request: request.method == "PATCH" and bool(_DOMAIN_NAMES.match(request.path)))
def update_domain_name_policy(request: Request) -> Response | None:
    """UpdateDomainName replacing ``/policy`` (moto has no UpdateDomainName); other patch paths are left to moto."""
    operations = request.json().get("patchOperations", [])
    if not operations or any(operation.get("path") != "/policy" for operation in operations):
        return None
    domain = _v1_domain(request, _DOMAIN_NAMES.match(request.path)["name"])
    if domain is None:
        return error_response(404, "NotFoundException", "Invalid domain name identifier specified")
    for operation in operations:
        setattr(domain, _POLICY, operation.get("value") if operation.get("op") == "replace" else None)
    answer = domain.to_json()
    _with_policy(request, answer)
    return json_response(answer, content_type="application/json")
