"""AWS Lambda: ``LoggingConfig``, which moto 5.2 neither stores nor returns.

AWS returns it on every function (default: text format, log group ``/aws/lambda/<name>``); without it the provider
plans to add ``logging_config`` to every function forever.
"""
import json
import re
from typing import Any

from .layer import Request, Response, shim

_FUNCTION = re.compile(r"^/2015-03-31/functions(?:/(?P<name>[^/]+)(?P<configuration>/configuration)?)?/?$")
# (account, region, function name) -> LoggingConfig as last sent
LOGGING: dict[tuple[str, str, str], dict[str, Any]] = {}


def _complete(request: Request, configuration: dict[str, Any]) -> None:
    name = configuration.get("FunctionName")
    if not name:
        return
    stored = LOGGING.get((request.account, request.region, name), {})
    configuration["LoggingConfig"] = {"LogFormat": "Text", "LogGroup": f"/aws/lambda/{name}", **stored}


@shim(
    "lambda",
    "*",
    "https://docs.aws.amazon.com/lambda/latest/api/API_GetFunctionConfiguration.html",
    after=True,
    when=lambda request: bool(_FUNCTION.match(request.path)),
)
def logging_config(request: Request, status: int, headers: dict[str, str], body: bytes) -> Response:
    """CreateFunction, GetFunction, GetFunctionConfiguration, UpdateFunctionConfiguration carry LoggingConfig."""
    if status >= 300 or not body:
        return status, headers, body
    answer = json.loads(body)
    if request.method in ("POST", "PUT") and request.body:
        sent = request.json().get("LoggingConfig")
        name = answer.get("FunctionName") or (answer.get("Configuration") or {}).get("FunctionName")
        if sent is not None and name:
            LOGGING[(request.account, request.region, name)] = sent
    if "Configuration" in answer:
        _complete(request, answer["Configuration"])
    elif "FunctionName" in answer:
        _complete(request, answer)
    else:
        for function in answer.get("Functions", []):
            _complete(request, function)
    return status, headers, json.dumps(answer).encode()
