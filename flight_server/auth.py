"""Who is calling, and which version they asked for: bearer/basic auth, sessions, selector headers.

Authentication follows what ADBC and the Flight SQL JDBC driver do: the client sends
``authorization: Basic <user:password>`` on its first call, the server answers with
``authorization: Bearer <token>``, and the client sends that bearer from then on. Here the
password *is* the server's token (any user name; it is only logged), and the bearer we hand back
is a signed session token that expires after a day. Clients that already hold the token may send
``authorization: Bearer <token>`` directly. Go clients (ADBC) send basic credentials as unpadded
base64, so padding is restored before decoding.

Time travel for a whole query can come from request headers (``x-lakehouse-snapshot-id``,
``x-lakehouse-as-of``, ``x-lakehouse-tag``: ADBC ``adbc.flight.sql.rpc.call_header.<name>``, JDBC
URL parameters) or from Flight SQL session options of the same names without the prefix
(``snapshot_id``, ``as_of``, ``tag``). Sessions are keyed by the ``arrow_flight_session_id``
cookie, as Arrow's own servers do, so they need a client that keeps cookies (ADBC:
``adbc.flight.sql.rpc.with_cookie_middleware=true``).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import logging
import secrets
import threading
import time
from collections import OrderedDict
from typing import Any

import pyarrow.flight as flight

from core.asof import AsOf, parse_as_of

logger = logging.getLogger(__name__)

SESSION_COOKIE = "arrow_flight_session_id"
SELECTOR_HEADERS = {
    "snapshot_id": "x-lakehouse-snapshot-id",
    "as_of": "x-lakehouse-as-of",
    "tag": "x-lakehouse-tag",
}
"""Session option name -> request header carrying the same selector."""
SESSION_TTL_S = 24 * 3600
MAX_SESSIONS = 10_000


def as_of_from(
    snapshot_id: Any = None, as_of: Any = None, tag: Any = None, *, source: str = "request"
) -> AsOf:
    """A version selector from session options or headers (:func:`core.asof.parse_as_of`)."""
    return parse_as_of(snapshot_id, as_of, tag, source=source)


class _RateLimitedWarning:
    """One log line per ``interval`` seconds at most, saying how many events it stands for."""

    def __init__(self, message: str, interval: float = 60.0) -> None:
        self._message = message
        self._interval = interval
        self._lock = threading.Lock()
        self._last = -float("inf")
        self._pending = 0

    def note(self) -> None:
        with self._lock:
            self._pending += 1
            now = time.monotonic()
            if now - self._last < self._interval:
                return
            count, self._pending, self._last = self._pending, 0, now
        logger.warning(self._message, count)


_REJECTED = _RateLimitedWarning(
    "rejected %d basic login(s) with a wrong password (user names are not logged)"
)


class SessionStore:
    """Session options by session id, bounded and expiring (a server must not grow without end)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sessions: OrderedDict[str, tuple[float, dict[str, Any]]] = OrderedDict()

    def get(self, session_id: str | None) -> dict[str, Any]:
        if not session_id:
            return {}
        with self._lock:
            hit = self._sessions.get(session_id)
            if hit is None or hit[0] < time.monotonic():
                self._sessions.pop(session_id, None)
                return {}
            self._sessions.move_to_end(session_id)
            return dict(hit[1])

    def update(self, session_id: str, options: dict[str, Any]) -> None:
        with self._lock:
            current = self._sessions.pop(session_id, (0.0, {}))[1]
            current.update(options)
            current = {k: v for k, v in current.items() if v is not None}
            self._sessions[session_id] = (time.monotonic() + SESSION_TTL_S, current)
            while len(self._sessions) > MAX_SESSIONS:
                self._sessions.popitem(last=False)

    def close(self, session_id: str | None) -> bool:
        with self._lock:
            return self._sessions.pop(session_id or "", None) is not None


class Authenticator:
    """Checks credentials against one shared token; issues signed, expiring session bearers."""

    def __init__(self, token: str, session_ttl_s: int = SESSION_TTL_S) -> None:
        self._token = token.encode()
        # Derived from the token: sessions survive a restart with the same token and die with a new one.
        self._key = hashlib.sha256(b"congress-lakehouse flight session\0" + self._token).digest()
        self._ttl = session_ttl_s

    def check(self, authorization: str | None) -> tuple[str, str | None]:
        """The caller's user name, and the bearer to send back (after a basic login).

        Raises:
            flight.FlightUnauthenticatedError: no or wrong credentials.
        """
        if not authorization:
            raise flight.FlightUnauthenticatedError(
                "This Flight server needs a token: send 'authorization: Bearer <token>', or basic auth "
                "with any user name and the token as password (ADBC: username/password; JDBC: "
                "user/password)."
            )
        scheme, _, value = authorization.strip().partition(" ")
        value = value.strip()
        if scheme.lower() == "basic":
            try:
                user, sep, password = (
                    base64.b64decode(value + "=" * (-len(value) % 4), validate=True)
                    .decode("utf-8")
                    .partition(":")
                )
            except (binascii.Error, UnicodeDecodeError):
                raise flight.FlightUnauthenticatedError("Malformed basic credentials.") from None
            if not sep or not hmac.compare_digest(password.encode(), self._token):
                # Never the user name: clients put tokens there by mistake. Rate-limited, so
                # unauthenticated callers cannot flood the log.
                _REJECTED.note()
                raise flight.FlightUnauthenticatedError(
                    "Invalid user name or password: the password must be the server's token "
                    "(LAKEHOUSE_FLIGHT_TOKEN)."
                )
            return user or "anonymous", self._issue(user or "anonymous")
        if scheme.lower() == "bearer":
            if hmac.compare_digest(value.encode(), self._token):
                return "token", None
            user = self._verify(value)
            if user is not None:
                return user, None
            raise flight.FlightUnauthenticatedError(
                "Invalid or expired bearer token: log in again with the server's token."
            )
        raise flight.FlightUnauthenticatedError(
            f"Unsupported authorization scheme {scheme!r}: use Bearer or Basic."
        )

    def _issue(self, user: str) -> str:
        payload = (
            base64.urlsafe_b64encode(f"{user}\0{int(time.time()) + self._ttl}".encode()).decode().rstrip("=")
        )
        return f"lh1.{payload}.{self._sign(payload)}"

    def _verify(self, token: str) -> str | None:
        parts = token.split(".")
        if len(parts) != 3 or parts[0] != "lh1" or not hmac.compare_digest(parts[2], self._sign(parts[1])):
            return None
        try:
            user, _, expiry = (
                base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)).decode().partition("\0")
            )
            return user if int(expiry) > time.time() else None
        except (binascii.Error, UnicodeDecodeError, ValueError):
            return None

    def _sign(self, payload: str) -> str:
        return hmac.new(self._key, payload.encode(), hashlib.sha256).hexdigest()[:43]


class CallMiddleware(flight.ServerMiddleware):
    """Per-call state the handlers read: user, session id, selector headers."""

    def __init__(
        self,
        user: str,
        bearer: str | None,
        session_id: str | None,
        new_session: str | None,
        headers: dict[str, str],
    ) -> None:
        self.user = user
        self.bearer = bearer
        self.session_id = session_id or new_session
        self.new_session = new_session
        self.has_cookie = session_id is not None
        self.selector_headers = headers

    def sending_headers(self) -> dict[str, str]:
        out = {}
        if self.bearer:
            out["authorization"] = f"Bearer {self.bearer}"
        if self.new_session:
            out["set-cookie"] = f"{SESSION_COOKIE}={self.new_session}"
        return out


class CallMiddlewareFactory(flight.ServerMiddlewareFactory):
    """Authenticates every call (when a token is set) and offers a session cookie to new clients.

    A DoGet that needs nothing from its middleware (no bearer to send back, no selector headers,
    no session options) gets none: pyarrow then skips the two other Python callbacks of the call,
    which with the cookie offer cost ~30 % of an empty DoGet's throughput. The cookie is still
    offered on every other cookieless call (a Flight SQL client's GetFlightInfo, actions,
    handshake), which is where clients that keep cookies pick it up.
    """

    def __init__(self, authenticator: Authenticator | None, sessions: SessionStore | None = None) -> None:
        super().__init__()
        self._auth = authenticator
        self._sessions = sessions
        self._key = secrets.token_bytes(32)

    def _session_id(self, user: str) -> str:
        """A new session id, signed for ``user``: ids a client makes up, or another user's, are ignored."""
        nonce = secrets.token_urlsafe(18)
        return f"{nonce}.{self._sign(nonce, user)}"

    def _valid_session(self, session_id: str | None, user: str) -> str | None:
        if not session_id:
            return None
        nonce, _, signature = session_id.rpartition(".")
        if not nonce or not hmac.compare_digest(signature, self._sign(nonce, user)):
            return None
        return session_id

    def _sign(self, nonce: str, user: str) -> str:
        return hmac.new(self._key, f"{nonce}\0{user}".encode(), hashlib.sha256).hexdigest()[:32]

    def start_call(self, info: flight.CallInfo, headers: dict[str, list[Any]]) -> CallMiddleware | None:
        user, bearer = ("anonymous", None)
        if self._auth is not None:
            user, bearer = self._auth.check(_first(headers, "authorization"))
        session_id = self._valid_session(_cookie(_first(headers, "cookie"), SESSION_COOKIE), user)
        selectors = {
            name: value
            for name, header in SELECTOR_HEADERS.items()
            if (value := _first(headers, header)) not in (None, "")
        }
        if (
            info.method == flight.FlightMethod.DO_GET
            and bearer is None
            and not selectors
            and (session_id is None or (self._sessions is not None and not self._sessions.get(session_id)))
        ):
            return None
        new_session = None if session_id else self._session_id(user)
        return CallMiddleware(user, bearer, session_id, new_session, selectors)


class NoOpAuthHandler(flight.ServerAuthHandler):
    """Lets the Handshake RPC through; the middleware does the real checks on every call.

    Without an auth handler pyarrow answers Handshake with "no authentication mechanism enabled",
    and pyarrow's ``authenticate_basic_token`` needs Handshake.
    """

    def authenticate(self, outgoing: Any, incoming: Any) -> None:
        return None

    def is_valid(self, token: bytes) -> str:
        return ""


def _first(headers: dict[str, list[Any]], name: str) -> str | None:
    values = headers.get(name) or []
    if not values:
        return None
    value = values[0]
    return value.decode("latin-1") if isinstance(value, bytes) else str(value)


def _cookie(header: str | None, name: str) -> str | None:
    for part in (header or "").split(";"):
        key, _, value = part.strip().partition("=")
        if key == name and value:
            return value
    return None
