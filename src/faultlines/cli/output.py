"""Writing records as jsonl, json, csv or a rich table."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel
from rich.console import Console
from rich.table import Table

FORMATS = ("jsonl", "json", "csv", "table")


def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in record.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(flatten(v, f"{key}_"))
        elif isinstance(v, list | tuple):
            out[key] = json.dumps(v, ensure_ascii=False)
        else:
            out[key] = v
    return out


def write(records: Iterable[BaseModel], fmt: str, columns: list[str] | None = None) -> int:
    """Write records to stdout; returns how many were written. jsonl streams."""
    n = 0
    if fmt == "jsonl":
        for r in records:
            sys.stdout.write(r.model_dump_json() + "\n")
            n += 1
        sys.stdout.flush()
        return n
    rows = [r.model_dump(mode="json") for r in records]
    if fmt == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif fmt == "csv":
        flat = [flatten(r) for r in rows]
        fields: list[str] = []
        for r in flat:
            fields += [k for k in r if k not in fields]
        w = csv.DictWriter(sys.stdout, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(flat)
    else:
        table(rows, columns)
    return len(rows)


def table(rows: list[dict[str, Any]], columns: list[str] | None) -> None:
    flat = [flatten(r) for r in rows]
    cols = columns or (list(flat[0]) if flat else [])
    t = Table(show_lines=False)
    for c in cols:
        t.add_column(c, overflow="fold")
    for r in flat:
        t.add_row(*("" if r.get(c) is None else str(r.get(c)) for c in cols))
    Console(width=200).print(t)


EVENT_COLUMNS = ["date", "source_code", "cameo", "target_code", "modality", "plover_type",
                 "goldstein", "trigger", "location_name", "sentence"]
