"""The ``lakehouse`` command: thin click commands over :class:`lakehouse.app.Lakehouse`.

The tree is assembled here, explicitly: each command module defines its commands and imports only
:mod:`lakehouse.cli.support`, so no module imports this package back. A new command is a module
plus one line below.
"""

from __future__ import annotations

from lakehouse.cli import (
    ask,
    checks,
    extract,
    flight,
    maintenance,
    members,
    pipeline,
    reference,
    review,
    senate,
    shell,
    sources,
    web,
)
from lakehouse.cli.root import ingest, main

for _command in (ask.ask, checks.checks, extract.extract, flight.serve, maintenance.release, maintenance.maintain,
                 pipeline.pipeline, pipeline.runs, review.review, shell.shell, sources.sources, web.web):
    main.add_command(_command)
ingest.add_command(members.ingest_members_command)
ingest.add_command(reference.ingest_reference_command)
ingest.add_command(senate.ingest_senate_command)

__all__ = ["ingest", "main"]
