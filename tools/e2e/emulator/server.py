"""The emulator: moto's WSGI application wrapped by the shim layer, served on 127.0.0.1 only.

Loopback is not configurable on purpose: the emulator accepts any credentials, so it must never be reachable from
another machine.
"""
import threading
from typing import Any

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import WSGIRequestHandler, make_server

from . import shims
from .shims import ShimLayer

LOOPBACK = "127.0.0.1"


class _QuietHandler(WSGIRequestHandler):
    """No line per request on stderr (thousands per run); errors still reach stderr."""

    def log_request(self, *args: object, **kwargs: object) -> None:
        pass

    def connection_dropped(self, error: BaseException, environ: Any = None) -> None:
        """A client that went away mid-request: logged, because its SDK then retries a request already answered."""
        where = f"{environ.get('REQUEST_METHOD')} {environ.get('PATH_INFO')}" if environ else "-"
        shims.log_line(f"connection dropped {where}: {error!r}")


class Emulator:
    """moto + shims on a free loopback port (port 0: the kernel picks one, so parallel runs never collide)."""

    def __init__(self) -> None:
        self.app = ShimLayer(DomainDispatcherApplication(create_backend_app))
        self._server = make_server(LOOPBACK, 0, self.app, threaded=True, request_handler=_QuietHandler)
        # serve_forever checks for shutdown every poll_interval (0.5 s by default): stopping would wait that long.
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    def start(self) -> "Emulator":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
