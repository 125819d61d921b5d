"""``lakehouse ingest members``: Members of Congress and their terms, into silver.members and member_terms.

The source is the congress-legislators project (CC0), by default its published YAML files
(``legislators-current.yaml`` and ``legislators-historical.yaml``). ``--source`` may instead be:

* a local file or an http(s) URL of one file: a YAML file in that format, or the project CSV
  ``legislators_terms.csv`` (one row per term, see shared/data/members/SOURCE.md);
* a local directory: every ``*.yaml``/``*.yml`` in it and every CSV with term columns
  (``legislators_terms.csv``); other CSVs, such as the last-term export without dates, are skipped;
* a base URL (no file extension): its ``legislators-current.yaml`` and ``legislators-historical.yaml``.

When several files describe the same person, the first one wins, in this order: current YAML,
historical YAML, other YAML (by name), then CSV — the YAML files carry actual end dates and full
histories, the CSV only terms ending in 2012 or later. Terms are half-open ``[start, end)``: the
source writes the constitutional end, which is also the next term's start. CSV rows flagged
``term_end_is_scheduled_not_actual`` end at ``min(term_end, left_current_file_on)`` (the member
left early; the source only has an upper bound for the real end) and keep ``end_is_scheduled``.
A term whose effective end is not after its start was never served and is dropped.

Parsing is pure (bytes in, :class:`Legislator` out); :func:`ingest_members` does the I/O.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import hashlib
import io
import logging
from collections.abc import Iterable, Sequence
from pathlib import Path
from urllib.parse import urlparse

import pyarrow as pa

from catalog.registry import MEMBER_TERMS, MEMBERS
from catalog.store import Store
from core.errors import SourceError
from core.settings import Settings
from jobs.bronze.source import Fetched, Source
from jobs.spec import SourceSpec

logger = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://unitedstates.github.io/congress-legislators"
DEFAULT_FILES = ("legislators-current.yaml", "legislators-historical.yaml")
PARSER_VERSION = "1"
"""Part of the content hash: a parser change re-ingests an unchanged source."""
HASH_PROPERTY = "lakehouse.members.sha256"
SOURCES_PROPERTY = "lakehouse.members.sources"

_CHAMBERS = {"rep": "house", "sen": "senate"}
_CSV_TERM_COLUMNS = {"bioguide_id", "chamber", "state", "term_start", "term_end"}


@dataclasses.dataclass(frozen=True)
class Term:
    """One House or Senate term, ``[start_date, end_date)``."""

    chamber: str
    state: str
    district: int | None
    party: str | None
    start_date: dt.date
    end_date: dt.date
    end_is_scheduled: bool = False


@dataclasses.dataclass(frozen=True)
class Legislator:
    """One person with their terms, in start order."""

    bioguide_id: str
    first_name: str | None
    middle_name: str | None
    last_name: str | None
    suffix: str | None
    nickname: str | None
    official_full_name: str | None
    birthday: dt.date | None
    gender: str | None
    terms: tuple[Term, ...]


@dataclasses.dataclass(frozen=True)
class MembersReport:
    """What ``lakehouse ingest members`` did."""
    status: str
    """'ingested' or 'unchanged' (same content hash as the current snapshots)."""
    members: int
    terms: int
    members_snapshot_id: int | None
    terms_snapshot_id: int | None
    sources: tuple[str, ...]
    sha256: str

    def __str__(self) -> str:
        return (f"silver.members / silver.member_terms: {self.status} ({self.members} members, "
                f"{self.terms} terms) from {', '.join(self.sources)}")


# -- parsing (pure) -----------------------------------------------------------------------------


def parse_legislators_yaml(content: bytes, *, origin: str = "yaml") -> list[Legislator]:
    """People of a congress-legislators YAML file: ``[{id, name, bio, terms: [...]}, ...]``.

    Only ``rep`` and ``sen`` terms are kept. District ``0`` is at-large or a delegate; the source's
    ``-1`` (unknown, in old records) becomes null, as do senators' districts.

    Raises:
        ValueError: the file is not a list of people, or a person lacks a bioguide id.
    """
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    doc = yaml.load(content, Loader=loader)  # noqa: S506 - a safe loader
    if not isinstance(doc, list):
        raise ValueError(f"{origin}: expected a list of legislators, got {type(doc).__name__}")
    people = []
    for i, entry in enumerate(doc, start=1):
        if not isinstance(entry, dict):
            raise ValueError(f"{origin}: legislator #{i} is a {type(entry).__name__}, not a mapping")
        ids, name, bio = entry.get("id") or {}, entry.get("name") or {}, entry.get("bio") or {}
        bioguide = _text(ids.get("bioguide"))
        if bioguide is None:
            who = name.get("official_full") or name
            raise ValueError(f"{origin}: legislator #{i} ({who}) has no id.bioguide")
        terms = []
        for t in entry.get("terms") or ():
            chamber = _CHAMBERS.get(t.get("type"))
            if chamber is None:
                continue
            district = _int(t.get("district")) if chamber == "house" else None
            terms.append(Term(
                chamber=chamber,
                state=_state(t.get("state"), f"{origin}: {bioguide} term {t.get('start')}"),
                district=None if district is not None and district < 0 else district,
                party=_text(t.get("party")),
                start_date=_date(t.get("start"), f"{origin}: {bioguide} term start"),
                end_date=_date(t.get("end"), f"{origin}: {bioguide} term end"),
            ))
        people.append(Legislator(
            bioguide_id=bioguide,
            first_name=_text(name.get("first")),
            middle_name=_text(name.get("middle")),
            last_name=_text(name.get("last")),
            suffix=_text(name.get("suffix")),
            nickname=_text(name.get("nickname")),
            official_full_name=_text(name.get("official_full")),
            birthday=_date(bio.get("birthday"), f"{origin}: {bioguide} birthday", required=False),
            gender=_text(bio.get("gender")),
            terms=_served(terms),
        ))
    return people


def is_terms_csv(content: bytes) -> bool:
    """Whether a CSV has the term columns of ``legislators_terms.csv`` (not e.g. the last-term export)."""
    header = content.decode("utf-8-sig", errors="replace").split("\n", 1)[0]
    return _CSV_TERM_COLUMNS <= {c.strip() for c in next(csv.reader([header]), [])}


def parse_terms_csv(content: bytes, *, origin: str = "csv") -> list[Legislator]:
    """People of the project CSV ``legislators_terms.csv`` (one row per term).

    Raises:
        ValueError: required columns are missing or a value cannot be read.
    """
    reader = csv.DictReader(io.StringIO(content.decode("utf-8-sig")))
    missing = _CSV_TERM_COLUMNS - set(reader.fieldnames or ())
    if missing:
        raise ValueError(f"{origin}: not a legislators_terms CSV, it lacks columns {sorted(missing)}")
    rows: dict[str, list[dict[str, str]]] = {}
    for row in reader:
        rows.setdefault(row["bioguide_id"].strip(), []).append(row)
    people = []
    for bioguide, person_rows in rows.items():
        if not bioguide:
            raise ValueError(f"{origin}: a row has no bioguide_id")
        first = person_rows[0]
        terms = []
        for r in person_rows:
            where = f"{origin}: {bioguide} {r.get('term_start')}"
            chamber = r["chamber"].strip().lower()
            if chamber not in ("house", "senate"):
                raise ValueError(f"{where}: chamber {r['chamber']!r} is neither 'house' nor 'senate'")
            start, end = _date(r["term_start"], where), _date(r["term_end"], where)
            scheduled = (r.get("term_end_is_scheduled_not_actual") or "").strip().lower() == "true"
            left = _date(r.get("left_current_file_on"), where, required=False)
            if scheduled and left is not None:
                end = min(end, left)
            terms.append(Term(
                chamber=chamber,
                state=_state(r["state"], where),
                district=_int(r.get("district")) if chamber == "house" else None,
                party=_text(r.get("party")),
                start_date=start,
                end_date=end,
                end_is_scheduled=scheduled,
            ))
        people.append(Legislator(
            bioguide_id=bioguide,
            first_name=_text(first.get("first_name")),
            middle_name=_text(first.get("middle_name")),
            last_name=_text(first.get("last_name")),
            suffix=_text(first.get("suffix")),
            nickname=_text(first.get("nickname")),
            official_full_name=_text(first.get("official_full_name")),
            birthday=_date(first.get("birthday"), f"{origin}: {bioguide} birthday", required=False),
            gender=_text(first.get("gender")),
            terms=_served(terms),
        ))
    return people


def parse_file(name: str, content: bytes) -> list[Legislator] | None:
    """Parse one source file by its name; None for a file that is not a members source."""
    lower = name.lower()
    if lower.endswith((".yaml", ".yml")):
        return parse_legislators_yaml(content, origin=name)
    if lower.endswith(".csv"):
        if not is_terms_csv(content):
            logger.info("%s: skipped, not a legislators_terms CSV (no term dates)", name)
            return None
        return parse_terms_csv(content, origin=name)
    return None


def source_rank(name: str) -> tuple[int, str]:
    """Precedence of a file when several describe the same person (lower wins)."""
    lower = Path(urlparse(name).path).name.lower()
    if lower.startswith("legislators-current."):
        rank = 0
    elif lower.startswith("legislators-historical."):
        rank = 1
    elif lower.endswith((".yaml", ".yml")):
        rank = 2
    else:
        rank = 3
    return rank, lower


def merge_legislators(sources: Iterable[Sequence[Legislator]]) -> list[Legislator]:
    """One record per bioguide id: the first source (in the given order) that has the person wins."""
    merged: dict[str, Legislator] = {}
    for people in sources:
        for person in people:
            merged.setdefault(person.bioguide_id, person)
    return [merged[b] for b in sorted(merged)]


def to_tables(people: Sequence[Legislator]) -> tuple[pa.Table, pa.Table]:
    """Rows of silver.members and silver.member_terms (``term_no`` in start order, from 1)."""
    members = [dict(bioguide_id=p.bioguide_id, first_name=p.first_name, middle_name=p.middle_name,
                    last_name=p.last_name, suffix=p.suffix, nickname=p.nickname,
                    official_full_name=p.official_full_name, birthday=p.birthday, gender=p.gender)
               for p in people]
    terms = [dict(bioguide_id=p.bioguide_id, term_no=n, chamber=t.chamber, state=t.state, district=t.district,
                  party=t.party, start_date=t.start_date, end_date=t.end_date,
                  end_is_scheduled=t.end_is_scheduled)
             for p in people for n, t in enumerate(p.terms, start=1)]
    return (pa.Table.from_pylist(members, MEMBERS.arrow_schema()),
            pa.Table.from_pylist(terms, MEMBER_TERMS.arrow_schema()))


def content_sha256(files: Sequence[tuple[str, bytes]]) -> str:
    """Hash of the parser version and every file's name and bytes (order-independent)."""
    digest = hashlib.sha256(f"members-parser-{PARSER_VERSION}".encode())
    for name, content in sorted(files):
        base = Path(urlparse(name).path).name.encode()
        digest.update(b"\0" + base + b"\0" + hashlib.sha256(content).digest())
    return digest.hexdigest()


def _served(terms: list[Term]) -> tuple[Term, ...]:
    # A clamped scheduled term can end before it starts: the member left before taking it (e.g. a
    # re-elected member who resigned before the new Congress). It was never served.
    served = (t for t in terms if t.end_date > t.start_date)
    return tuple(sorted(served, key=lambda t: (t.start_date, t.chamber)))


def _text(value) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _state(value, where: str) -> str:
    text = _text(value) or ""
    if len(text) != 2 or not text.isalpha() or not text.isupper():
        raise ValueError(f"{where}: state {text!r} is not a two-letter code")
    return text


def _int(value) -> int | None:
    text = _text(value)
    if text is None:
        return None
    try:
        return int(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a whole number") from None


def _date(value, where: str, *, required: bool = True) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    if text is None:
        if required:
            raise ValueError(f"{where}: the date is missing")
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{where}: {text!r} is not an ISO date (YYYY-MM-DD)") from None


# -- I/O ------------------------------------------------------------------------------------------


def fetch_sources(source: str | None, settings: Settings) -> list[Fetched]:
    """The files of ``source`` (default: the published YAML files), in precedence order.

    Raises:
        SourceError: the source does not exist, holds no members file, or a download failed.
    """
    location = source or DEFAULT_BASE_URL
    is_http = urlparse(location).scheme in ("http", "https")
    if is_http:
        name = location.rstrip("/").rsplit("/", 1)[-1]
        if name.lower().endswith((".yaml", ".yml", ".csv")):
            files = [_fetch_one(location.rstrip("/").rsplit("/", 1)[0], name, settings)]
        else:
            files = [_fetch_one(location, n, settings) for n in DEFAULT_FILES]
    else:
        path = Path(location)
        if path.is_file():
            files = [Fetched(url=str(path), content=path.read_bytes())]
        elif path.is_dir():
            names = sorted(p for p in path.iterdir()
                           if p.is_file() and p.suffix.lower() in (".yaml", ".yml", ".csv"))
            files = [Fetched(url=str(p), content=p.read_bytes()) for p in names]
        else:
            raise SourceError(
                f"Members source {location!r} is neither an http(s) URL nor an existing file or directory. "
                "Give a congress-legislators YAML file, legislators_terms.csv, a directory holding them, or "
                f"a base URL such as {DEFAULT_BASE_URL}.",
                source=location, reason="bad_source",
            )
    return sorted(files, key=lambda f: source_rank(f.url))


def ingest_members(store: Store, settings: Settings, source: str | None = None, *,
                   auditor=None) -> MembersReport:
    """Fetch, parse and write Members and terms; an unchanged source adds no snapshot.

    Each table is replaced in one commit whose summary records the content hash and the sources.

    Raises:
        SourceError: the source cannot be read or holds no Member.
        CheckFailedError: with an ``auditor``, the new rows failed their checks; nothing was published.
    """
    import yaml

    fetched = fetch_sources(source, settings)
    parsed: list[tuple[str, list[Legislator]]] = []
    for f in fetched:
        try:
            people = parse_file(f.url, f.content)
        except (ValueError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise SourceError(f"Members file {f.url} could not be read: {exc}. Check that it is a "
                              "congress-legislators YAML file or legislators_terms.csv.", source=f.url,
                              reason="bad_members_file") from exc
        if people is not None:
            parsed.append((f.url, people))
    if not parsed or not any(people for _, people in parsed):
        location = source or DEFAULT_BASE_URL
        raise SourceError(
            f"No Member was found in {location}: expected congress-legislators YAML files "
            "(legislators-current.yaml, legislators-historical.yaml) or legislators_terms.csv.",
            source=location, reason="no_members",
        )
    used = tuple(url for url, _ in parsed)
    digest = content_sha256([(f.url, f.content) for f in fetched if f.url in used])
    store.init_tables((MEMBERS, MEMBER_TERMS))
    if all(_current_property(store, t.identifier, HASH_PROPERTY) == digest for t in (MEMBERS, MEMBER_TERMS)):
        return MembersReport("unchanged", store.row_count(MEMBERS.identifier),
                             store.row_count(MEMBER_TERMS.identifier), None, None, used, digest)
    people = merge_legislators(p for _, p in parsed)
    members, terms = to_tables(people)
    props = {HASH_PROPERTY: digest, SOURCES_PROPERTY: " ".join(used)}
    if auditor is None:
        members_sid = store.replace(MEMBERS.identifier, members, props)
        terms_sid = store.replace(MEMBER_TERMS.identifier, terms, props)
    else:  # terms reference members: audited together, published together
        from jobs.runner import write_audit_publish_together

        published = write_audit_publish_together(
            store, "ingest.members", [(MEMBERS.identifier, members, None), (MEMBER_TERMS.identifier, terms, None)],
            props, auditor, {})
        members_sid, terms_sid = published[MEMBERS.identifier], published[MEMBER_TERMS.identifier]
    logger.info("members: wrote %d members and %d terms from %s", members.num_rows, terms.num_rows,
                ", ".join(used))
    return MembersReport("ingested", members.num_rows, terms.num_rows, members_sid, terms_sid, used, digest)


def _fetch_one(base: str, name: str, settings: Settings) -> Fetched:
    src = Source(base, settings)
    try:
        return src.fetch(name)
    finally:
        src.close()


def _current_property(store: Store, identifier: str, key: str) -> str | None:
    current = store.current_snapshot_id(identifier)
    if current is None:
        return None
    for snap in reversed(store.snapshots(identifier)):
        if snap.snapshot_id == current:
            return snap.summary.get(key)
    return None


SOURCE = SourceSpec(
    name="members",
    title="Members of Congress and their terms (congress-legislators, CC0)",
    base_url=DEFAULT_BASE_URL,
    writes=(MEMBERS.identifier, MEMBER_TERMS.identifier),
    ingest=ingest_members,
)
