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
    table: str
    mode: ReadMode = ReadMode.SNAPSHOT
    columns: tuple[str, ...] | None = None
    """Columns to read (None = all); keeps e.g. PDF bytes out of jobs that only need ids."""


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
