"""Query the lakehouse with ADBC (``adbc-driver-flightsql``), the way SQL tools and notebooks do.

Run it against a server started with ``lakehouse serve``::

    python -m lakehouse.adbc_example grpc://127.0.0.1:8815 [--token TOKEN] [--tag release-2025-06]
    python -m lakehouse.adbc_example grpc+tls://host:8815 --token TOKEN --tls-root-certs server.pem

It lists the tables, runs a query with bound parameters, and reads the same query at an earlier
version. ADBC runs every query as a Flight SQL prepared statement; parameters travel as Arrow
data (DoPut), never inside the SQL text.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import pyarrow as pa

TOP_TICKERS = """
    SELECT ticker, count(*) AS trades, count(DISTINCT bioguide_id) AS members
    FROM gold.fact_transactions
    WHERE transaction_type = ? AND transaction_date >= ?
    GROUP BY ticker ORDER BY trades DESC, ticker LIMIT 10
"""


def connect(
    uri: str,
    *,
    token: str | None = None,
    tag: str | None = None,
    tls_root_certs: bytes | None = None,
    **db_kwargs: str,
) -> Any:
    """An ADBC DB-API connection to the lakehouse.

    Args:
        uri: ``grpc://host:port`` or ``grpc+tls://host:port``.
        token: the server's token, sent as basic-auth password (ADBC then uses the bearer it gets back).
        tag: read every query at this tag (an ``x-lakehouse-tag`` header on each call).
        tls_root_certs: PEM of a self-signed server certificate to trust.
    """
    import adbc_driver_flightsql
    import adbc_driver_flightsql.dbapi

    options = dict(db_kwargs)
    if token:
        options.update({"username": "analyst", "password": token})
    if tag:
        options[f"{adbc_driver_flightsql.DatabaseOptions.RPC_CALL_HEADER_PREFIX.value}x-lakehouse-tag"] = tag
    if tls_root_certs:
        options[adbc_driver_flightsql.DatabaseOptions.TLS_ROOT_CERTS.value] = tls_root_certs.decode()
    # autocommit=True: the server is read-only and has no transactions to switch off.
    return adbc_driver_flightsql.dbapi.connect(uri, db_kwargs=options, autocommit=True)


def run(uri: str, *, token: str | None = None, tag: str | None = None,
        tls_root_certs: bytes | None = None) -> dict[str, pa.Table]:
    """The example's three answers: tables, top purchased tickers now, and at ``tag`` (if given)."""
    import datetime as dt

    answers: dict[str, pa.Table] = {}
    with connect(uri, token=token, tls_root_certs=tls_root_certs) as conn:
        objects = conn.adbc_get_objects(depth="tables").read_all().to_pylist()
        names = [
            f"{s['db_schema_name']}.{t['table_name']}"
            for c in objects
            for s in c["catalog_db_schemas"]
            for t in s["db_schema_tables"]
        ]
        answers["tables"] = pa.table({"table": names})
        with conn.cursor() as cur:
            cur.execute(TOP_TICKERS, ("purchase", dt.date(2000, 1, 1)))
            answers["top_purchases"] = cur.fetch_arrow_table()
    if tag:
        with connect(uri, token=token, tag=tag, tls_root_certs=tls_root_certs) as conn, conn.cursor() as cur:
            cur.execute(TOP_TICKERS, ("purchase", dt.date(2000, 1, 1)))
            answers[f"top_purchases@{tag}"] = cur.fetch_arrow_table()
    return answers


def main(argv: list[str] | None = None) -> int:
    """Run the example against a Flight SQL URI and print its answers."""
    from lakehouse.output import render_text

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("uri")
    parser.add_argument("--token")
    parser.add_argument("--tag")
    parser.add_argument("--tls-root-certs", metavar="PEM_FILE",
                        help="trust this certificate (e.g. the server's self-signed one) for grpc+tls://")
    args = parser.parse_args(argv)
    certs = Path(args.tls_root_certs).read_bytes() if args.tls_root_certs else None
    for title, table in run(args.uri, token=args.token, tag=args.tag, tls_root_certs=certs).items():
        sys.stdout.write(f"== {title}\n{render_text(table)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
