"""``lakehouse serve``: the Gold tables over Arrow Flight SQL (ADBC, R, JDBC) and plain Flight."""

from __future__ import annotations

import click

from lakehouse.cli.support import Context, handle_errors, pass_ctx


@click.command()
@click.option("--host", default=None, help="Address to bind [env LAKEHOUSE_FLIGHT_HOST; default 127.0.0.1].")
@click.option(
    "--port", type=int, default=None, help="Port [env LAKEHOUSE_FLIGHT_PORT; default 8815; 0 = any]."
)
@click.option(
    "--token",
    default=None,
    metavar="TOKEN",
    help="Token clients must present (bearer, or basic-auth password); required off loopback "
    "[env LAKEHOUSE_FLIGHT_TOKEN].",
)
@click.option(
    "--tls-cert",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="PEM certificate (chain) to serve TLS with [env LAKEHOUSE_FLIGHT_TLS_CERT].",
)
@click.option(
    "--tls-key",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="PEM private key of --tls-cert [env LAKEHOUSE_FLIGHT_TLS_KEY].",
)
@click.option(
    "--query-timeout",
    type=float,
    default=None,
    help="Seconds a query may run, streaming included [env LAKEHOUSE_FLIGHT_QUERY_TIMEOUT; default 60].",
)
@click.option(
    "--max-rows",
    type=int,
    default=None,
    help="Rows a query may return [env LAKEHOUSE_FLIGHT_MAX_ROWS; default 10000000].",
)
@pass_ctx
@handle_errors
def serve(
    c: Context,
    host: str | None,
    port: int | None,
    token: str | None,
    tls_cert: str | None,
    tls_key: str | None,
    query_timeout: float | None,
    max_rows: int | None,
) -> None:
    """Serve Gold tables over Arrow Flight SQL and Flight until interrupted (read-only, time travel)."""
    from flight_server.server import serve as run_server

    settings = c.settings.replace(
        flight_host=host,
        flight_port=port,
        flight_token=token,
        flight_tls_cert=tls_cert,
        flight_tls_key=tls_key,
        flight_query_timeout=query_timeout,
        flight_max_rows=max_rows,
    )
    auth = "token required" if settings.flight_token else "no authentication (loopback only)"
    run_server(
        c.app.store,
        settings,
        ready=lambda loc: click.echo(f"serving Gold over Arrow Flight SQL at {loc} ({auth})", err=True),
    )
