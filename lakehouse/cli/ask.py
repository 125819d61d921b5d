"""``lakehouse ask``: the named queries of the Flight server and the HTTP API, from the command line."""

from __future__ import annotations

import sys

import click

from lakehouse.cli.support import Context, as_of_options, handle_errors, pass_ctx, version_of

FORMATS = ("table", "csv", "json", "arrow")


@click.command()
@click.argument("name", required=False)
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter of the query, e.g. -p days=30 -p party=D; repeat for several.")
@click.option("--as-of-disclosure", default=None, metavar="YYYY-MM-DD",
              help="What was public on this date: only filings the Clerk received by then "
                   "(unlike --as-of, which reads the tables as they were loaded at a time).")
@click.option("--chamber", type=click.Choice(("house", "senate", "both"), case_sensitive=False), default=None,
              help="Only reports filed with this chamber [default: both].")
@as_of_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="arrow: an Arrow IPC stream, with the window and note as schema metadata.")
@click.option("--remote", default=None, metavar="URL",
              help="Ask a lakehouse Flight server (grpc://host:port or grpc+tls://…) "
                   "[token: env LAKEHOUSE_FLIGHT_TOKEN; self-signed TLS: env LAKEHOUSE_FLIGHT_TLS_CERT].")
@pass_ctx
@handle_errors
def ask(c: Context, name: str | None, params: tuple[str, ...], as_of_disclosure: str | None,
        chamber: str | None, snapshot_id, as_of, tag, fmt: str, remote: str | None) -> None:
    """Run named query NAME (top_traders, trending_stocks, …); without NAME, list them and their parameters.

    Windowed queries end their window on the latest date in the data unless as_of_date is given;
    the footer says which window was used, and why an answer is empty.
    """
    values = _params(params, as_of_disclosure=as_of_disclosure, chamber=chamber)
    version = version_of(snapshot_id, as_of, tag)
    if remote:
        from lakehouse.client import connect

        with connect(remote, token=c.settings.flight_token, tls_root_certs=c.settings.flight_tls_cert) as client:
            if name is None:
                return click.echo(_catalog(client.named_queries()))
            result = client.ask(name, values, snapshot_id=version.snapshot_id, as_of=version.timestamp,
                                tag=version.tag)
    elif name is None:
        return click.echo(_catalog(c.app.named_queries()))
    else:
        result = c.app.ask(name, values, version)
    _write(result, fmt)


def _params(pairs: tuple[str, ...], **options: str | None) -> dict[str, str]:
    """``--param`` pairs plus the common parameters given as options (``--as-of-disclosure`` …)."""
    values: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise click.UsageError(f"--param {pair!r} is not NAME=VALUE, e.g. --param days=30.")
        if key.strip() in values:
            raise click.UsageError(f"Parameter {key.strip()!r} is given twice; give it once.")
        values[key.strip()] = value
    for key, value in options.items():
        if value is None:
            continue
        if key in values:
            flag = "--" + key.replace("_", "-")
            raise click.UsageError(f"Give {key} once: {flag} or --param, not both.")
        values[key] = value
    return values


def _catalog(queries: list[dict]) -> str:
    lines = []
    for q in queries:
        lines.append(f"{q['name']}: {q['doc']}")
        for p in q["params"]:
            extra = [f"one of {', '.join(map(str, p['choices']))}"] if p.get("choices") else []
            if p.get("default") is not None:
                extra.append(f"default {p['default']}")
            if p.get("required"):
                extra.append("required")
            lines.append(f"  --param {p['name']}=<{p['type']}>  {p['doc']}"
                         + (f" [{'; '.join(extra)}]" if extra else ""))
    return "\n".join(lines)


def footer(metadata: dict[bytes, bytes] | None) -> list[str]:
    """The lines saying which window an answer used, where its data ends, and why it is empty."""
    meta = {k.decode(): v.decode() for k, v in (metadata or {}).items() if k.startswith(b"lakehouse.")}
    get = lambda key: meta.get(f"lakehouse.{key}")  # noqa: E731
    lines = []
    if get("window_end"):
        lines.append(f"window: {get('window_start')} to {get('window_end')} ({get('window_days')} days by "
                     f"{get('window_basis')}); the data ends on {get('data_ends')}")
    if get("as_of_disclosure"):
        lines.append(f"public on {get('as_of_disclosure')}: only filings received by then")
    if get("chamber"):
        lines.append(f"chamber: {get('chamber')} only (reports filed with it)")
    if get("note"):
        lines.append(f"note: {get('note')}")
    return lines


def _write(result, fmt: str) -> None:
    lines = footer(result.schema.metadata)
    if fmt == "arrow":
        import pyarrow as pa

        if sys.stdout.isatty():
            raise click.UsageError("Arrow IPC is binary: redirect standard output to a file or program.")
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, result.schema) as writer:
            writer.write_table(result)
        sys.stdout.buffer.write(sink.getvalue().to_pybytes())
        sys.stdout.buffer.flush()
    else:
        from lakehouse.output import write

        sys.stdout.flush()
        write(result, fmt, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    # Machine formats keep standard output clean: the footer goes to standard error.
    for line in lines:
        click.echo(line, err=fmt != "table")
