"""Filing years: which the Clerk serves, and the ``--years 2012-2026`` / ``2018,2020-2022`` form.

The Clerk's site publishes a yearly index from 2008 on; next year's may appear early in January,
so the newest year accepted is next year. Anything else is a typo or a misunderstanding, and is
refused before any request is made.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from core.errors import ExitCode, LakehouseError

FIRST_YEAR = 2008
"""The oldest yearly index on the Clerk's site."""


class YearRangeError(LakehouseError, ValueError):
    """A year or a year range that the Clerk does not serve, or that cannot be read."""

    exit_code = ExitCode.USAGE


def last_year(today: dt.date | None = None) -> int:
    """The newest year accepted: next year (its index can appear in early January)."""
    return (today or dt.date.today()).year + 1


def allowed(today: dt.date | None = None) -> str:
    """The accepted years as a range, for messages (``2008-2027``)."""
    return f"{FIRST_YEAR}-{last_year(today)}"


def check_year(year: int, today: dt.date | None = None) -> int:
    """``year`` itself, or YearRangeError when the Clerk cannot have an index for it."""
    if not FIRST_YEAR <= year <= last_year(today):
        raise YearRangeError(
            f"{year} is outside the years the House Clerk publishes an index for: {FIRST_YEAR} (the first) "
            f"to {last_year(today)} (next year). Give e.g. --year {last_year(today) - 1} or "
            f"--years {FIRST_YEAR}-{last_year(today) - 1}."
        )
    return year


_PART = re.compile(r"^\s*(\d{4})\s*(?:-\s*(\d{4})\s*)?$")


def parse_years(text: str, today: dt.date | None = None) -> list[int]:
    """'2012-2026' or '2018,2020-2022' -> the years, ascending and without repeats."""
    years: set[int] = set()
    for part in text.split(","):
        m = _PART.match(part)
        if not m:
            raise YearRangeError(
                f"{part.strip()!r} in {text!r} is not a year or a range: write e.g. 2012-2026, "
                f"2018,2020-2022 or 2025 (years {allowed(today)})."
            )
        first, last = int(m[1]), int(m[2] or m[1])
        if first > last:
            raise YearRangeError(f"the range {part.strip()!r} runs backwards: write {last}-{first}.")
        years.update(check_year(y, today) for y in (first, last))
        years.update(range(first, last + 1))
    return sorted(years)


def resolve_years(years: Iterable[int] = (), ranges: Iterable[str] = (), *, default_current: bool = False,
                  today: dt.date | None = None) -> list[int]:
    """The union of ``--year`` values and ``--years`` ranges, checked and ascending.

    With neither: the current year when ``default_current`` (the daily run only touches the
    current year), else an empty list for the caller to refuse.
    """
    chosen = {check_year(y, today) for y in years}
    for text in ranges:
        chosen.update(parse_years(text, today))
    if not chosen and default_current:
        chosen.add((today or dt.date.today()).year)
    return sorted(chosen)
