"""Capture the README's picture of the web app: ``make screenshot`` (or run this file).

Builds the demo's synthetic home (fictional filers: the 2025 mirror ingested twice, so the as-of
selector has a past to show), serves the app on 127.0.0.1, and photographs the overview page with
Debian's chromium through Playwright, the launch the browser tests use. The PNG is palette-quantized
so the README's picture stays small (well under 300 KB).

    .venv/bin/python scripts/web_screenshot.py [--out docs/images/web-overview.png] [--width 1200]
"""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

import click

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
"""The same launch as tests/integration/test_web_browser.py: nothing fetched, nothing downloaded."""
MAX_BYTES = 300_000


def build_demo_home(workdir: Path):
    """The demo's data: the synthetic 2025 mirror, ingested, updated by the Clerk, ingested again."""
    from core.settings import load_settings
    from lakehouse.app import Lakehouse
    from lakehouse.demo import write_members_yaml
    from lakehouse.mirror import serve_directory
    from synthetic import build_mirror

    mirror = workdir / "clerk-mirror"
    manifest = build_mirror(mirror, year=2025, n_filings=150, version=1)
    settings = load_settings(
        {
            "LAKEHOUSE_HOME": str(workdir / "lakehouse"),
            "LAKEHOUSE_HTTP_RATE": "1000",
            "LAKEHOUSE_HTTP_BACKOFF": "0",
        }
    )
    app = Lakehouse.open(settings)
    app.ingest_members(str(write_members_yaml(manifest, mirror / "members" / "legislators-current.yaml")))
    with serve_directory(mirror) as url:
        for version in (1, 2):
            if version == 2:
                build_mirror(mirror, year=2025, n_filings=150, version=2)
            app.ingest_house([2025], source=url, types=("P",))
            app.transform("silver")
            app.transform("gold")
    return app


def capture(url: str, width: int, height: int) -> bytes:
    """The overview page once its charts are drawn, as a PNG of the first screen."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(url + "/", wait_until="networkidle")
            page.wait_for_selector(".chart[data-drawn='1'] .main-svg", timeout=30_000)
            return page.screenshot(full_page=False)
        finally:
            browser.close()


def shrink(png: bytes, colors: int = 128) -> bytes:
    """Quantize to a palette and re-encode (a UI screenshot loses nothing visible at 128 colours)."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB").quantize(colors=colors, dither=Image.Dither.NONE)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


@click.command()
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), default=REPO / "docs/images/web-overview.png"
)
@click.option("--width", default=1200, show_default=True, help="Viewport width in CSS pixels.")
@click.option("--height", default=900, show_default=True, help="Viewport height (the first screen).")
def main(out: Path, width: int, height: int) -> None:
    """Build the demo home, serve the app, and write the overview page's screenshot to OUT."""
    if not Path(CHROMIUM).exists():
        raise click.ClickException(f"{CHROMIUM} is missing: `make setup` installs Debian's chromium.")
    sys.path.insert(0, str(REPO))
    from web.app import running

    with tempfile.TemporaryDirectory(prefix="web-screenshot-") as tmp:
        app = build_demo_home(Path(tmp))
        with running(app.store, app.settings) as url:
            png = shrink(capture(url, width, height))
    if len(png) > MAX_BYTES:
        png = shrink(png, colors=64)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(png)
    click.echo(f"wrote {out} ({len(png) / 1000:.0f} KB, {width}x{height})")


if __name__ == "__main__":
    main()
