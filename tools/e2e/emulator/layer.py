"""WSGI layer in front of moto: routes a request to a shim when one is registered for it, else to moto.

A shim is registered with ``@shim(service, operation, reference)``: ``reference`` is the AWS API reference page of
the operation it answers (the contract the shim follows; it returns what that page documents, nothing more).
``before`` shims answer the request themselves (return None to let moto answer); ``after`` shims receive moto's
answer and may complete it (attributes moto drops). Requests under ``/_e2e/`` are the harness's own endpoints.
"""
import io
import json
import re
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from moto.iam.models import get_account_id_from

Response = tuple[int, dict[str, str], bytes]

_CREDENTIAL_SCOPE = re.compile(r"Credential=([^/]+)/\d{8}/([^/]+)/([^/]+)/aws4_request")


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes
    service: str = ""
    region: str = ""
    access_key: str = ""
    account: str = ""
    operation: str = ""
    # Shared by the before and after shims of one request.
    context: dict[str, Any] = field(default_factory=dict)

    environ: dict[str, Any] = field(default_factory=dict)

    def replace_body(self, body: bytes) -> None:
        """Lets a before-shim rewrite the request moto will see (e.g. add what AWS implies)."""
        self.body = body
        self.environ["wsgi.input"] = io.BytesIO(body)
        self.environ["CONTENT_LENGTH"] = str(len(body))

    def json(self) -> Any:
        return json.loads(self.body or b"{}")

    def form(self) -> dict[str, str]:
        return {key: values[0] for key, values in urllib.parse.parse_qs(self.body.decode()).items()}


@dataclass
class Shim:
    service: str
    operation: str
    reference: str
    handler: Callable[..., Any]
    after: bool
    matches: Callable[[Request], bool] = field(default=lambda request: True)


SHIMS: list[Shim] = []


def shim(service: str, operation: str, reference: str, after: bool = False, when: Callable[[Request], bool] | None = None):
    """Registers a shim for ``operation`` of ``service`` (the signing name, e.g. ``fms``, ``apigateway``)."""

    def register(handler: Callable[..., Any]) -> Callable[..., Any]:
        SHIMS.append(Shim(service, operation, reference, handler, after, when or (lambda request: True)))
        return handler

    return register


def json_response(body: Any, status: int = 200, content_type: str = "application/x-amz-json-1.1") -> Response:
    return status, {"Content-Type": content_type}, json.dumps(body).encode()


def error_response(status: int, error_type: str, message: str) -> Response:
    """An error in the shape every AWS JSON protocol reads (type in the header and in the body)."""
    body = {"__type": error_type, "message": message, "Message": message}
    return status, {"Content-Type": "application/json", "x-amzn-ErrorType": error_type}, json.dumps(body).encode()


def _operation(request: Request) -> str:
    target = request.headers.get("x-amz-target", "")
    if target:
        return target.split(".")[-1]
    if "Action" in request.query:
        return request.query["Action"][0]
    if request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        action = request.form().get("Action")
        if action:
            return action
    # REST protocols: "<METHOD> <path>", matched by the shim's `when` predicate.
    return f"{request.method} {request.path}"


def parse(environ: dict[str, Any]) -> Request:
    length = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(length) if length else b""
    environ["wsgi.input"] = io.BytesIO(body)
    headers = {key[5:].replace("_", "-").lower(): value for key, value in environ.items() if key.startswith("HTTP_")}
    if "CONTENT_TYPE" in environ:
        headers["content-type"] = environ["CONTENT_TYPE"]
    request = Request(
        method=environ["REQUEST_METHOD"],
        path=urllib.parse.unquote(environ.get("PATH_INFO", "")),
        query=urllib.parse.parse_qs(environ.get("QUERY_STRING", "")),
        headers=headers,
        body=body,
        environ=environ,
    )
    scope = _CREDENTIAL_SCOPE.search(headers.get("authorization", ""))
    if scope:
        request.access_key, request.region, request.service = scope.groups()
        request.account = get_account_id_from(request.access_key)
    request.operation = _operation(request)
    return request


def find(request: Request, after: bool) -> list[Shim]:
    return [
        entry
        for entry in SHIMS
        if entry.after == after and entry.service == request.service and entry.operation in (request.operation, "*") and entry.matches(request)
    ]
