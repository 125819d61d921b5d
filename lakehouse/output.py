"""Rendering Arrow results for people (a text table) and programs (CSV, JSON, Parquet)."""

from __future__ import annotations

import decimal
import io
import json
from typing import IO

import pyarrow as pa

FORMATS = ("table", "csv", "json", "parquet")


def render_text(table: pa.Table, *, max_rows: int = 50, max_width: int = 40) -> str:
    """A plain fixed-width table; long cells are cut with '…'."""
    names = table.column_names
    shown = table.slice(0, max_rows).to_pylist()
    cells = [[_cell(row[n], max_width) for n in names] for row in shown]
    widths = [max([len(n)] + [len(r[i]) for r in cells]) for i, n in enumerate(names)]
    line = "  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in cells]
    footer = f"({table.num_rows} row{'s' if table.num_rows != 1 else ''}"
    footer += f", first {max_rows} shown)" if table.num_rows > max_rows else ")"
    return "\n".join(out + [footer])


def _cell(value: object, width: int) -> str:
    text = "" if value is None else str(value)
    text = text.replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def write(table: pa.Table, fmt: str, stream: IO[bytes]) -> None:
    """Write ``table`` to a binary stream as ``fmt`` (csv, json lines-free array, or parquet)."""
    if fmt == "csv":
        import pyarrow.csv as pacsv

        pacsv.write_csv(_flat_lists(table), stream)
    elif fmt == "json":
        stream.write(json.dumps(table.to_pylist(), default=_json_value, indent=1).encode() + b"\n")
    elif fmt == "parquet":
        import pyarrow.parquet as pq

        buf = io.BytesIO()
        pq.write_table(table, buf)
        stream.write(buf.getvalue())
    else:
        stream.write(render_text(table).encode() + b"\n")


def _flat_lists(table: pa.Table) -> pa.Table:
    """CSV has no lists: a list column (e.g. quality_issues) becomes its items joined by ';'."""
    import pyarrow.compute as pc

    for i, field in enumerate(table.schema):
        if pa.types.is_list(field.type) or pa.types.is_large_list(field.type):
            items = table.column(i).cast(pa.list_(pa.string()))
            joined = pc.binary_join(items, ";")
            table = table.set_column(i, field.name, joined)
    return table


def _json_value(value: object) -> object:
    """JSON for values json can't encode: exact decimals as numbers, dates/times as ISO text."""
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, bytes):
        return value.hex()
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
