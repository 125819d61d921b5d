"""One exception root for everything the lakehouse raises on purpose.

Every message says what happened and how to fix it. Classes users may want to catch as builtins
also inherit from them (``ConfigError`` is a ``ValueError``), as ibis does.
"""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    """Process exit codes of the ``lakehouse`` CLI.

    ==  ====================================================================
    0   success (warnings, such as quarantined documents, are printed)
    1   the command failed (a ``LakehouseError``): nothing partial was committed
    2   usage error (bad option or argument), click's convention
    3   data-quality checks failed (reserved for the quality gates)
    4   finished, but some inputs were rejected into quarantine and a whole
        input (an index file) could not be used
    ==  ====================================================================
    """

    OK = 0
    FAILED = 1
    USAGE = 2
    CHECKS_FAILED = 3
    PARTIAL = 4


class LakehouseError(Exception):
    """Root of every error the lakehouse raises deliberately."""

    exit_code: ExitCode = ExitCode.FAILED


class ConfigError(LakehouseError, ValueError):
    """Settings or catalog configuration is missing or invalid."""


class NoSuchTableError(LakehouseError, KeyError):
    """A table name is not in the registry or not in the catalog."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0]) if self.args else ""


class NoSuchSnapshotError(LakehouseError, LookupError):
    """A snapshot id, timestamp or tag does not resolve to a snapshot."""


class SourceError(LakehouseError):
    """An input from the source (HTTP or a directory) could not be used."""

    def __init__(self, message: str, *, source: str, reason: str, transient: bool = False) -> None:
        super().__init__(message)
        self.source = source
        self.reason = reason
        self.transient = transient


class QueryError(LakehouseError, ValueError):
    """An analyst query is invalid or refers to something that does not exist."""


class JobError(LakehouseError):
    """A job could not run; its output table is unchanged."""


class CommitConflictError(LakehouseError):
    """Someone else committed to the same table first; re-running resolves it."""


class CheckFailedError(LakehouseError):
    """A write failed its data-quality audit: nothing was published to main.

    ``reports`` holds the audit reports (table, check, value, failed-row sample).
    """

    exit_code = ExitCode.CHECKS_FAILED

    def __init__(self, message: str, reports: tuple = ()) -> None:
        super().__init__(message)
        self.reports = reports


class NotFoundError(QueryError, LookupError):
    """What a request names (a DocID, a Member) is not in the data at the version read; HTTP 404."""


class CopiedHomeError(ConfigError):
    """A home's catalog points at tables in another home's warehouse (the home was copied or
    moved; Iceberg metadata holds absolute paths): writes are refused, reads still work."""


class ExecutorError(JobError):
    """The cluster that runs per-document work (``LAKEHOUSE_EXECUTOR``) could not run it; nothing was
    committed for the documents in flight."""
