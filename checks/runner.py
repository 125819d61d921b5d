"""Run a table's SodaCL checks against one snapshot of it, and keep the outcomes.

:func:`audit` is what the write path calls between writing a snapshot (on the staging branch) and
publishing it to main: it reads the snapshot and every table its checks refer to as Arrow, exposes
them to an in-memory DuckDB under their Soda names (``silver.filings`` -> ``silver_filings``, see
:mod:`checks`), runs the checks with Soda Core, and returns an :class:`AuditReport` whose
``passed`` decides the publish. :func:`record_results` appends the outcomes to
``ops.check_results``; :func:`make_auditor` bundles audit, record and alert for
:func:`jobs.runner.run_job`.

Soda's own exit code (0 pass, 1 warn, 2 fail, 3 error, in 3.5.6) is never used: every check's
outcome is read from the scan results, and a check Soda could not evaluate is an ``error``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import json
import logging
import math
import re
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from catalog.registry import CHECK_RESULTS, TABLES, table_spec
from catalog.store import is_commit_conflict, rows_where
from core.errors import ConfigError

if TYPE_CHECKING:
    from catalog.store import Store
    from core.settings import Settings

logger = logging.getLogger(__name__)

CHECKS_DIR = Path(__file__).resolve().parent
"""Where the SodaCL files live: one ``<namespace>_<table>.yml`` per audited table."""

OUTCOMES = ("pass", "fail", "warn", "error")
FAMILIES = ("schema", "duplicate", "missing", "validity", "range", "reference", "cross_field", "freshness",
            "row_count", "volume")
"""Check families; each check names its family in ``attributes: {family: …}``. ``volume`` checks
compare a write with what it replaces and with the table's history (anomalies): a failure holds the
batch back until a fix or ``--accept-anomaly``."""

SAMPLE_ROWS = 5
"""Failing rows kept per check (Soda queries up to 100; reports and ops.check_results keep these)."""

BASELINE_VIEW = "audit_baseline"
"""One-row view the checks may read: ``main_row_count``, the audited table's row count on main."""
VOLUME_VIEW = "audit_volume"
"""View of row counts per partition value (``part``; ``'*'`` is the whole table): ``staged_rows`` in
the audited snapshot, ``main_rows`` on main (0 when main has none)."""
HISTORY_VIEW = "audit_history"
"""The audited table's earlier outcomes in ops.check_results (``checked_at``, ``run_id``,
``snapshot_id``, ``check_name``, ``outcome``, ``value``), with ``published``: that audit passed."""

_DATA_SOURCE = "lakehouse"
# Soda keeps its logs in a process-wide singleton that every Scan() resets, so two scans at once
# would mix (and clear) each other's errors: scans run one at a time.
_SCAN_LOCK = threading.Lock()


# -- results -------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class CheckResult:
    """The outcome of one check on one snapshot."""

    table: str
    snapshot_id: int | None
    check: str
    outcome: str
    """'pass', 'fail', 'warn' or 'error' (Soda could not evaluate the check)."""
    value: object | None
    """The measured value: failing rows, a count or percent, seconds for freshness, schema
    differences for a schema check; the error message for an error."""
    failed_rows_sample: list[dict]
    """Up to :data:`SAMPLE_ROWS` failing rows; schema differences and freshness details likewise."""
    definition: str
    """The check as written in its SodaCL file."""
    note: str | None = None
    """Why the outcome is what it is beyond the value: the failing share against its limit for a
    row rule, or that a volume anomaly was accepted."""


@dataclasses.dataclass(frozen=True)
class AuditReport:
    """Every check of one table on one snapshot."""

    table: str
    snapshot_id: int | None
    results: tuple[CheckResult, ...]
    run_id: str

    @property
    def passed(self) -> bool:
        """No check failed and none errored (warnings pass)."""
        return not any(r.outcome in ("fail", "error") for r in self.results)

    def counts(self) -> dict[str, int]:
        return {o: sum(r.outcome == o for r in self.results) for o in OUTCOMES}

    def summary(self) -> str:
        """Readable: the table, then every check that did not pass with its value and failing rows."""
        counts = self.counts()
        at = f" @ snapshot {self.snapshot_id}" if self.snapshot_id is not None else ""
        verdict = "passed" if self.passed else "FAILED"
        head = (f"{self.table}{at}: audit {verdict} ({len(self.results)} checks: "
                + ", ".join(f"{n} {o}" for o, n in counts.items() if n) + f"; run {self.run_id})")
        if not self.results:
            head = f"{self.table}{at}: no checks defined (checks/{view_name(self.table)}.yml); passed"
        lines = [head]
        for r in self.results:
            if r.outcome == "pass":
                continue
            note = f" ({r.note})" if r.note else ""
            lines.append(f"  {r.outcome.upper():<5} {r.check}: value {_format_value(r.value)}{note}")
            if r.outcome == "warn":
                continue  # warnings are unusual rows, published with their issues; samples are in ops.check_results
            for row in r.failed_rows_sample:
                lines.append("        " + _format_row(row))
        return "\n".join(lines)

    @property
    def anomalies(self) -> tuple[CheckResult, ...]:
        """Failed volume checks: the batch is unusual against history, not malformed."""
        families = {d.name: d.family for d in check_definitions(self.table)}
        return tuple(r for r in self.results if r.outcome == "fail" and families.get(r.check) == "volume")

    def advice(self) -> str:
        """What to do about a failed audit, in one paragraph."""
        if not self.passed and len(self.anomalies) == sum(r.outcome in ("fail", "error") for r in self.results):
            return ("Only volume checks failed: the batch is unusual against this table's history (e.g. a "
                    "year's index shrank). If the source really changed, publish it with --accept-anomaly "
                    "(lakehouse transform … / pipeline run); otherwise fix the source and re-run.")
        return ("Fix the cause (the failing rows are listed above and kept on the staging branch) and "
                "re-run; rows that are merely unusual never fail a check, only systemic problems do.")


def _format_value(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    return text if len(text) <= 300 else text[:297] + "..."


def _format_row(row: Mapping[str, Any], width: int = 160) -> str:
    text = ", ".join(f"{k}={v}" for k, v in row.items())
    return text if len(text) <= width else text[: width - 3] + "..."


# -- check files ---------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class CheckDefinition:
    """One check as declared in a SodaCL file."""

    table: str
    name: str
    family: str
    definition: str
    row_issue: str | None = None
    """For a row rule (a ``failed rows`` check with a ``fail condition``): the code written into
    the ``quality_issues`` of every row that fails it."""
    condition: str | None = None
    """The row rule's SQL condition (true for a failing row)."""
    max_share: float | None = None
    """For a row rule: the largest share of failing rows in any one partition (e.g. one year) that
    is still unusual rows rather than a systemic failure; above it the check fails."""


@dataclasses.dataclass(frozen=True)
class RowRule:
    """A row-level rule: rows failing it are published, each carrying ``code`` in ``quality_issues``."""

    code: str
    check: str
    condition: str
    max_share: float


def view_name(table: str) -> str:
    """Soda/DuckDB name of a table: ``silver.filings`` -> ``silver_filings``."""
    return table.replace(".", "_")


def checks_path(table: str) -> Path:
    """The SodaCL file of ``table``'s business rules."""
    return CHECKS_DIR / f"{view_name(table)}.yml"


def audited_tables() -> list[str]:
    """Registered tables that have a checks file, in registry order."""
    return [s.identifier for s in TABLES if checks_path(s.identifier).is_file()]


@functools.cache
def _load(table: str) -> tuple[str, tuple[CheckDefinition, ...], frozenset[str]]:
    """(file text, its checks, other tables it reads); raises ConfigError for a malformed file."""
    import yaml

    path = checks_path(table)
    key = f"checks for {view_name(table)}"
    text = _with_schema_check(table, path, path.read_text(encoding="utf-8"), key)
    try:
        doc = yaml.safe_load(text) or {}
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path} is not valid YAML: {exc}") from None
    if not isinstance(doc, dict) or set(doc) != {key} or not isinstance(doc[key], list):
        raise ConfigError(f"{path} must hold exactly one list, '{key}:'")
    lines = text.splitlines()
    definitions = []
    for item, node in zip(doc[key], root.value[0][1].value, strict=True):
        (header, config), = item.items() if isinstance(item, dict) else ((item, None),)
        config = config or {}
        name = config.get("name")
        family = (config.get("attributes") or {}).get("family")
        if not name or family not in FAMILIES:
            raise ConfigError(
                f"{path}: check {header!r} needs a 'name:' and 'attributes: {{family: …}}' with one of "
                f"{', '.join(FAMILIES)}"
            )
        attributes = config.get("attributes") or {}
        row_issue, share = attributes.get("row_issue"), attributes.get("max_share")
        condition = config.get("fail condition")
        if (row_issue is not None) != (share is not None) or (row_issue is not None and not condition):
            raise ConfigError(
                f"{path}: check {name!r}: a row rule needs all of 'fail condition:', 'row_issue:' and "
                "'max_share:' (the code failing rows carry, and the share of a partition above which "
                "the failure is systemic)"
            )
        definitions.append(CheckDefinition(table, name, family, _source(lines, node), row_issue,
                                           condition, None if share is None else _share(path, name, share)))
    names = [d.name for d in definitions]
    if len(set(names)) != len(names):
        dupes = sorted({n for n in names if names.count(n) > 1})
        raise ConfigError(f"{path}: check names must be unique; repeated: {dupes}")
    views = {view_name(s.identifier): s.identifier for s in TABLES}
    words = re.findall(r"\b((?:bronze|silver|gold|ops)_[a-z0-9_]+)\b", text)
    referenced = {views[w] for w in words if w in views}
    return text, tuple(definitions), frozenset(referenced - {table})


#: How the audit's DuckDB names each registry type, as Soda's schema check compares them.
SODA_TYPES = {"string": "varchar", "int": "integer", "long": "bigint", "date": "date", "boolean": "boolean",
              "double": "double", "timestamptz": "timestamp", "list<string>": "varchar[]"}
SCHEMA_CHECK = "required columns have their registry types"


def schema_check(table: str) -> str:
    """The SodaCL schema check of ``table``, generated from the registry: every column it declares
    (bytes excepted: audits never load them) must be there with its type. Files keep only the
    business rules, so a registry change never leaves a stale copy of the schema behind."""
    columns = [c for c in table_spec(table).columns if not c.is_binary]
    types = "\n".join(f"          {c.name}: {SODA_TYPES[str(c.type)]}" for c in columns)
    return (f"  - schema:\n      name: {SCHEMA_CHECK}\n      attributes: {{family: schema}}\n      fail:\n"
            f"        when required column missing: [{', '.join(c.name for c in columns)}]\n"
            f"        when wrong column type:\n{types}\n")


def _with_schema_check(table: str, path: Path, text: str, key: str) -> str:
    """The file's checks with the generated schema check first."""
    if re.search(r"^\s*-\s*schema\s*:", text, re.MULTILINE):
        raise ConfigError(f"{path}: remove its 'schema:' check; schema checks are generated from the registry "
                          "(catalog/registry.py), the file keeps only business rules")
    head, found, body = text.partition(f"{key}:\n")
    if not found:
        return text  # malformed: _load reports it
    return head + found + schema_check(table) + body


def _share(path: Path, check: str, value: object) -> float:
    """'2%' or 0.02 -> 0.02."""
    text = str(value).strip()
    try:
        share = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        share = -1.0
    if not 0 <= share <= 1:
        raise ConfigError(f"{path}: check {check!r}: max_share {value!r} is not a share (e.g. 2% or 0.02)")
    return share


def row_rules(table: str) -> tuple[RowRule, ...]:
    """The row rules of ``table``'s checks: what :func:`tag_rows` writes into ``quality_issues``."""
    return tuple(RowRule(d.row_issue, d.name, d.condition, d.max_share)
                 for d in check_definitions(table) if d.row_issue is not None)


def tag_rows_sql(table: str, relation: str, columns: Sequence[str]) -> str | None:
    """SQL selecting ``relation`` (a table or subquery) with ``quality_issues`` set from the row rules.

    Issues a transform already put in ``quality_issues`` are kept (first). None when ``table`` has
    no row rules.
    """
    rules = row_rules(table)
    if not rules:
        return None
    cases = ", ".join(f"case when ({r.condition}) then '{r.code}' end" for r in rules)
    tagged = f"list_filter([{cases}], code -> code is not null)"
    if "quality_issues" in columns:
        value = f"list_concat(coalesce(quality_issues, []::varchar[]), {tagged})"
        return f"select * replace ({value} as quality_issues) from {relation}"
    return f"select *, {tagged} as quality_issues from {relation}"


def _source(lines: list[str], node) -> str:
    """The text of one list item as written (comments kept), starting at its '- '."""
    start, end = node.start_mark.line, node.end_mark.line
    if end < len(lines) and lines[end][: node.end_mark.column].strip():
        end += 1  # the item ends inside this line, not at the start of the next item
    block = lines[start:end]
    while block and (not block[-1].strip() or block[-1].lstrip().startswith("#")):
        block.pop()  # comments and blank lines before the next item belong to it, not to this one
    indent = node.start_mark.column - 2
    return "\n".join(line[indent:] for line in block)


def _sodacl(table: str, definitions: Sequence[CheckDefinition]) -> str:
    """A SodaCL document holding just ``definitions``."""
    checks = "\n".join("  " + line for d in definitions for line in d.definition.splitlines())
    return f"checks for {view_name(table)}:\n{checks}\n"


def check_definitions(table: str) -> tuple[CheckDefinition, ...]:
    """The checks of ``table`` in file order (empty when it has no checks file)."""
    return _load(table)[1] if checks_path(table).is_file() else ()


def referenced_tables(table: str) -> frozenset[str]:
    """Other tables the checks of ``table`` read (reference checks, cross-table queries)."""
    return _load(table)[2] if checks_path(table).is_file() else frozenset()


# -- running -------------------------------------------------------------------------------------


def audit(store: Store, table: str, snapshot_id: int, *, run_id: str,
          tables_at: Mapping[str, int] | None = None, accept_anomaly: bool = False) -> AuditReport:
    """Run the checks of ``table`` against its data at ``snapshot_id`` (main or a staging branch).

    Tables the checks refer to are read at ``tables_at[name]`` when given (e.g. the input snapshots
    a job computed from, or a sibling's staged snapshot), else at their current main snapshot.
    ``accept_anomaly`` turns failed volume checks into warnings (the operator vouches for the batch).

    Returns:
        The report; a table without a checks file yields no results (and passes).
    """
    if not checks_path(table).is_file():
        return AuditReport(table, snapshot_id, (), run_id)
    tables_at = dict(tables_at or {})
    started = time.perf_counter()
    data = {table: _read(store, table, snapshot_id)}
    for other in sorted(referenced_tables(table)):
        data[other] = _read(store, other, tables_at.get(other, store.current_snapshot_id(other)))
    text = _load(table)[0]
    partitions = _main_partition_rows(store, table) if VOLUME_VIEW in text else None
    history = _history(store, table) if HISTORY_VIEW in text else None
    read_s = time.perf_counter() - started
    results = run_checks(table, data, snapshot_id=snapshot_id, main_row_count=store.row_count(table),
                         main_partition_rows=partitions, history=history, accept_anomaly=accept_anomaly)
    logger.info("audit %s@%s: %d checks in %.2fs (read %.2fs)", table, snapshot_id, len(results),
                time.perf_counter() - started, read_s)
    return AuditReport(table, snapshot_id, results, run_id)


def _main_partition_rows(store: Store, table: str) -> dict[str, int]:
    """Rows per partition value of ``table`` on main (what a write would replace)."""
    part = _partition_column(table)
    if part is None or store.current_snapshot_id(table) is None:
        return {}
    import pyarrow.compute as pc

    values = store.read(table, columns=[part]).column(part)
    counts = pc.value_counts(values)
    return {str(v["values"]): int(v["counts"]) for v in counts.to_pylist()}


def _history(store: Store, table: str) -> pa.Table:
    """Earlier outcomes of ``table``'s checks, each marked ``published`` when its audit passed."""
    import duckdb

    if not store.catalog.table_exists(CHECK_RESULTS.identifier) or \
            store.current_snapshot_id(CHECK_RESULTS.identifier) is None:
        return HISTORY_SCHEMA.empty_table()
    rows = store.read(CHECK_RESULTS.identifier, row_filter=rows_where(table_name=table),
                      columns=["checked_at", "run_id", "snapshot_id", "check_name", "outcome", "value"])
    con = duckdb.connect(":memory:")
    try:
        con.register("r", rows)
        result = con.execute(
            "select timezone('UTC', checked_at) as checked_at, run_id, snapshot_id, check_name, outcome, value, "
            "not bool_or(outcome in ('fail', 'error')) over (partition by run_id, snapshot_id) as published "
            "from r"
        ).to_arrow_table()
    finally:
        con.close()
    return result.cast(HISTORY_SCHEMA)


def _read(store: Store, table: str, snapshot_id: int | None) -> pa.Table:
    # PDF bytes (bronze.house_documents.content) are never checked; don't load them. A registry
    # column the table lacks (not evolved yet) is left out: the schema check reports it.
    present = set(store.table(table).schema().column_names)
    columns = [c.name for c in table_spec(table).columns
               if not c.is_binary and c.name in present]
    if snapshot_id is None:
        return store.read(table, columns=columns)
    return store.read(table, snapshot_id=snapshot_id, columns=columns)


def run_checks(
    table: str,
    data: Mapping[str, pa.Table],
    *,
    snapshot_id: int | None = None,
    main_row_count: int | None = None,
    only: Sequence[str] | None = None,
    main_partition_rows: Mapping[str, int] | None = None,
    history: pa.Table | None = None,
    accept_anomaly: bool = False,
) -> tuple[CheckResult, ...]:
    """Run the checks of ``table`` on Arrow data, no catalog needed (tests feed data directly).

    Args:
        data: ``table`` and every table its checks refer to (missing ones are empty).
        main_row_count: rows of ``table`` on main, for the row-count-drop checks.
        only: run just these checks (by name); default all.
        main_partition_rows: rows on main per partition value (as text), for ``audit_volume``.
        history: earlier outcomes of ``table`` (:data:`HISTORY_SCHEMA`), for ``audit_history``.
        accept_anomaly: failed volume checks only warn (the operator accepted the batch).
    """
    definitions = check_definitions(table)
    sodacl = _load(table)[0]
    if only is not None:
        unknown = sorted(set(only) - {d.name for d in definitions})
        if unknown:
            raise ConfigError(f"{table} has no checks named {unknown}")
        definitions = tuple(d for d in definitions if d.name in set(only))
        sodacl = _sodacl(table, definitions)
    if not definitions:
        return ()
    import duckdb

    con = duckdb.connect(":memory:")
    try:
        needed = {table, *referenced_tables(table)}
        for name in sorted(needed):
            arrow = data.get(name)
            if arrow is None:
                arrow = table_spec(name).arrow_schema().empty_table()
            _expose(con, name, arrow)
        baseline = "null" if main_row_count is None else str(int(main_row_count))
        con.execute(f"create view {BASELINE_VIEW} as select {baseline}::bigint as main_row_count")
        if VOLUME_VIEW in sodacl:
            _expose_volume(con, table, data.get(table), main_row_count, main_partition_rows)
        if HISTORY_VIEW in sodacl:
            con.register(HISTORY_VIEW, history if history is not None else HISTORY_SCHEMA.empty_table())
        raw, errors, samples = _scan(con, sodacl)
        shares = {d.name: _worst_share(con, table, d) for d in definitions if d.row_issue is not None}
    finally:
        con.close()
    results = []
    for d in definitions:
        r = _result(table, snapshot_id, d, raw.get(d.name), errors, samples.get(d.name, []))
        if d.row_issue is not None and r.outcome in ("pass", "fail", "warn"):
            r = _judge_share(r, d, shares[d.name])
        elif d.family == "volume" and r.outcome == "fail" and accept_anomaly:
            r = dataclasses.replace(r, outcome="warn", note="anomaly accepted (--accept-anomaly)")
        results.append(r)
    return tuple(results)


HISTORY_SCHEMA = pa.schema([
    ("checked_at", pa.timestamp("us")), ("run_id", pa.string()), ("snapshot_id", pa.int64()),
    ("check_name", pa.string()), ("outcome", pa.string()), ("value", pa.float64()), ("published", pa.bool_()),
])
"""Columns of the ``audit_history`` view."""


def _partition_column(table: str) -> str | None:
    spec = table_spec(table)
    return spec.partition_by[0] if spec.partition_by else None


def _expose_volume(con, table: str, staged: pa.Table | None, main_row_count: int | None,
                   main_partition_rows: Mapping[str, int] | None) -> None:
    """``audit_volume``: staged vs main row counts per partition value and in total ('*')."""
    part = _partition_column(table)
    if staged is None or part not in staged.column_names:
        part = None
    view = view_name(table)
    main = {"*": int(main_row_count or 0), **{str(k): int(v) for k, v in (main_partition_rows or {}).items()}}
    con.register("_main_volume", pa.table({"part": list(main), "main_rows": list(main.values())},
                                          schema=pa.schema([("part", pa.string()), ("main_rows", pa.int64())])))
    staged = (f"select cast(\"{part}\" as varchar) as part, count(*) as staged_rows from {view} group by 1 "
              "union all " if part else "")
    staged += f"select '*' as part, count(*) as staged_rows from {view}"
    con.execute(
        f"create view {VOLUME_VIEW} as select coalesce(s.part, m.part) as part, "
        "coalesce(s.staged_rows, 0)::bigint as staged_rows, coalesce(m.main_rows, 0)::bigint as main_rows "
        f"from ({staged}) s full outer join _main_volume m on s.part = m.part"
    )


MIN_PARTITION_ROWS = 100
"""A share is judged only over at least this many rows: one odd row of a 5-row partition is 20% and
says nothing systemic. Smaller partitions are judged with the whole table; a smaller table only warns."""


def _worst_share(con, table: str, definition: CheckDefinition) -> tuple[str | None, int, int]:
    """(partition, failing rows, rows) where the row rule fails most often: the worst partition of
    at least :data:`MIN_PARTITION_ROWS` rows, else the whole table (partition None)."""
    part = _partition_column(table)
    key = f'cast("{part}" as varchar)' if part else "'*'"
    try:
        rows = con.execute(
            f"select {key} as part, count(*) filter (where ({definition.condition})) as failing, count(*) as total "
            f"from {view_name(table)} group by 1"
        ).fetchall()
    except Exception as exc:  # noqa: BLE001 - Soda reports the same broken condition as an error
        logger.debug("row rule %r could not be measured: %s", definition.name, exc)
        return None, 0, 0
    whole = (None, sum(int(r[1]) for r in rows), sum(int(r[2]) for r in rows))
    big = [(p, int(f), int(t)) for p, f, t in rows if part and t >= MIN_PARTITION_ROWS]
    return max([*big, whole], key=lambda r: (r[1] / r[2] if r[2] >= MIN_PARTITION_ROWS else 0.0, r[1]))


def _judge_share(result: CheckResult, definition: CheckDefinition, worst: tuple[str | None, int, int]) -> CheckResult:
    """A row rule fails only when a partition's failing share passes its limit; below, it warns."""
    part, failing, total = worst
    if not failing and not result.value:
        return dataclasses.replace(result, outcome="pass", failed_rows_sample=[])
    share = failing / total if total else 0.0
    where = f"{_partition_column(definition.table)} {part}" if part is not None else "the table"
    limit = definition.max_share
    systemic = share > limit and total >= MIN_PARTITION_ROWS
    note = (f"worst {where}: {failing:,} of {total:,} rows = {share:.2%}, limit {limit:.2%}; "
            + ("systemic" if systemic else f"rows carry '{definition.row_issue}' in quality_issues"))
    return dataclasses.replace(result, outcome="fail" if systemic else "warn", note=note)


def _expose(con, table: str, arrow: pa.Table) -> None:
    """Register ``arrow`` and a view named as Soda sees it.

    Timestamps with a time zone become naive UTC in the view: fetching a TIMESTAMPTZ into Python
    makes DuckDB import pytz, which this stack does not install, and Soda's failed-row samples and
    freshness checks fetch them.
    """
    raw = f"arrow_{view_name(table)}"
    con.register(raw, arrow)
    converted = [f.name for f in arrow.schema if pa.types.is_timestamp(f.type) and f.type.tz is not None]
    replace = ", ".join(f"timezone('UTC', \"{c}\") as \"{c}\"" for c in converted)
    select = f"select * replace ({replace})" if replace else "select *"
    con.execute(f"create view {view_name(table)} as {select} from {raw}")


class _SodaConnection:
    """The DuckDB connection as Soda uses it.

    After a failed query Soda calls ``rollback()``, which DuckDB refuses when no transaction is
    open; the exception would escape from a generator's cleanup as an "unraisable" error.
    """

    def __init__(self, con) -> None:
        self._con = con

    def __getattr__(self, name: str):
        return getattr(self._con, name)

    def rollback(self) -> None:
        import duckdb

        with contextlib.suppress(duckdb.TransactionException):
            self._con.rollback()


def _scan(con, sodacl: str) -> tuple[dict[str, dict], list[str], dict[str, list[dict]]]:
    """Run one Soda scan; returns (check results by name, error messages, failing rows by name)."""
    Scan, sampler = _soda()
    # No warning filter here: Soda 3.5.6 on this stack emits none (the unit tests run with -W error).
    with _SCAN_LOCK:
        # Soda logs every problem itself (at ERROR); our results carry the same message per check,
        # so its log only shows at DEBUG, where operators debugging a check want it.
        soda_level = logging.DEBUG if logger.isEnabledFor(logging.DEBUG) else logging.CRITICAL
        logging.getLogger("soda").setLevel(soda_level)
        scan = Scan()
        scan.set_scan_definition_name("lakehouse-audit")
        scan.set_data_source_name(_DATA_SOURCE)
        scan.add_duckdb_connection(_SodaConnection(con), data_source_name=_DATA_SOURCE)
        scan.add_sodacl_yaml_str(sodacl)
        scan.sampler = sampler()
        scan.execute()  # its return code is not used: outcomes are read per check below
        results = scan.get_scan_results()
        logs = results.get("logs", [])
        errors = [log["message"] for log in logs if str(log.get("level")).upper() == "ERROR"]
        return {c["name"]: c for c in results.get("checks", [])}, errors, scan.sampler.samples


@functools.lru_cache(maxsize=1)
def _soda():
    """Import Soda Core with its anonymous usage telemetry off.

    On import Soda reads ~/.soda/config.yml (and writes one, telemetry on, when none exists), then
    sends OpenTelemetry traces to collect.soda.io. An open-data pipeline must not phone home from
    every user's machine, nor write to their home directory: give Soda our own settings first.
    """
    from soda.common.config_helper import ConfigHelper

    ConfigHelper.get_instance(str(CHECKS_DIR / "soda_config.yml"))
    if ConfigHelper.get_instance().send_anonymous_usage_stats:
        logger.warning("Soda usage telemetry is on (Soda was configured before checks.runner loaded it)")
    from soda.sampler.sample_ref import SampleRef
    from soda.sampler.sampler import Sampler
    from soda.scan import Scan

    class RowSampler(Sampler):
        """Keeps the first failing rows of each check in memory instead of sending them anywhere."""

        def __init__(self) -> None:
            self.samples: dict[str, list[dict]] = {}

        def store_sample(self, sample_context) -> SampleRef:
            sample = sample_context.sample
            schema = sample.get_schema()
            names = [c.name for c in schema.columns]
            rows = [dict(zip(names, row, strict=False)) for row in sample.get_rows()[:SAMPLE_ROWS]]
            self.samples.setdefault(sample_context.check_name, rows)
            total = sample.get_rows_count()
            return SampleRef(name=sample_context.sample_name, schema=schema, total_row_count=total,
                             stored_row_count=len(rows), type=SampleRef.TYPE_NOT_PERSISTED,
                             message="kept in memory by checks.runner")

    return Scan, RowSampler


def _result(table: str, snapshot_id: int | None, definition: CheckDefinition, raw: dict | None,
            errors: Sequence[str], sample: list[dict]) -> CheckResult:
    def result(outcome: str, value: object, rows: list[dict]) -> CheckResult:
        return CheckResult(table, snapshot_id, definition.name, outcome, value, [_plain(r) for r in rows],
                           definition.definition)

    if raw is None or raw.get("outcome") not in ("pass", "fail", "warn"):
        # Soda names a check by its first line in its own messages; a failed query names no check.
        header = definition.definition.splitlines()[0].removeprefix("- ").rstrip(":")
        mine = [e for e in errors if header in e]
        queries = [e for e in errors if e.startswith("Query execution error")]
        chosen = (queries[:1] + mine[:1]) or list(errors[:2])
        reason = "; ".join(e.splitlines()[0] for e in chosen) if chosen else "not evaluated"
        return result("error", f"Soda could not evaluate the check: {reason}", [])
    outcome = raw["outcome"]
    diagnostics = raw.get("diagnostics") or {}
    if definition.family == "schema":
        rows = [{"column": c, "problem": "missing"} for c in diagnostics.get("missing_column_names") or []]
        rows += [{"column": c, "problem": "wrong type", "expected": m.get("expected_type"),
                  "actual": m.get("actual_type")}
                 for c, m in (diagnostics.get("column_type_mismatches") or {}).items()]
        return result(outcome, len(rows), rows if outcome != "pass" else [])
    value = diagnostics.get("value")
    if definition.family == "freshness" and not diagnostics.get("maxColumnTimestamp"):
        # No rows, so no age. Soda 3.5.6 fails such a check even when it only has a warn threshold;
        # ours warn (the row-count checks say whether an empty table is acceptable).
        outcome = "warn" if outcome == "fail" and "fail:" not in definition.definition else outcome
        return result(outcome, None, [{"max": None, "age": "no rows to measure"}])
    if definition.family == "freshness" and "maxColumnTimestampUtc" in diagnostics:
        # Soda measures freshness in milliseconds; seconds read better and trend the same.
        value = round(value / 1000, 3) if isinstance(value, int | float) else value
        detail = {"max": diagnostics.get("maxColumnTimestampUtc"), "now": diagnostics.get("nowTimestampUtc"),
                  "age": diagnostics.get("freshness")}
        return result(outcome, value, [detail] if outcome != "pass" else [])
    return result(outcome, value, sample if outcome != "pass" else [])


def _plain(row: Mapping[str, Any]) -> dict:
    """A JSON-friendly copy of a failing row: dates as ISO text, bytes summarised."""
    out = {}
    for key, value in row.items():
        if isinstance(value, dt.date | dt.datetime | dt.time):
            value = value.isoformat()
        elif isinstance(value, bytes):
            value = f"<{len(value)} bytes>"
        elif isinstance(value, float) and not math.isfinite(value):
            value = str(value)
        elif not isinstance(value, str | int | float | bool | type(None)):
            value = str(value)
        out[str(key)] = value
    return out


# -- history and the write path ------------------------------------------------------------------


def record_results(store: Store, report: AuditReport) -> None:
    """Append the report's outcomes to ``ops.check_results`` (one row per check)."""
    if not report.results:
        return
    if not store.catalog.table_exists(CHECK_RESULTS.identifier):
        store.init_tables((CHECK_RESULTS,))
    families = {d.name: d.family for d in check_definitions(report.table)}
    now = dt.datetime.now(dt.UTC)
    rows = [
        dict(checked_at=now, run_id=report.run_id, table_name=r.table, snapshot_id=r.snapshot_id,
             check_name=r.check, family=families.get(r.check), outcome=r.outcome, value=_number(r.value),
             value_text=None if r.value is None else str(r.value) + (f" ({r.note})" if r.note else ""),
             failed_rows_sample=_json(r.failed_rows_sample) if r.failed_rows_sample else None,
             definition=r.definition)
        for r in report.results
    ]
    data = pa.Table.from_pylist(rows, CHECK_RESULTS.arrow_schema())
    for attempt in range(1, 6):
        try:
            store.append(CHECK_RESULTS.identifier, data, {"lakehouse.run-id": report.run_id})
            return
        except Exception as exc:  # another audit appended first; append again on fresh metadata
            if not is_commit_conflict(exc) or attempt == 5:
                raise
            time.sleep(0.05 * attempt)


def _json(rows: list[dict]) -> str:
    return json.dumps(rows, default=str, ensure_ascii=False)


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def make_auditor(store: Store, settings: Settings, *, run_id: str,
                 on_report: Callable[[AuditReport], None] | None = None, accept_anomaly: bool = False):
    """The ``auditor`` for :func:`jobs.runner.run_job`: audit, record in ops.check_results, alert.

    An alert goes out when the audit does not pass; the runner then refuses to publish.
    """

    def auditor(table: str, snapshot_id: int, tables_at: Mapping[str, int]) -> AuditReport:
        report = audit(store, table, snapshot_id, run_id=run_id, tables_at=tables_at,
                       accept_anomaly=accept_anomaly)
        try:
            record_results(store, report)
        except Exception:  # the history must never hide the verdict itself
            logger.exception("could not record the audit of %s@%s in %s", table, snapshot_id,
                             CHECK_RESULTS.identifier)
        if not report.passed:
            from checks.alerts import send_alert

            send_alert(settings, report)
        if on_report is not None:
            on_report(report)
        return report

    return auditor


def audit_current(store: Store, tables: Sequence[str] | None = None, *, snapshot_id: int | None = None,
                  run_id: str | None = None) -> Iterator[AuditReport]:
    """Audit each table (default: every table with checks) at ``snapshot_id`` or its current snapshot.

    Tables that do not exist or have no snapshot yet are skipped. Yields one report per table, in
    registry order.

    Raises:
        ConfigError: a table has no checks file, or ``snapshot_id`` is given for several tables.
    """
    run_id = run_id or uuid.uuid4().hex[:12]
    names = list(tables) if tables else audited_tables()
    unknown = [t for t in names if not checks_path(t).is_file()]
    if unknown:
        raise ConfigError(
            f"No checks for {', '.join(unknown)}. Tables with checks: {', '.join(audited_tables())}."
        )
    if snapshot_id is not None and len(names) != 1:
        raise ConfigError("A snapshot id belongs to one table: give exactly one --table with --snapshot.")
    for name in names:
        sid = snapshot_id
        if sid is None:
            if not store.catalog.table_exists(name):
                logger.info("%s does not exist yet (lakehouse init); nothing to check", name)
                continue
            sid = store.current_snapshot_id(name)
            if sid is None:
                logger.info("%s has no snapshot yet; nothing to check", name)
                continue
        else:
            from core.asof import AsOf

            store.resolve(name, AsOf(snapshot_id=sid))  # a clear error for an unknown snapshot id
        yield audit(store, name, sid, run_id=run_id)
