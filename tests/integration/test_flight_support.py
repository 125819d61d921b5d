"""Shared pieces of the Flight tests: small Gold tables written through the Store, a server on
127.0.0.1 (port 0) in a thread, and a self-signed certificate. No tests live here."""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa

from catalog.store import Store
from core.settings import Settings
from flight_server.server import GoldFlightServer

D = dt.date
MEMBERS = [
    # bioguide, first, last, party, state, district, chamber
    ("A000001", "Alex", "Avery", "Democrat", "CA", 11, "house"),
    ("B000002", "Blair", "Brooks", "Republican", "TX", 10, "house"),
    ("C000003", "Casey", "Chen", "Independent", "VT", None, "senate"),
]
TICKERS = {
    "NVDA": "NVIDIA Corporation",
    "AAPL": "Apple Inc.",
    "MSFT": "Microsoft Corporation",
    "TSLA": "Tesla, Inc.",
    "BRK.B": "Berkshire Hathaway Inc. Class B",
}


def transactions(n_docs: int = 12, lines: int = 3) -> pa.Table:
    """Deterministic PTR rows of fictional members: docs 30000000.., three lines each."""
    rows = []
    tickers = list(TICKERS)
    for d in range(n_docs):
        bio, first, last, party, state, district, chamber = MEMBERS[d % len(MEMBERS)]
        doc_id = str(30000000 + d)
        filing = D(2025, 1, 10) + dt.timedelta(days=7 * d)
        for line in range(1, lines + 1):
            ticker = tickers[(d + line) % len(tickers)]
            trade = filing - dt.timedelta(days=5 + 10 * line)
            low, high = (1001, 15000) if line % 2 else (15001, 50000)
            kind = ("purchase", "sale", "partial_sale")[(d + line) % 3]
            rows.append(
                dict(
                    transaction_key=int(doc_id) * 10000 + line,
                    doc_id=doc_id,
                    line_no=line,
                    year=2025,
                    bioguide_id=bio,
                    member_key=1000 + d % len(MEMBERS),
                    filer_name=f"{first} {last}",
                    party=party,
                    state=state,
                    district=district,
                    chamber=chamber,
                    owner=None if line != 2 else "SP",
                    ticker=ticker,
                    asset_name=TICKERS[ticker],
                    asset_type="ST",
                    transaction_type=kind,
                    transaction_date=trade,
                    notification_date=trade,
                    filing_date=filing,
                    amount_range=f"${low:,} - ${high:,}",
                    amount_low=low,
                    amount_high=high,
                    amount_midpoint=(low + high) / 2,
                    days_to_notification=0,
                    days_to_filing=(filing - trade).days,
                    due_date=trade + dt.timedelta(days=45),
                    is_late=(filing - trade).days > 45,
                    cap_gains_over_200=False,
                    description=None,
                    subholding_of=None,
                    pdf_url=f"https://disclosures-clerk.house.gov/public_disc/ptr-pdfs/2025/{doc_id}.pdf",
                    extraction_method="text",
                    extractor_version="test",
                )
            )
    return pa.Table.from_pylist(rows)


def filings(n_docs: int = 12) -> pa.Table:
    rows = []
    for d in range(n_docs):
        bio, first, last, party, state, district, chamber = MEMBERS[d % len(MEMBERS)]
        doc_id = str(30000000 + d)
        rows.append(
            dict(
                doc_id=doc_id,
                year=2025,
                filing_type="P",
                filing_type_name="Periodic Transaction Report",
                filing_date=D(2025, 1, 10) + dt.timedelta(days=7 * d),
                filer_name=f"Hon. {first} {last}",
                first_name=first,
                last_name=last,
                state_district=f"{state}{district or 0:02d}",
                state=state,
                district=district,
                is_efiled=True,
                is_amendment=False,
                pdf_url=f"https://disclosures-clerk.house.gov/public_disc/ptr-pdfs/2025/{doc_id}.pdf",
                document_in_bronze=False,
            )
        )
    rows.append(
        dict(
            doc_id="40000001",
            year=2025,
            filing_type="C",
            filing_type_name="Candidate Report",
            filing_date=D(2025, 5, 1),
            filer_name="Dana Doe",
            document_in_bronze=False,
        )
    )
    return pa.Table.from_pylist(rows)


def members() -> pa.Table:
    return pa.Table.from_pylist(
        [
            dict(
                member_key=1000 + i,
                bioguide_id=bio,
                first_name=first,
                last_name=last,
                full_name=f"{first} {last}",
                party=party,
                chamber=chamber,
                state=state,
                district=district,
                valid_from=D(2023, 1, 3),
                valid_to=D(2027, 1, 3),
                is_current=True,
                version=1,
            )
            for i, (bio, first, last, party, state, district, chamber) in enumerate(MEMBERS)
        ]
    )


def assets(store: Store) -> pa.Table:
    numeric_key = not pa.types.is_string(
        store.schema_at("gold.dim_assets", None).field("asset_key").type
    ) and not pa.types.is_large_string(store.schema_at("gold.dim_assets", None).field("asset_key").type)
    return pa.Table.from_pylist(
        [
            dict(
                asset_key=i + 1 if numeric_key else f"T:{t}",
                ticker=t,
                asset_name=name,
                asset_type="ST",
                company_name=name,
                sector="Information Technology" if t in ("NVDA", "AAPL", "MSFT") else None,
                first_traded=D(2025, 1, 1),
                last_traded=D(2025, 4, 1),
                trade_count=7,
            )
            for i, (t, name) in enumerate(TICKERS.items())
        ]
    )


def trending() -> pa.Table:
    rows = []
    for window in (7, 30, 90):
        for rank, ticker in enumerate(TICKERS, start=1):
            rows.append(
                dict(
                    as_of_date=D(2025, 3, 31),
                    window_days=window,
                    basis="disclosure",
                    ticker=ticker,
                    asset_name=TICKERS[ticker],
                    trades=20 - rank,
                    members=3,
                    buying_members=2,
                    selling_members=1,
                    buy_volume=1000.0 * rank,
                    sell_volume=500.0,
                    net_volume=1000.0 * rank - 500,
                    dem_trades=5,
                    rep_trades=5,
                    other_trades=1,
                    rank=rank,
                )
            )
    return pa.Table.from_pylist(rows)


def member_stats() -> pa.Table:
    return pa.Table.from_pylist(
        [
            dict(
                period="all",
                bioguide_id=bio,
                member_key=1000 + i,
                full_name=f"{first} {last}",
                party=party,
                state=state,
                trades=12,
                est_volume=100000.0,
                buys=4,
                sells=8,
                distinct_tickers=5,
                late_count=1,
                late_rate=1 / 12,
                median_days_to_disclose=20.0,
                first_trade=D(2024, 12, 1),
                last_trade=D(2025, 3, 1),
            )
            for i, (bio, first, last, party, state, district, chamber) in enumerate(MEMBERS)
        ]
    )


def fill_gold(store: Store) -> dict[str, int | None]:
    """Write one snapshot of every Gold table the named queries read; returns their snapshot ids."""
    store.init_tables()
    data = {
        "gold.fact_transactions": transactions(),
        "gold.fact_filings": filings(),
        "gold.dim_members": members(),
        "gold.dim_assets": assets(store),
        "gold.agg_trending_stocks": trending(),
        "gold.agg_member_stats": member_stats(),
    }
    return {name: store.replace(name, table) for name, table in data.items()}


@contextlib.contextmanager
def running_server(store: Store, settings: Settings | None = None, **kwargs) -> Iterator[GoldFlightServer]:
    """A Flight server on 127.0.0.1 (OS-assigned port) in a thread, shut down afterwards."""
    scheme = "grpc+tls" if kwargs.get("tls_certificates") else "grpc"
    server = GoldFlightServer(store, f"{scheme}://127.0.0.1:0", settings=settings or Settings(), **kwargs)
    thread = threading.Thread(target=server.serve, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        thread.join(timeout=10)


def self_signed_cert(directory: Path) -> tuple[Path, Path]:
    """An EC P-256 certificate for localhost and 127.0.0.1 (gRPC checks the SAN)."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "server.pem", directory / "server.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_path, key_path
