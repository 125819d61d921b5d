"""A small Python client for the Gold Flight server (R users: see the README)."""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.flight as flight


def fetch_table(location: str, table: str, *, snapshot_id: int | None = None, as_of: str | None = None,
                tag: str | None = None) -> pa.Table:
    """Read a Gold table (optionally at a snapshot id, ISO time or tag) from a Flight server."""
    command = {"table": table, "snapshot_id": snapshot_id, "as_of": as_of, "tag": tag}
    descriptor = flight.FlightDescriptor.for_command(json.dumps({k: v for k, v in command.items() if v is not None}))
    with flight.connect(location) as client:
        info = client.get_flight_info(descriptor)
        return pa.Table.from_batches(
            [b for e in info.endpoints for b in client.do_get(e.ticket).read_all().to_batches()], info.schema
        )
