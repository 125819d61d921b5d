"""A pyarrow Flight client streams gold.fact_filings, now and at an earlier snapshot."""

from __future__ import annotations

import datetime as dt
import json
import threading

import pyarrow as pa
import pyarrow.flight as flight
import pytest

from flight_server.server import GoldFlightServer, serve
from lakehouse.errors import ConfigError


def _fact(doc_ids: list[str]) -> pa.Table:
    n = len(doc_ids)
    return pa.table({"doc_id": doc_ids, "year": [2025] * n, "filing_type": ["P"] * n,
                     "document_in_bronze": [False] * n, "filing_date": [dt.date(2025, 1, 17)] * n})


@pytest.fixture
def server(lakehouse):
    lakehouse.init()
    srv = GoldFlightServer(lakehouse.store, "grpc://127.0.0.1:0")
    threading.Thread(target=srv.serve, daemon=True).start()
    yield srv, flight.connect(f"grpc://127.0.0.1:{srv.port}")
    srv.shutdown()


def test_stream_current_and_earlier_snapshot(lakehouse, server):
    srv, client = server
    first = lakehouse.store.replace("gold.fact_filings", _fact(["20026590", "20026658"]))
    lakehouse.store.replace("gold.fact_filings", _fact(["20026590", "20026658", "20027933"]))

    info = client.get_flight_info(flight.FlightDescriptor.for_path("gold", "fact_filings"))
    assert info.total_records == 3
    reader = client.do_get(info.endpoints[0].ticket)
    table = reader.read_all()
    assert sorted(table.column("doc_id").to_pylist()) == ["20026590", "20026658", "20027933"]
    assert table.schema.field("doc_id").type == pa.large_string()

    past = flight.FlightDescriptor.for_command(json.dumps({"table": "gold.fact_filings", "snapshot_id": first}))
    old = client.do_get(client.get_flight_info(past).endpoints[0].ticket).read_all()
    assert sorted(old.column("doc_id").to_pylist()) == ["20026590", "20026658"]

    listed = [f.descriptor.path for f in client.list_flights()]
    assert listed == [[b"gold", b"fact_filings"]]


def test_only_gold_is_served_and_errors_are_clear(server):
    _, client = server
    with pytest.raises(flight.FlightServerError, match="'bronze.house_documents' is not served"):
        client.get_flight_info(flight.FlightDescriptor.for_path("bronze", "house_documents"))
    with pytest.raises(flight.FlightServerError, match="has no snapshot 42"):
        client.get_flight_info(flight.FlightDescriptor.for_command(
            json.dumps({"table": "gold.fact_filings", "snapshot_id": 42})))
    with pytest.raises(flight.FlightServerError, match="Bad request"):
        client.do_get(flight.Ticket(b"not json"))


def test_non_loopback_bind_is_refused(lakehouse):
    with pytest.raises(ConfigError, match="binds only loopback"):
        serve(lakehouse.store, lakehouse.settings.replace(flight_host="0.0.0.0"))
