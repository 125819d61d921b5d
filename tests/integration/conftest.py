"""Storage setups the contract and maintenance tests run on, each configured the way an operator would:

* ``sqlite-local``: the embedded default, a SQLite catalog and a warehouse on local disk;
* ``postgres-s3``: a PostgreSQL catalog (a fresh database on the local server, dropped at the end)
  and an S3 warehouse on a moto server in its own process on 127.0.0.1, both set only through
  pyiceberg's ``PYICEBERG_CATALOG__<NAME>__*`` variables.

`.ci/run` starts PostgreSQL when it is not running.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from core.settings import Settings
from tests.conftest import test_settings

PG_HOST, PG_PORT, PG_USER = "127.0.0.1", 5432, "postgres"
BUCKET = "lakehouse-test"
_names = itertools.count(1)


@dataclasses.dataclass(frozen=True)
class Lake:
    """One isolated lakehouse on a storage setup: its settings and the environment that configures it."""

    setup: str
    home: Path
    env: Mapping[str, str]

    @property
    def settings(self) -> Settings:
        return test_settings(self.home, **{k: v for k, v in self.env.items() if k.startswith("LAKEHOUSE_")})

    @contextlib.contextmanager
    def environment(self) -> Iterator[None]:
        """The process environment of this lakehouse, as a shell would set it (undone on exit)."""
        with pytest.MonkeyPatch.context() as mp:
            apply_env(mp, self.env)
            yield


def apply_env(mp: pytest.MonkeyPatch, env: Mapping[str, str]) -> None:
    """Replace every LAKEHOUSE_*/PYICEBERG_* variable by ``env`` (no developer config leaks in)."""
    for var in list(os.environ):
        if var.startswith(("LAKEHOUSE_", "PYICEBERG_")):
            mp.delenv(var)
    mp.setenv("PYICEBERG_HOME", str(Path(env["LAKEHOUSE_HOME"]) / "no-pyiceberg-yaml"))
    for key, value in env.items():
        mp.setenv(key, value)


class SqliteLocal:
    """The embedded default: nothing to configure but the home directory."""

    name = "sqlite-local"

    def new_lake(self, home: Path) -> Lake:
        return Lake(self.name, home, {"LAKEHOUSE_HOME": str(home)})


@dataclasses.dataclass(frozen=True)
class PostgresS3:
    """A PostgreSQL catalog plus an S3 warehouse; every lakehouse gets its own catalog name and prefix."""

    name = "postgres-s3"
    pg_uri: str
    s3_endpoint: str

    def new_lake(self, home: Path) -> Lake:
        catalog = f"lh{next(_names)}x{uuid.uuid4().hex[:6]}"  # no '_': pyiceberg reads it as '-' in env names
        prefix = f"PYICEBERG_CATALOG__{catalog.upper()}__"
        return Lake(
            self.name,
            home,
            {
                "LAKEHOUSE_HOME": str(home),
                "LAKEHOUSE_CATALOG": catalog,
                f"{prefix}TYPE": "sql",
                f"{prefix}URI": self.pg_uri,
                f"{prefix}WAREHOUSE": f"s3://{BUCKET}/{catalog}",
                f"{prefix}S3__ENDPOINT": self.s3_endpoint,
                f"{prefix}S3__ACCESS_KEY_ID": "testing",
                f"{prefix}S3__SECRET_ACCESS_KEY": "testing",
                f"{prefix}S3__REGION": "us-east-1",
            },
        )


@dataclasses.dataclass(frozen=True)
class GlueS3:
    """An AWS Glue catalog (the moto server's Glue API) plus an S3 warehouse, by configuration only."""

    name = "glue-s3"
    endpoint: str

    def new_lake(self, home: Path) -> Lake:
        catalog = f"glue{next(_names)}x{uuid.uuid4().hex[:6]}"
        prefix = f"PYICEBERG_CATALOG__{catalog.upper()}__"
        keys = {
            "ENDPOINT": self.endpoint,
            "REGION": "us-east-1",
            "ACCESS_KEY_ID": "testing",
            "SECRET_ACCESS_KEY": "testing",
        }
        return Lake(
            self.name,
            home,
            {
                "LAKEHOUSE_HOME": str(home),
                "LAKEHOUSE_CATALOG": catalog,
                f"{prefix}TYPE": "glue",
                f"{prefix}WAREHOUSE": f"s3://{BUCKET}/{catalog}",
                **{f"{prefix}GLUE__{k}": v for k, v in keys.items()},
                **{f"{prefix}S3__{k}": v for k, v in keys.items()},
            },
        )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def moto_s3() -> Iterator[str]:
    """A moto S3 server in its own process on 127.0.0.1 with the warehouse bucket; yields its endpoint.

    A separate process because in-process moto keeps every object in the test process (tech notes
    §10). Creating the bucket is the operator's job, so the fixture does it, not the product.
    """
    import boto3

    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"moto server did not start (exit code {proc.poll()})")
                time.sleep(0.1)
        boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name="us-east-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        ).create_bucket(Bucket=BUCKET)
        yield endpoint
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session (dropped at the end); yields its SQLAlchemy URI."""
    import psycopg2

    name = f"lakehouse_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    try:
        admin = psycopg2.connect(
            host=PG_HOST, port=PG_PORT, user=PG_USER, dbname="postgres", connect_timeout=5
        )
    except psycopg2.OperationalError as exc:
        pytest.fail(
            f"PostgreSQL is not reachable on {PG_HOST}:{PG_PORT} as {PG_USER} ({exc}). Start it: "
            "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start (.ci/run does)."
        )
    admin.autocommit = True
    try:
        with admin.cursor() as cur:
            cur.execute(f'CREATE DATABASE "{name}"')
        yield f"postgresql+psycopg2://{PG_USER}@{PG_HOST}:{PG_PORT}/{name}"
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.close()


@pytest.fixture(scope="session", params=[SqliteLocal.name, PostgresS3.name])
def storage(request: pytest.FixtureRequest) -> SqliteLocal | PostgresS3:
    """Each storage setup in turn; the PostgreSQL and moto servers start only when needed."""
    if request.param == SqliteLocal.name:
        return SqliteLocal()
    return PostgresS3(request.getfixturevalue("pg_database"), request.getfixturevalue("moto_s3"))


@pytest.fixture
def lake_env(monkeypatch: pytest.MonkeyPatch):
    """``lake_env(lake)``: put a lakehouse's environment in place for this test (e.g. for the CLI)."""
    return lambda lake: apply_env(monkeypatch, lake.env)


def close(app) -> None:
    """Return the catalog's database connections, so the test database can be dropped cleanly."""
    engine = getattr(app.store.catalog, "engine", None)
    if engine is not None:
        engine.dispose()


def build_mirror_without(root: Path, house: Path, doc_id: str) -> Path:
    """A Clerk mirror whose 2025 index lacks the record of ``doc_id`` (as when the Clerk withdraws one)."""
    from tests.conftest import build_clerk_mirror

    xml = (house / "2025FD.xml").read_text(encoding="utf-8-sig")
    start = xml.index("<Member>", xml.index(f"<DocID>{doc_id}</DocID>") - 400)
    end = xml.index("</Member>", start) + len("</Member>")
    assert doc_id in xml[start:end]
    build_clerk_mirror(root, house, pdfs=False)
    (root / "public_disc/financial-pdfs/2025FD.zip").unlink()
    (root / "public_disc/financial-pdfs/2025FD.xml").write_text(xml[:start] + xml[end:], encoding="utf-8-sig")
    return root
