"""``lakehouse shell``: a warm SQL prompt, so repeated questions skip start-up.

One DuckDB and one catalog connection serve every statement, and table snapshots already read stay
in memory (:class:`catalog.query.QuerySession`). The SQL is ``lakehouse query``'s (the Flight
dialect). Statements come from a terminal (end them with ``;``) or from standard input (``;``-terminated,
or one per line), so it scripts and tests like a pipe.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import IO

import click

from core.errors import LakehouseError
from lakehouse.cli.support import Context, as_of_options, handle_errors, pass_ctx, version_of

HELP = """\
SQL statements run at the shell's version (see .as_of); tables: bronze.*, silver.*, gold.*, ops.*
(unqualified names read gold); time travel per table: AT (VERSION => id | TAG => 'tag' | TIMESTAMP => 'time').
.tables                          list the tables
.as_of                           show the version statements read
.as_of current|snapshot ID|time ISO-TIME|tag NAME
                                 read at that version from now on
.format table|csv|json           how results are printed
.help                            this text
.quit                            leave (also .exit, end of input)"""


@click.command()
@as_of_options
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@pass_ctx
@handle_errors
def shell(c: Context, snapshot_id: int | None, as_of: str | None, tag: str | None, fmt: str) -> None:
    """A SQL prompt that keeps the engine and catalog open between statements (.help for commands).

    Reads statements from standard input when it is not a terminal; exits 1 if any of them failed.
    """
    from catalog.query import QuerySession

    interactive = sys.stdin.isatty()
    if interactive:
        try:
            import readline  # noqa: F401 - line editing and history for input()
        except ImportError:
            pass
    with QuerySession(lambda: c.app.store) as session:
        repl = Shell(session, version_of(snapshot_id, as_of, tag), fmt)
        ok = repl.loop(sys.stdin, interactive)
    if not ok and not interactive:
        sys.exit(1)


class Shell:
    """The prompt's state (version, format) and its statement loop."""

    def __init__(self, session, version, fmt: str) -> None:
        self.session = session
        self.version = version
        self.fmt = fmt
        self.ok = True

    def loop(self, stream: IO[str], interactive: bool) -> bool:
        """Run statements until ``.quit`` or the end of input; returns False if any failed.

        At a terminal a statement ends with ``;``. Piped input is read whole first: if its
        statements end with ``;`` they may span lines, else each line is one statement.
        """
        lines: Iterator[str | None]
        by_line = False
        if interactive:
            lines = iter(lambda: self._prompt(buffer), "\0")
        else:
            text = stream.read().splitlines()
            by_line = not any(line.rstrip().endswith(";") for line in text if not line.lstrip().startswith("."))
            lines = iter(text)
        buffer: list[str] = []
        for line in lines:
            if line is None:
                break
            if not buffer and line.strip().startswith("."):
                if not self.command(line.strip()):
                    return self.ok
                continue
            buffer.append(line)
            sql = "\n".join(buffer).strip()
            if not sql:
                buffer.clear()
            elif by_line or sql.endswith(";"):
                self.execute(sql)
                buffer.clear()
        if "\n".join(buffer).strip():
            self.execute("\n".join(buffer))
        return self.ok

    @staticmethod
    def _prompt(buffer: list[str]) -> str | None:
        try:
            return input("   ...> " if buffer else "lakehouse> ")
        except EOFError:
            click.echo()
            return None
        except KeyboardInterrupt:  # drop the statement being typed, as other SQL shells do
            click.echo()
            buffer.clear()
            return ""

    def execute(self, sql: str) -> None:
        from lakehouse.output import render_text, write

        try:
            result = self.session.run(sql, self.version)
        except LakehouseError as exc:
            self.ok = False
            click.secho(f"Error: {exc}", fg="red", err=True)
            return
        if self.fmt == "table":
            click.echo(render_text(result, max_rows=1000))
        else:
            sys.stdout.flush()
            write(result, self.fmt, sys.stdout.buffer)
            sys.stdout.buffer.write(b"\n")
            sys.stdout.buffer.flush()

    def command(self, line: str) -> bool:
        """Run a dot command; False means leave."""
        name, _, arg = line.partition(" ")
        name, arg = name.lower(), arg.strip()
        if name in (".quit", ".exit", ".q"):
            return False
        if name == ".help":
            click.echo(HELP)
        elif name == ".tables":
            try:
                click.echo("\n".join(self.session.tables()))
            except LakehouseError as exc:
                self.ok = False
                click.secho(f"Error: {exc}", fg="red", err=True)
        elif name == ".as_of":
            self._as_of(arg)
        elif name == ".format" and arg in ("table", "csv", "json"):
            self.fmt = arg
        else:
            self.ok = False
            click.secho(f"Error: unknown command {line!r}; .help lists the commands.", fg="red", err=True)
        return True

    def _as_of(self, arg: str) -> None:
        from core.asof import AsOf, parse_as_of

        kind, _, value = arg.partition(" ")
        value = value.strip()
        try:
            if kind == "current":
                self.version = AsOf()
            elif kind in ("snapshot", "time", "tag") and value:
                self.version = parse_as_of(*(value if kind == k else None for k in ("snapshot", "time", "tag")),
                                           source=".as_of", names=("snapshot", "time", "tag"))
            elif kind:
                raise LakehouseError(f"'.as_of {arg}' is not a version: use .as_of current|snapshot ID|"
                                     "time ISO-TIME|tag NAME.")
        except LakehouseError as exc:
            self.ok = False
            click.secho(f"Error: {exc}", fg="red", err=True)
            return
        click.echo(f"reading {self.version.describe()}")
