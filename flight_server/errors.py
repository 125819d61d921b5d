"""Errors of the Flight server, under the one ``LakehouseError`` root.

The server turns each of these into a Flight status in exactly one place
(:func:`flight_server.server.flight_errors`), so every message below is what the analyst sees.
"""

from __future__ import annotations

from core.errors import LakehouseError, QueryError


class QueryRefusedError(QueryError):
    """The sandbox refused a query: it is not one read-only SELECT over the served tables."""


class QueryLimitError(LakehouseError):
    """A query went past a row, memory or concurrency limit of the server."""


class QueryTimeoutError(QueryLimitError, TimeoutError):
    """A query ran longer than the server's time limit and was interrupted."""


class QueryCancelledError(LakehouseError):
    """The client cancelled the query (or went away) and the server stopped it."""


class AuthenticationError(LakehouseError, PermissionError):
    """Missing or wrong credentials."""


class RemoteUnavailableError(LakehouseError, ConnectionError):
    """The Flight server could not be reached (wrong address, server down, TLS mismatch)."""
