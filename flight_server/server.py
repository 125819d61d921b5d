"""A read-only Arrow Flight server streaming Gold tables, at the current or a past snapshot.

Clients name a table with a path descriptor (``["gold", "fact_filings"]``) or with a JSON command
(``{"table": "gold.fact_filings", "snapshot_id": 123}``; also ``"as_of"`` ISO time or ``"tag"``).
``get_flight_info`` pins the resolved snapshot into the ticket, so the DoGet that follows reads
exactly the version that was described, even if a new snapshot lands in between.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import ipaddress
import json
import logging
from collections.abc import Callable

import pyarrow as pa
import pyarrow.flight as flight

from catalog.store import AsOf, Store
from lakehouse.errors import ConfigError, LakehouseError
from lakehouse.settings import Settings

logger = logging.getLogger(__name__)

SERVED_NAMESPACES = ("gold",)


@dataclasses.dataclass(frozen=True)
class TableRequest:
    """A parsed descriptor or ticket: which table, at which version."""

    table: str
    as_of: AsOf = AsOf()

    @classmethod
    def from_descriptor(cls, descriptor: flight.FlightDescriptor) -> TableRequest:
        if descriptor.descriptor_type == flight.DescriptorType.PATH:
            parts = [p.decode() if isinstance(p, bytes) else p for p in descriptor.path]
            return cls(".".join(parts))
        return cls.from_json(descriptor.command)

    @classmethod
    def from_json(cls, raw: bytes) -> TableRequest:
        try:
            body = json.loads(raw)
            if not isinstance(body, dict) or not isinstance(body.get("table"), str):
                raise ValueError("expected an object with a 'table' string")
            when = body.get("as_of")
            return cls(
                body["table"],
                AsOf(
                    snapshot_id=int(body["snapshot_id"]) if body.get("snapshot_id") is not None else None,
                    timestamp=dt.datetime.fromisoformat(when) if when else None,
                    tag=body.get("tag"),
                ),
            )
        except (ValueError, TypeError) as exc:
            raise flight.FlightServerError(
                f"Bad request {raw[:200]!r}: {exc}. Send JSON like "
                '{"table": "gold.fact_filings", "snapshot_id": 123} (or "as_of": ISO time, or "tag").'
            ) from None


class GoldFlightServer(flight.FlightServerBase):
    """Streams Gold tables; everything else in the catalog stays private."""

    def __init__(self, store: Store, location: str = "grpc://127.0.0.1:0", **kwargs) -> None:
        super().__init__(location, **kwargs)
        self._store = store

    def _check(self, request: TableRequest) -> None:
        if request.table.split(".", 1)[0] not in SERVED_NAMESPACES or "." not in request.table:
            raise flight.FlightServerError(
                f"{request.table!r} is not served; this server serves gold tables: {', '.join(self._gold_tables())}"
            )

    def _gold_tables(self) -> list[str]:
        return [t for t in self._store.list_tables() if t.split(".", 1)[0] in SERVED_NAMESPACES]

    def _info(self, request: TableRequest, descriptor: flight.FlightDescriptor) -> flight.FlightInfo:
        self._check(request)
        try:
            snapshot_id = self._store.resolve(request.table, request.as_of)
            schema = self._store.schema_at(request.table, snapshot_id)
            rows = self._store.row_count_at(request.table, snapshot_id)
        except LakehouseError as exc:
            raise flight.FlightServerError(str(exc)) from None
        ticket = json.dumps({"table": request.table, "snapshot_id": snapshot_id}).encode()
        return flight.FlightInfo(schema, descriptor, [flight.FlightEndpoint(ticket, [])], rows, -1)

    def list_flights(self, context, criteria):
        for table in self._gold_tables():
            yield self._info(TableRequest(table), flight.FlightDescriptor.for_path(*table.split(".")))

    def get_flight_info(self, context, descriptor):
        return self._info(TableRequest.from_descriptor(descriptor), descriptor)

    def get_schema(self, context, descriptor):
        return flight.SchemaResult(self.get_flight_info(context, descriptor).schema)

    def do_get(self, context, ticket):
        request = TableRequest.from_json(ticket.ticket)
        self._check(request)
        try:
            snapshot_id = self._store.resolve(request.table, request.as_of)
            reader = self._store.read_batches(request.table, snapshot_id=snapshot_id)
        except LakehouseError as exc:
            raise flight.FlightServerError(str(exc)) from None
        return flight.RecordBatchStream(_rechunk(reader))


def _rechunk(reader: pa.RecordBatchReader, rows: int = 65_536) -> pa.RecordBatchReader:
    """Batches of about ``rows`` rows: one huge batch streams several times slower (tech notes §7)."""

    def batches():
        for batch in reader:
            for offset in range(0, batch.num_rows, rows):
                yield batch.slice(offset, rows)

    return pa.RecordBatchReader.from_batches(reader.schema, batches())


def serve(store: Store, settings: Settings, ready: Callable[[str], None] | None = None) -> None:
    """Run the server in the foreground until interrupted.

    Raises:
        ConfigError: a non-loopback address was asked for; this server has no authentication
            yet, so it only binds loopback.
    """
    host = settings.flight_host
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise ConfigError(
            f"Refusing to serve on {host}: this Flight server has no authentication yet, so it binds only "
            "loopback addresses (127.0.0.1, ::1, localhost). Use --host 127.0.0.1 and an SSH tunnel meanwhile."
        )
    server = GoldFlightServer(store, f"grpc://{host}:{settings.flight_port}")
    if ready:
        ready(f"grpc://{host}:{server.port}")
    server.serve()
