"""Which version of the data to read, and the one parser of its three spellings.

Every surface (CLI flags, Flight session options and headers, URL parameters) names the same three
selectors: a snapshot id, a point in time (``as_of``) or a tag. They are parsed here only, so a
value means the same thing, and is refused with the same advice, everywhere.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from core.errors import QueryError

MAX_TAG_LENGTH = 200
"""Longer than any release tag we write; a longer value is a mistake or an attack, not a tag."""


@dataclasses.dataclass(frozen=True)
class AsOf:
    """Which version of a table to read: current, a snapshot id, a point in time, or a tag."""

    snapshot_id: int | None = None
    timestamp: dt.datetime | None = None
    tag: str | None = None

    def __post_init__(self) -> None:
        given = [x for x in (self.snapshot_id, self.timestamp, self.tag) if x is not None]
        if len(given) > 1:
            raise ValueError("Give at most one of snapshot id, timestamp and tag")

    @property
    def is_current(self) -> bool:
        return self.snapshot_id is None and self.timestamp is None and self.tag is None

    def describe(self) -> str:
        if self.snapshot_id is not None:
            return f"snapshot {self.snapshot_id}"
        if self.timestamp is not None:
            return f"as of {self.timestamp.isoformat()}"
        if self.tag is not None:
            return f"tag {self.tag!r}"
        return "current"


def parse_as_of(
    snapshot_id: Any = None,
    as_of: Any = None,
    tag: Any = None,
    *,
    source: str = "request",
    names: tuple[str, str, str] = ("snapshot_id", "as_of", "tag"),
) -> AsOf:
    """A version selector from its three spellings; empty strings count as not given.

    ``source`` says where the values came from and ``names`` how that surface spells the three
    (``--snapshot``, ``--as-of``, ``--tag`` on the CLI), so the message points at what to change.
    A time without a zone is UTC.

    Raises:
        QueryError: more than one given, or a value of the wrong shape.
    """
    values = dict(zip(names, (snapshot_id, as_of, tag), strict=True))
    given = [name for name, value in values.items() if value not in (None, "")]
    if len(given) > 1:
        raise QueryError(
            f"The {source} gives {' and '.join(given)}: give at most one of {', '.join(names[:2])} and {names[2]}."
        )
    sid = None
    if snapshot_id not in (None, ""):
        text = str(snapshot_id).strip()
        if isinstance(snapshot_id, bool) or not text.lstrip("-").isdigit() or len(text) > 20:
            raise QueryError(
                f"{names[0]}={snapshot_id!r} in the {source} is not a snapshot id: expected a whole number "
                "(see `lakehouse snapshots gold.fact_transactions` or /v1/versions)."
            )
        sid = int(text)
    when = None
    if isinstance(as_of, dt.datetime):
        when = as_of
    elif isinstance(as_of, dt.date):
        when = dt.datetime.combine(as_of, dt.time())
    elif as_of not in (None, ""):
        try:
            when = dt.datetime.fromisoformat(str(as_of).strip().replace("Z", "+00:00"))
        except ValueError:
            raise QueryError(
                f"{names[1]}={as_of!r} in the {source} is not an ISO 8601 time: expected e.g. "
                "2025-06-01T12:00:00Z (UTC when no zone is given)."
            ) from None
    if when is not None and when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    name = None
    if tag not in (None, ""):
        name = str(tag).strip()
        if len(name) > MAX_TAG_LENGTH:
            raise QueryError(f"{names[2]} in the {source} is longer than {MAX_TAG_LENGTH} characters: "
                             "expected a release tag name (see `lakehouse tags`).")
    return AsOf(snapshot_id=sid, timestamp=when, tag=name)
