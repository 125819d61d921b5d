"""``lakehouse web``: the HTTP API (/v1) and the analysts' web app, in one process."""

from __future__ import annotations

import click

from lakehouse.cli.support import Context, handle_errors, pass_ctx


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", type=int, default=8080, show_default=True, help="Port (0 = any free port).")
@click.option(
    "--token",
    default=None,
    metavar="TOKEN",
    help="Token clients must present (bearer, or basic-auth password); required off loopback "
    "[env LAKEHOUSE_FLIGHT_TOKEN, the Flight server's].",
)
@pass_ctx
@handle_errors
def web(c: Context, host: str, port: int, token: str | None) -> None:
    """Serve the HTTP API and the web app (pages, charts, data quality) until interrupted."""
    from web.app import serve

    auth = "token required" if (token or c.settings.flight_token) else "no authentication (loopback only)"
    serve(
        c.app.store,
        c.settings,
        host=host,
        port=port,
        token=token,
        ready=lambda url: click.echo(
            f"serving the web app and API at {url}/ (docs {url}/docs; {auth})", err=True
        ),
    )
