"""Shared fixtures: the real sample data, a House Clerk mirror served over real HTTP on
127.0.0.1, and an isolated embedded lakehouse per test (or per module for the slow ones)."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from core.settings import load_settings
from lakehouse.app import Lakehouse
from lakehouse.mirror import QuietHandler, serve_directory

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("LAKEHOUSE_SHARED_DATA", REPO.parent / "shared" / "data"))
HOUSE = SHARED_DATA / "house"

#: Real sample PDFs by the DocID the 2025 index gives them (see shared/data/house/SOURCE.md).
REAL_PDFS: dict[str, str] = {
    "20026590": "P_20026590_real.pdf",
    "20026658": "PTR_sample2.pdf",
    "20027933": "PTR_sample3.pdf",
    "10063302": "C_medium_10063302.pdf",
    "40003715": "D_sample1.pdf",
    "40003718": "D_sample2.pdf",
    "10072764": "A_10072764.pdf",
    "10071977": "T_10071977.pdf",
    "10066607": "H_10066607.pdf",
    "8025": "W_8025.pdf",
    "8220832": "G_8220832.pdf",
    "9115661": "O_9115661.pdf",
    "8220892": "X_sample1_8220892.pdf",
    "9115627": "X_sample2_9115627.pdf",
    "8221211": "X_sample3_8221211.pdf",
}
REAL_PTRS = ("20026590", "20026658", "20027933")


def pytest_collection_modifyitems(config, items):
    """Everything under tests/integration is an integration test."""
    for item in items:
        if "integration" in item.path.parts:
            item.add_marker(pytest.mark.integration)


@pytest.fixture(autouse=True)
def _isolated_config(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep a developer's LAKEHOUSE_*/PYICEBERG_* settings and ~/.pyiceberg.yaml out of tests."""
    for var in list(os.environ):
        if var.startswith(("LAKEHOUSE_", "PYICEBERG_")):
            monkeypatch.delenv(var)
    monkeypatch.setenv("PYICEBERG_HOME", str(tmp_path_factory.getbasetemp() / "no-pyiceberg-config"))


@pytest.fixture(scope="session")
def house_data() -> Path:
    if not HOUSE.is_dir():
        pytest.fail(f"The real sample data is missing: expected {HOUSE} (shared/ beside the clone), "
                    "or set LAKEHOUSE_SHARED_DATA.")
    return HOUSE


def test_settings(home: Path, **extra: str):
    """Settings for a test lakehouse: no politeness delays against our own local server."""
    env = {"LAKEHOUSE_HOME": str(home), "LAKEHOUSE_HTTP_RATE": "100000", "LAKEHOUSE_HTTP_RETRIES": "2",
           "LAKEHOUSE_HTTP_BACKOFF": "0", "LAKEHOUSE_HTTP_TIMEOUT": "10"}
    env.update(extra)
    return load_settings(env)


test_settings.__test__ = False  # a helper, not a test


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def build_clerk_mirror(root: Path, house: Path, *, year: int = 2025, index_files: tuple[str, ...] = ("xml",),
                       index_source: str | None = None, pdfs: bool = True) -> Path:
    """Lay out real index and PDFs like the Clerk's site: the index zipped, PDFs by DocID."""
    fin = root / "public_disc" / "financial-pdfs"
    fin.mkdir(parents=True, exist_ok=True)
    stem = index_source or f"{year}FD"
    members = {f"{year}FD.{ext}": (house / f"{stem}.{ext}").read_bytes() for ext in index_files}
    (fin / f"{year}FD.zip").write_bytes(zip_bytes(members))
    if pdfs and year == 2025:
        for doc_id, name in REAL_PDFS.items():
            folder = "ptr-pdfs" if doc_id in REAL_PTRS else "financial-pdfs"
            target = root / "public_disc" / folder / str(year) / f"{doc_id}.pdf"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(house / name, target)
    return root


RESET = -1
"""Fault status: close the connection without answering (a reset)."""
SLOW = -2
"""Fault status: answer only after ``body`` seconds (a slow server; longer than the client timeout)."""


class MirrorHandler(QuietHandler):
    """Serves a directory; ``faults`` maps a URL path to a queue of (status, body) to answer first."""

    faults: dict[str, list[tuple[int, bytes]]] = {}
    requests_seen: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.requests_seen.append(self.path)
        queue = self.faults.get(self.path)
        if queue:
            status, body = queue.pop(0)
            if status == RESET:
                self.close_connection = True
                self.connection.shutdown(2)
                return
            if status == SLOW:
                time.sleep(float(body))
                super().do_GET()
                return
            self.send_response(status)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()


@contextlib.contextmanager
def mirror_server(root: Path, faults: dict[str, list[tuple[int, bytes]]] | None = None):
    """An HTTP server on 127.0.0.1 (random port) serving ``root``; yields (base URL, handler class)."""
    handler = type("Handler", (MirrorHandler,), {"faults": dict(faults or {}), "requests_seen": []})
    with serve_directory(root, handler) as url:
        yield url, handler


@pytest.fixture
def serve_dir() -> Iterator[Callable[..., tuple[str, type[MirrorHandler]]]]:
    """Start mirror servers for the duration of a test: ``base_url, handler = serve_dir(root)``."""
    with contextlib.ExitStack() as stack:
        yield lambda root, faults=None: stack.enter_context(mirror_server(root, faults))


@pytest.fixture
def lakehouse(tmp_path: Path) -> Lakehouse:
    return Lakehouse.open(test_settings(tmp_path / "lh"))
