"""The shim layer: the emulator's WSGI application (moto behind the registered shims).

Shims live in the ``shims_*.py`` modules, one per AWS service; each cites the AWS API reference of the operation
it answers. Importing this module registers them all.
"""
import json
import os
from typing import Any

from . import inventory
from .layer import find, parse


class ShimLayer:
    def __init__(self, moto_app: Any) -> None:
        self.moto_app = moto_app
        self._baseline: set[tuple[str, ...]] = set()
        # UAG_E2E_STOCK_MOTO=1 serves moto alone: shows what each shim answers (each shim test then fails).
        if os.environ.get("UAG_E2E_STOCK_MOTO") != "1":
            from . import shims_all  # noqa: F401  (registers every shim)

    def mark_baseline(self) -> None:
        """Remembers what exists now (moto's defaults and the seed): the inventory reports what is added after."""
        self._baseline = inventory.snapshot()

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        if environ.get("PATH_INFO") == "/_e2e/inventory":
            leftovers = sorted("/".join(item) for item in inventory.snapshot() - self._baseline)
            return self._send(start_response, 200, {"Content-Type": "application/json"}, json.dumps(leftovers).encode())
        request = parse(environ)
        for entry in find(request, after=False):
            answer = entry.handler(request)
            if answer is not None:
                return self._send(start_response, *answer)
        after = find(request, after=True)
        if not after:
            return self.moto_app(environ, start_response)
        captured: dict[str, Any] = {}

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            captured["status"], captured["headers"] = status, headers
            return lambda data: None

        body = b"".join(self.moto_app(environ, capture))
        status = int(captured["status"].split(" ")[0])
        headers = {key: value for key, value in captured["headers"] if key.lower() != "content-length"}
        for entry in after:
            status, headers, body = entry.handler(request, status, headers, body)
        return self._send(start_response, status, headers, body)

    @staticmethod
    def _send(start_response: Any, status: int, headers: dict[str, str], body: bytes) -> list[bytes]:
        from http import HTTPStatus

        start_response(f"{status} {HTTPStatus(status).phrase}", [*headers.items(), ("Content-Length", str(len(body)))])
        return [body]
