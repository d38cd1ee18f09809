"""The shim layer: the emulator's WSGI application (moto behind the registered shims).

Shims live in the ``shims_*.py`` modules, one per AWS service; each cites the AWS API reference of the operation
it answers. Importing this module registers them all.
"""
import json
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from . import inventory
from .layer import find, parse


class ShimLayer:
    def __init__(self, moto_app: Any) -> None:
        self.moto_app = moto_app
        self._baseline: set[tuple[str, ...]] = set()
        # UAG_E2E_STOCK_MOTO=1 serves moto alone: shows what each shim answers (each shim test then fails).
        stock = os.environ.get("UAG_E2E_STOCK_MOTO") == "1"
        self._retries = None if stock else RetriedRequests()
        if not stock:
            from . import shims_all  # noqa: F401  (registers every shim)

    def mark_baseline(self) -> None:
        """Remembers what exists now (moto's defaults and the seed): the inventory reports what is added after."""
        self._baseline = inventory.snapshot()

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        if environ.get("PATH_INFO") == "/_e2e/inventory":
            leftovers = sorted("/".join(item) for item in inventory.snapshot() - self._baseline)
            return self._send(start_response, 200, {"Content-Type": "application/json"}, json.dumps(leftovers).encode())
        request = parse(environ)
        if request.method in ("GET", "HEAD"):
            return self._read(request, environ, start_response)
        run = lambda: self._answer(request, environ)  # noqa: E731
        status, headers, body = self._retries.answer(request, run) if self._retries else run()
        _log_error(request, status, body)
        return self._send(start_response, status, headers, body)

    def _read(self, request: Any, environ: dict[str, Any], start_response: Any) -> Any:
        """A read: answered by a shim, or streamed from moto as it answers (a HEAD keeps moto's Content-Length)."""
        if find(request, after=False) or find(request, after=True):
            status, headers, body = self._answer(request, environ)
            _log_error(request, status, body)
            return self._send(start_response, status, headers, body)

        def logging_start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            _log_error(request, int(status.split(" ")[0]), b"")
            return start_response(status, headers, exc_info)

        return self.moto_app(environ, logging_start_response)

    def _answer(self, request: Any, environ: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
        """The before shims, else moto completed by the after shims."""
        for entry in find(request, after=False):
            answer = entry.handler(request)
            if answer is not None:
                return answer
        captured: dict[str, Any] = {}

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            captured["status"], captured["headers"] = status, headers
            return lambda data: None

        body = b"".join(self.moto_app(environ, capture))
        status = int(captured["status"].split(" ")[0])
        headers = {key: value for key, value in captured["headers"] if key.lower() != "content-length"}
        for entry in find(request, after=True):
            status, headers, body = entry.handler(request, status, headers, body)
        return status, headers, body

    @staticmethod
    def _send(start_response: Any, status: int, headers: dict[str, str], body: bytes) -> list[bytes]:
        from http import HTTPStatus

        start_response(f"{status} {HTTPStatus(status).phrase}", [*headers.items(), ("Content-Length", str(len(body)))])
        return [body]


class RetriedRequests:
    """A write the SDK retries (same ``amz-sdk-invocation-id``, ``amz-sdk-request: attempt=2``) after its answer was
    lost on the way back gets the answer already given, instead of running again: run again, a create answers
    "already exists" (CreateStage: 409 ConflictException) and a revoke "not found" (RevokeSecurityGroupEgress:
    InvalidPermission.NotFound), and the apply fails although the first attempt succeeded. An answer of 500 or more
    is not kept: its retry runs again, as it should. A retry arriving while the first attempt still runs waits for it.
    """

    def __init__(self, capacity: int = 4096) -> None:
        self._capacity = capacity
        self._lock = threading.Lock()
        # invocation id -> (done, [answer]) in arrival order, the oldest dropped beyond capacity
        self._answers: OrderedDict[str, tuple[threading.Event, list[Any]]] = OrderedDict()

    def answer(self, request: Any, run: Callable[[], tuple[int, dict[str, str], bytes]]) -> tuple[int, dict[str, str], bytes]:
        invocation = request.headers.get("amz-sdk-invocation-id")
        if not invocation:
            return run()
        with self._lock:
            known = self._answers.get(invocation)
            if known is None:
                known = (threading.Event(), [])
                self._answers[invocation] = known
                while len(self._answers) > self._capacity:
                    self._answers.popitem(last=False)
                first = True
            else:
                first = False
        done, answer = known
        if first:
            try:
                answer.append(run())
            finally:
                done.set()
            if answer[0][0] >= 500:
                with self._lock:
                    self._answers.pop(invocation, None)
            return answer[0]
        done.wait()
        if answer and answer[0][0] < 500:
            log_line(f"replayed {request.operation} [{invocation[:8]} {request.headers.get('amz-sdk-request', '')}]: the answer to its first attempt")
            return answer[0]
        return run()


# Where error answers are logged: stderr when the emulator runs as a process (__main__), nowhere in the shim tests.
ERROR_LOG: Any = None
_LOG_LOCK = threading.Lock()


def log_line(text: str) -> None:
    """One whole line in the error log (requests run on threads: a line is never interleaved with another)."""
    if ERROR_LOG is None:
        return
    with _LOG_LOCK:
        ERROR_LOG.write(f"{time.strftime('%H:%M:%S')} {text}\n")
        ERROR_LOG.flush()


def _log_error(request: Any, status: int, body: bytes) -> None:
    """One line per error answer (the runner keeps the emulator's stderr in its work directory, emulator.log): an
    apply error can then be traced to the request that caused it, e.g. a create retried after a 5xx answering 409."""
    if ERROR_LOG is None or (status < 400 and not (os.environ.get("UAG_E2E_TRACE") and request.method != "GET")):
        return
    detail = body[:300].decode(errors="replace").replace("\n", " ")
    rest = request.operation.startswith(f"{request.method} ")
    what = request.operation if rest else f"{request.operation} {request.method} {request.path}"
    # The SDK's invocation id and attempt number (amz-sdk-invocation-id, amz-sdk-request) tell a retry apart.
    attempt = request.headers.get("amz-sdk-request", "").split(";")[0]
    invocation = request.headers.get("amz-sdk-invocation-id", "-")[:8]
    log_line(f"{status} {request.account or '-'} {request.service or '-'} {what} [{invocation} {attempt}] {detail}")
