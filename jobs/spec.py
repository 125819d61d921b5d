"""Declarative job specs: what a transform reads, what it writes, and how."""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import ibis.expr.types as ir


class ReadMode(enum.Enum):
    """How the runner reads one input table."""

    APPENDED = "appended"
    """Rows appended since the snapshot recorded in the output's last commit (all rows on a first run)."""
    SNAPSHOT = "snapshot"
    """The whole table at its current snapshot."""


class WriteMode(enum.Enum):
    """How the runner writes the transform's result."""

    MERGE = "merge"
    """Upsert on the output's key: result rows replace rows with the same key, others stay."""
    REPLACE_PARTITIONS = "replace_partitions"
    """The result is the complete new content of every partition it touches."""
    REPLACE = "replace"
    """The result is the complete new content of the table."""


@dataclasses.dataclass(frozen=True)
class Input:
    """One table a job reads, and how (whole snapshot or only what changed)."""
    table: str
    mode: ReadMode = ReadMode.SNAPSHOT
    columns: tuple[str, ...] | None = None
    """Columns to read (None = all); keeps e.g. PDF bytes out of jobs that only need ids."""


@dataclasses.dataclass(frozen=True)
class Scope:
    """How a job recomputes only what changed.

    Output rows are grouped by ``key`` (e.g. ``doc_id``): a changed input row marks its key, the
    runner feeds the transform only the rows of those keys, and the result replaces exactly those
    keys' rows in the output. An input that is not in ``feeds`` (a dimension) forces a full
    recompute when it changes.
    """

    key: str
    feeds: Mapping[str, str]
    """Input parameter -> its column holding the key."""
    expand: Callable[..., ir.Table] | None = None
    """``expand(changed, **inputs)`` -> the keys to recompute (a table with column ``key``), when a
    change to one key affects others (an amendment supersedes a filer's earlier filings)."""
    expand_inputs: tuple[str, ...] = ()
    """Inputs ``expand`` reads, whole."""
    recompute_share: float | None = None
    """Recompute everything instead when the data files an input added or removed since the
    watermark hold more than this share of its rows: for a small output (a dimension) a rebuild
    costs less than reading and diffing that many rows. None: always diff."""


@dataclasses.dataclass(frozen=True)
class JobSpec:
    """A transform plus everything the runner needs to feed it and commit its result."""

    name: str
    output: str
    inputs: Mapping[str, Input]
    """Transform parameter name -> the table that feeds it."""
    transform: Callable[..., ir.Table]
    write: WriteMode
    merge_on: tuple[str, ...] | None = None
    """For MERGE: columns whose matching rows the result replaces (default: the output's key)."""
    scope: Scope | None = None
    """Recompute only what changed (see :class:`Scope`); without it, a changed input recomputes all."""


@dataclasses.dataclass(frozen=True)
class ExtractionReport:
    """What one extraction run did: documents read, rows written, and its snapshot."""

    status: str
    """'committed' or 'up_to_date'."""
    documents: int
    rows: int
    needs_review: int
    failed: int
    snapshot_id: int | None
    seconds: float
    schedule_b_rows: int = 0
    """Rows written to silver.schedule_b_transactions (House PTR extraction only)."""


@dataclasses.dataclass(frozen=True)
class ExtractionSpec:
    """A job whose per-document work is Python, not an Ibis expression (PDF parsing): what it
    reads and writes, for the run order, and the function that runs it.

    ``run(store, *, run_id, reextract, full, auditor, progress)`` returns an :class:`ExtractionReport`.
    """

    name: str
    outputs: tuple[str, ...]
    inputs: tuple[str, ...]
    run: Callable[..., object]

    @property
    def output(self) -> str:
        """The main table it writes (its first output), as reports name it."""
        return self.outputs[0]


@dataclasses.dataclass(frozen=True)
class SourceSpec:
    """One data source, declared once beside its ingest code (a module-level ``SOURCE`` in
    jobs/bronze): where it comes from, what it writes, and which job reads its documents.

    A new source is its module; nothing lists it. ``lakehouse sources`` shows them all.
    """

    name: str
    """Short name, as in ``lakehouse ingest <name>``."""
    title: str
    base_url: str
    """Where the live source is read from (a ``--source`` mirror or directory replaces it)."""
    writes: tuple[str, ...]
    """Tables its ingest writes (every bronze table belongs to exactly one source)."""
    ingest: Callable[..., object]
    """The library entry point: ``ingest(store, settings, …)`` returning a report."""
    chamber: str | None = None
    """'house' or 'senate' for a chamber's disclosures (the ``chamber`` of the rows it yields)."""
    documents: str | None = None
    """Its table of source documents (PDF, HTML), read by ``extraction``."""
    extraction: str | None = None
    """The name of the job that reads ``documents`` into silver."""
