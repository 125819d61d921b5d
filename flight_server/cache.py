"""Warm state of the Flight server: which snapshot is current, and each snapshot's data.

Freshness is exact, not a TTL: a query asks "what is the current snapshot of gold.t?" and gets an
answer read from the catalog *after* it asked, so a snapshot published before a query starts is
always seen. Concurrent queries share one catalog read (:class:`FreshValue`), so 32 clients cost
one read per table per round trip, not 32.

The data of a (table, snapshot) is immutable, so a warm copy keyed by snapshot id is never stale.
When the server sees that a table has a new current snapshot, the copies of its other snapshots are
dropped as soon as no running query uses them: that is the invalidation, exactly at publication.
Snapshots too big for the cache budget are never copied; each query streams them from the
table's files (:meth:`catalog.store.Store.read_batches`). Results of named queries are kept too
(:class:`ResultCache`), by the snapshot ids they read, so they are exact for the same reason.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import pyarrow as pa

from catalog.store import Store
from core.errors import NoSuchSnapshotError
from flight_server.policy import CACHE_SCHEMA, SERVED_SCHEMA, Relation
from flight_server.sandbox import Engine

logger = logging.getLogger(__name__)

T = TypeVar("T")


class FreshValue(Generic[T]):
    """A value whose every read reflects the source as of a moment after the read began.

    ``get()`` joins the next load to *start*: a load already running may have read the source
    before the caller arrived, so the caller waits for the one after it. One load runs at a time.
    """

    def __init__(self, load: Callable[[], T]) -> None:
        self._load = load
        self._cond = threading.Condition()
        self._started = 0
        self._done = 0
        self._running = False
        self._value: T | None = None
        self._error: BaseException | None = None

    def get(self) -> T:
        with self._cond:
            need = self._started + 1
            while self._done < need:
                if not self._running:
                    self._running = True
                    self._started += 1
                    mine = self._started
                    break
                self._cond.wait()
            else:
                return self._result()
        value: T | None = None
        error: BaseException | None = None
        try:
            value = self._load()
        except BaseException as exc:  # handed to every waiter of this load, then re-raised
            error = exc
        with self._cond:
            self._value, self._error, self._done, self._running = value, error, mine, False
            self._cond.notify_all()
            return self._result()

    def _result(self) -> T:
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[return-value]


class SnapshotTracker:
    """The served tables and their current snapshots, read fresh per query, shared across queries.

    Args:
        on_new_snapshot: called with (table, snapshot id) when a table's current snapshot changes.
    """

    def __init__(self, store: Store, on_new_snapshot: Callable[[str, int | None], None]) -> None:
        self._store = store
        self._on_new_snapshot = on_new_snapshot
        self._lock = threading.Lock()
        self._current: dict[str, FreshValue[int | None]] = {}
        self._seen: dict[str, int | None] = {}
        self._tables = FreshValue(self._list_tables)
        self._all = FreshValue(lambda: self._store.current_snapshot_ids(SERVED_SCHEMA))
        self._known: frozenset[str] | None = None

    def _list_tables(self) -> frozenset[str]:
        return frozenset(t for t in self._store.list_tables() if t.split(".", 1)[0] == SERVED_SCHEMA)

    def tables(self, *, fresh: bool = True) -> list[str]:
        """Served table names, sorted (``fresh=False`` may answer from the last listing)."""
        if fresh or self._known is None:
            self._known = self._tables.get()
        return sorted(self._known)

    def is_served(self, table: str) -> bool:
        """True if ``table`` exists; lists the catalog again only when the name is unknown."""
        if self._known is not None and table in self._known:
            return True
        return table in self.tables()

    def current(self, tables: list[str]) -> dict[str, int | None]:
        """The current snapshot id of each of ``tables``, read after the call began.

        A SQL catalog answers all served tables in one read (shared by concurrent callers); other
        catalogs are asked table by table.
        """
        ids = self._all.get()
        if ids is None or any(t not in ids for t in tables):  # not a SQL catalog, or a table just dropped
            ids = {t: self._current_one(t) for t in tables}
        for table in tables:
            self._note(table, ids[table])
        return {t: ids[t] for t in tables}

    def _current_one(self, table: str) -> int | None:
        with self._lock:
            fresh = self._current.get(table)
            if fresh is None:
                fresh = self._current[table] = FreshValue(lambda: self._store.current_snapshot_id(table))
        return fresh.get()

    def _note(self, table: str, snapshot_id: int | None) -> None:
        with self._lock:
            changed = table in self._seen and self._seen[table] != snapshot_id
            self._seen[table] = snapshot_id
        if changed:
            logger.info("%s: new current snapshot %s", table, snapshot_id)
            self._on_new_snapshot(table, snapshot_id)


@dataclasses.dataclass
class _Entry:
    table: str
    snapshot_id: int
    name: str
    ready: threading.Event = dataclasses.field(default_factory=threading.Event)
    error: BaseException | None = None
    streamed: bool = False
    nbytes: int = 0
    pins: int = 0
    doomed: bool = False


class Lease:
    """One query's hold on a (table, snapshot): where to read it, until :meth:`release`."""

    def __init__(
        self, relation: Relation, registration: Callable[[], Any] | None, release: Callable[[], None]
    ) -> None:
        self.relation = relation
        self.registration = registration
        """For data registered on the query's own cursor (streamed or empty); None when warm."""
        self._release = release
        self._released = False

    def release(self) -> None:
        if not self._released:
            self._released = True
            self._release()


class WarmCache:
    """(table, snapshot) data kept in the sandbox as DuckDB tables, within a byte budget."""

    def __init__(self, engine: Engine, store: Store, budget_bytes: int) -> None:
        self._engine = engine
        self._store = store
        self._budget = budget_bytes
        self._lock = threading.Lock()
        self._entries: OrderedDict[tuple[str, int], _Entry] = OrderedDict()
        self._bytes = 0
        self._generation = 0
        self.hits = 0
        self.loads = 0
        self.drops = 0

    def lease(self, table: str, snapshot_id: int | None, temp_name: str) -> Lease:
        """Hold the data of ``table`` at ``snapshot_id`` (None: the table had no data then).

        Args:
            temp_name: the name to register per-query data under, when it is not kept warm.

        Raises:
            NoSuchSnapshotError: ``snapshot_id`` is not a snapshot of ``table``.
        """
        if snapshot_id is None:
            schema = self._store.schema_at(table, None)
            return Lease(Relation("", temp_name), schema.empty_table, lambda: None)
        key = (table, snapshot_id)
        with self._lock:
            entry = self._entries.get(key)
            loader = entry is None or entry.doomed
            if loader:
                # A doomed copy of the same snapshot may still be in use: the new one needs its own name.
                self._generation += 1
                entry = _Entry(table, snapshot_id, f"{table}@{snapshot_id}#{self._generation}")
                self._entries[key] = entry
            else:
                self.hits += 1
            assert entry is not None
            entry.pins += 1
            self._entries.move_to_end(key)
        if loader:
            self._load(entry)
        entry.ready.wait()
        if entry.error is not None:
            self._unpin(entry)
            raise entry.error
        if entry.streamed:
            return Lease(
                Relation("", temp_name),
                lambda: self._store.read_batches(table, snapshot_id=snapshot_id),
                lambda: self._unpin(entry),
            )
        return Lease(Relation(CACHE_SCHEMA, entry.name), None, lambda: self._unpin(entry))

    def superseded(self, table: str, current: int | None) -> None:
        """``table`` has a new current snapshot: drop its other copies once no query uses them."""
        with self._lock:
            doomed = [e for (t, sid), e in self._entries.items() if t == table and sid != current]
            for entry in doomed:
                entry.doomed = True
            idle = [self._forget(e) for e in doomed if e.pins == 0 and e.ready.is_set()]
        for entry in idle:
            self._drop(entry)

    def stats(self) -> dict[str, int]:
        with self._lock:
            warm = [e for e in self._entries.values() if e.ready.is_set() and not e.streamed and not e.error]
            return {
                "entries": len(warm),
                "bytes": self._bytes,
                "hits": self.hits,
                "loads": self.loads,
                "drops": self.drops,
            }

    def _load(self, entry: _Entry) -> None:
        try:
            rows = self._store.row_count_at(entry.table, entry.snapshot_id)
            if rows < 0:
                raise NoSuchSnapshotError(
                    f"{entry.table} has no snapshot {entry.snapshot_id}. List them with "
                    f"`lakehouse snapshots {entry.table}`."
                )
            estimate = rows * _row_width(self._store.schema_at(entry.table, entry.snapshot_id))
            if estimate > self._budget // 2:
                entry.streamed = True
                logger.info(
                    "%s: %s rows (~%d MB) exceed the cache budget; streaming from files",
                    entry.name,
                    rows,
                    estimate >> 20,
                )
            else:
                data = self._store.read(entry.table, snapshot_id=entry.snapshot_id)
                self._engine.create_table(entry.name, data)
                entry.nbytes = data.nbytes
                with self._lock:
                    self._bytes += entry.nbytes
                    self.loads += 1
                logger.info("%s: warm (%d rows, %d KB)", entry.name, data.num_rows, entry.nbytes >> 10)
        except BaseException as exc:
            entry.error = exc
            with self._lock:
                if self._entries.get((entry.table, entry.snapshot_id)) is entry:
                    del self._entries[(entry.table, entry.snapshot_id)]
        finally:
            entry.ready.set()
        self._evict()

    def _unpin(self, entry: _Entry) -> None:
        with self._lock:
            entry.pins -= 1
            drop = entry.pins == 0 and entry.doomed and entry.error is None
            if drop:
                self._forget(entry)
        if drop:
            self._drop(entry)
        else:
            self._evict()

    def _evict(self) -> None:
        victims = []
        with self._lock:
            for entry in list(self._entries.values()):
                if self._bytes <= self._budget:
                    break
                if entry.pins == 0 and entry.ready.is_set() and not entry.streamed:
                    victims.append(self._forget(entry))
        for entry in victims:
            self._drop(entry)

    def _forget(self, entry: _Entry) -> _Entry:
        """Remove ``entry`` from the index (caller holds the lock); the table is dropped after."""
        if self._entries.get((entry.table, entry.snapshot_id)) is entry:
            del self._entries[(entry.table, entry.snapshot_id)]
        self._bytes -= entry.nbytes
        entry.nbytes = 0
        return entry

    def _drop(self, entry: _Entry) -> None:
        if entry.streamed or entry.error is not None:
            return
        self._engine.drop_table(entry.name)
        with self._lock:
            self.drops += 1
        logger.info("%s: dropped from the warm cache", entry.name)


def _row_width(schema: pa.Schema) -> int:
    """Rough bytes per row in Arrow, to decide before reading whether a snapshot fits the cache."""
    width = 0
    for field in schema:
        try:
            width += max(field.type.bit_width // 8, 1) + 1
        except ValueError:  # variable width: strings, binaries, nested
            width += 40
    return width


class ResultCache:
    """Named-query results by key, least recently used out first, within a byte budget.

    A result bigger than an eighth of the budget is not kept (it would evict everything else for
    one query; big results are the ones worth streaming from the warm snapshot anyway).
    """

    def __init__(self, budget_bytes: int) -> None:
        self.budget = budget_bytes
        self._entries: OrderedDict[str, tuple[pa.Schema, list[pa.RecordBatch], int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: str) -> tuple[pa.Schema, list[pa.RecordBatch]] | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return entry[0], entry[1]

    @property
    def max_entry_bytes(self) -> int:
        return self.budget // 8

    def put(self, key: str, schema: pa.Schema, batches: list[pa.RecordBatch]) -> None:
        size = sum(b.nbytes for b in batches) + 1024
        if size > self.max_entry_bytes:
            return
        with self._lock:
            if key in self._entries:
                return
            self._entries[key] = (schema, batches, size)
            self._bytes += size
            while self._bytes > self.budget:
                _, (_, _, dropped) = self._entries.popitem(last=False)
                self._bytes -= dropped

    def stats(self) -> dict[str, int]:
        with self._lock:
            return {"entries": len(self._entries), "bytes": self._bytes, "hits": self.hits, "misses": self.misses}


class Publication:
    """Which snapshots were published on ``main``: the only ones the server may serve.

    A write-audit-publish write lands on the ``staging`` branch first; if its audit fails it stays
    there, readable by snapshot id or by the branch name, and must never reach an analyst. A
    snapshot counts as published when it is main's head, was main's head once (the snapshot log),
    or is an ancestor of one of those. Once published, always published: positive answers are kept.
    """

    def __init__(self, store: Store) -> None:
        self._store = store
        self._known: set[tuple[str, int]] = set()
        self._lock = threading.Lock()

    def is_published(self, table: str, snapshot_id: int) -> bool:
        key = (table, snapshot_id)
        with self._lock:
            if key in self._known:
                return True
        found = self._main_lineage(table)
        with self._lock:
            self._known.update((table, sid) for sid in found)
        return snapshot_id in found

    def _main_lineage(self, table: str) -> set[int]:
        iceberg = self._store.table(table)
        metadata = iceberg.metadata
        by_id = {s.snapshot_id: s for s in metadata.snapshots}
        heads = [e.snapshot_id for e in metadata.snapshot_log]
        main = metadata.refs.get("main")
        if main is not None:
            heads.append(main.snapshot_id)
        seen: set[int] = set()
        for head in heads:
            sid: int | None = head
            while sid is not None and sid not in seen and sid in by_id:
                seen.add(sid)
                sid = by_id[sid].parent_snapshot_id
        return seen
