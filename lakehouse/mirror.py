"""Serve a directory laid out like the Clerk's site over HTTP on 127.0.0.1 (demo, tests, benchmarks)."""

from __future__ import annotations

import contextlib
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static file handler that does not log every request to stderr."""

    def log_message(self, format: str, *args) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        """A client that hung up (a timeout on its side) is not worth a traceback on stderr."""
        import sys

        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextlib.contextmanager
def serve_directory(root: Path, handler: type[http.server.SimpleHTTPRequestHandler] = QuietHandler,
                    host: str = "127.0.0.1") -> Iterator[str]:
    """Serve ``root`` on ``host`` at a free port for the duration of the block; yields the base URL."""

    def factory(*args, **kwargs):
        return handler(*args, directory=str(root), **kwargs)

    server = _Server((host, 0), factory)
    thread = threading.Thread(target=server.serve_forever, name="mirror-http", daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
