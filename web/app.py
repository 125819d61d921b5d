"""The ASGI application: API, pages, assets and token auth in one Starlette app; ``serve()`` runs it.

Every asset is served by the app itself (the charting library's JavaScript comes from the
``plotly`` wheel), so the app works with no network beyond its own address.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hmac
import importlib.util
import json
import logging
import socket
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from catalog.store import Store
from core.errors import ConfigError, LakehouseError, NoSuchSnapshotError, NoSuchTableError, NotFoundError
from core.hosts import is_loopback
from core.settings import Settings
from web import api, pages
from web.data import NotBuiltError, WebData
from web.formats import NotAcceptableError

logger = logging.getLogger(__name__)

HERE = Path(__file__).parent
PUBLIC_PREFIXES = ("/static/", "/docs", "/v1/openapi.json", "/healthz")
"""Paths served without the token: assets and the API's description hold no data."""
PLOTLY_JS = "package_data/plotly.min.js"


def status_of(exc: BaseException) -> int:
    """The HTTP status of an error the lakehouse raised on purpose."""
    from flight_server.errors import QueryLimitError, QueryTimeoutError

    if isinstance(exc, api.ApiError):
        return exc.status
    if isinstance(exc, NotAcceptableError):
        return 406
    if isinstance(exc, NotBuiltError):
        return 503
    if isinstance(exc, NotFoundError | NoSuchSnapshotError | NoSuchTableError):
        return 404
    if isinstance(exc, QueryTimeoutError):
        return 504
    if isinstance(exc, QueryLimitError):
        return 503
    if isinstance(exc, ValueError):  # QueryError, and the refusals of the sandbox
        return 400
    return 500


def api_error(exc: BaseException, endpoint: api.Endpoint | None = None) -> JSONResponse:
    """The JSON error answer for ``exc``, with its HTTP status."""
    status = status_of(exc)
    if status >= 500 and not isinstance(exc, NotBuiltError):  # an unbuilt home is a state, not a fault
        logger.error("API request failed: %s", exc, exc_info=not isinstance(exc, LakehouseError))
    body: dict[str, Any] = {"error": {"status": status, "message": str(exc)}}
    if endpoint is not None and status == 400:
        from flight_server.named import named_query

        body["error"]["expected"] = {
            "path": endpoint.path,
            "parameters": [
                p.describe() for p in named_query(endpoint.query).all_params if p.name not in endpoint.path_params
            ],
            "common": list(api.RESERVED),
            "docs": "/docs",
        }
    return JSONResponse(body, status_code=status, headers={"Cache-Control": "no-store"})


class TokenAuth:
    """The Flight server's token, over HTTP: ``Authorization: Bearer <token>``, or basic auth with
    the token as password (any user name; browsers ask for it themselves)."""

    def __init__(self, app: Any, token: str | None) -> None:
        self.app = app
        self.token = token.encode() if token else None

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http" or self.token is None or scope["path"].startswith(PUBLIC_PREFIXES):
            await self.app(scope, receive, send)
            return
        header = dict(scope.get("headers") or []).get(b"authorization", b"")
        if self._valid(header):
            await self.app(scope, receive, send)
            return
        message = (
            "A token is required: send Authorization: Bearer <token>, or basic auth with any user "
            "name and the token as password."
            if not header
            else "The token is not valid."
        )
        if scope["path"].startswith("/v1"):
            response: Response = JSONResponse({"error": {"status": 401, "message": message}}, status_code=401)
        else:
            response = HTMLResponse(
                f"<!doctype html><title>Token required</title><p>{message}</p>", status_code=401
            )
        response.headers["WWW-Authenticate"] = 'Basic realm="congress-lakehouse", charset="UTF-8"'
        await response(scope, receive, send)

    def _valid(self, header: bytes) -> bool:
        scheme, _, value = header.partition(b" ")
        value = value.strip()
        if scheme.lower() == b"bearer":
            return hmac.compare_digest(value, self.token)
        if scheme.lower() == b"basic":
            try:
                decoded = base64.b64decode(value + b"=" * (-len(value) % 4), validate=True)
            except (binascii.Error, ValueError):
                return False
            return hmac.compare_digest(decoded.partition(b":")[2], self.token)
        return False


def _plotly_js() -> Path:
    """plotly.js as shipped inside the ``plotly`` wheel, found without importing the package."""
    spec = importlib.util.find_spec("plotly")
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError(
            "The plotly package is missing: run `make setup` (it ships the charts' JavaScript)."
        )
    return Path(next(iter(spec.submodule_search_locations))) / PLOTLY_JS


def create_app(store: Store, settings: Settings, *, token: str | None = None) -> Any:
    """The whole web process: ``/v1`` API, pages, assets; ``token`` (default: Flight's) guards the data."""
    from core import __version__

    token = token if token is not None else settings.flight_token
    data = WebData(store, settings)
    views = pages.Pages(data, HERE / "templates", private=bool(token), version=__version__)

    def endpoint_route(endpoint: api.Endpoint) -> Route:
        def handler(request: Request) -> Response:
            try:
                return api.answer(data, endpoint, request, private=bool(token))
            except LakehouseError as exc:
                return api_error(exc, endpoint)

        return Route(endpoint.path, handler, methods=["GET", "HEAD"], name=endpoint.query + endpoint.path)

    def index(request: Request) -> Response:
        return JSONResponse(
            {
                "endpoints": {e.path: e.summary for e in api.ENDPOINTS},
                "openapi": "/v1/openapi.json",
                "docs": "/docs",
                "versions": "/v1/versions",
            }
        )

    def openapi_json(request: Request) -> Response:
        return JSONResponse(api.openapi(__version__), headers={"Cache-Control": "public, max-age=3600"})

    def versions(request: Request) -> Response:
        try:
            return Response(
                json.dumps(api.versions_body(data)),
                media_type="application/json",
                headers={"Cache-Control": "no-cache"},
            )
        except LakehouseError as exc:
            return api_error(exc)

    def plotly(request: Request) -> Response:
        return FileResponse(
            _plotly_js(),
            media_type="text/javascript",
            headers={"Cache-Control": "public, max-age=31536000, immutable"},
        )

    def health(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def not_found(request: Request, exc: HTTPException) -> Response:
        if request.url.path.startswith("/v1"):
            message = (
                (
                    f"No endpoint {request.url.path}. Endpoints: "
                    f"{', '.join(e.path for e in api.ENDPOINTS)}; see /docs."
                )
                if exc.status_code == 404
                else (f"{request.method} is not allowed here: the API is read-only (GET).")
            )
            return JSONResponse(
                {"error": {"status": exc.status_code, "message": message}}, status_code=exc.status_code
            )
        return views.error_page(
            request,
            exc.status_code,
            "No such page." if exc.status_code == 404 else f"{request.method} is not allowed here.",
        )

    routes = [
        Route("/v1", index),
        Route("/v1/openapi.json", openapi_json),
        Route("/v1/versions", versions),
        *[endpoint_route(e) for e in api.ENDPOINTS],
        Route("/static/vendor/plotly.min.js", plotly),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
        Route("/healthz", health),
        *views.routes(),
    ]

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        data.close()

    app = Starlette(routes=routes, exception_handlers={404: not_found, 405: not_found}, lifespan=lifespan)
    app.state.data = data
    return TokenAuth(app, token)


def _tcp_socket(family: int) -> socket.socket:
    """A listening socket whose connections get TCP_NODELAY: asyncio sets it only when the protocol is
    IPPROTO_TCP, and without it every keep-alive response waited ~40 ms for a delayed ACK (measured)."""
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    return sock


def serve(
    store: Store,
    settings: Settings,
    *,
    host: str = "127.0.0.1",
    port: int = 8080,
    token: str | None = None,
    ready: Callable[[str], None] | None = None,
) -> None:
    """Run the web process in the foreground until interrupted.

    Raises:
        ConfigError: a non-loopback address without a token (as for Flight: anyone on the network
            could read the lakehouse).
    """
    import uvicorn

    token = token if token is not None else settings.flight_token
    if not is_loopback(host) and not token:
        raise ConfigError(
            f"Refusing to serve on {host} without authentication: set --token or LAKEHOUSE_FLIGHT_TOKEN "
            "(clients send it as a bearer token, or as the password of basic auth). Loopback addresses "
            "(127.0.0.1, ::1, localhost) may run without a token."
        )
    family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
    sock = _tcp_socket(family)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as exc:
        sock.close()
        raise ConfigError(f"Cannot listen on {host}:{port}: {exc.strerror}. Pick another --port.") from None
    config = uvicorn.Config(
        create_app(store, settings, token=token), log_level="warning", lifespan="on", server_header=False
    )
    server = uvicorn.Server(config)
    sock.listen(2048)  # connections made as soon as ``ready`` reports wait in the backlog, not refused
    bound = sock.getsockname()[1]
    if ready:
        ready(f"http://{host if family == socket.AF_INET else '[' + host.strip('[]') + ']'}:{bound}")
    server.run(sockets=[sock])


@contextlib.contextmanager
def running(store: Store, settings: Settings, *, token: str | None = None, host: str = "127.0.0.1"):
    """The web process on a free port of ``host`` in a background thread; yields its base URL.

    For tests and benchmarks: real HTTP, real sockets, the same app ``lakehouse web`` serves.
    """
    import threading
    import time

    import uvicorn

    sock = _tcp_socket(socket.AF_INET)
    sock.bind((host, 0))
    config = uvicorn.Config(
        create_app(store, settings, token=token), log_level="warning", lifespan="on", server_header=False
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="web-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise ConfigError("The web server did not start (see the log above).")
        time.sleep(0.02)
    try:
        yield f"http://{host}:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
