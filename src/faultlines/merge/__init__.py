"""Stage 7, merge: the same real-world event reported by many articles becomes one event.

Rules (docs/merging.md explains why):
- Events are comparable when they share source and target (by country, or by actor code for
  actors with no country such as IGONAT: one report's "Australia" is another's "Australian
  Foreign Minister Penny Wong"), CAMEO root and modality. For consultations (root 04) the
  dyad is unordered, since one report says "A visited B" and another "B hosted A".
- Within such a group, events are sorted by date and linked when consecutive dates are at most
  `WINDOW_DAYS` apart (single linkage); each linked run is one merged event.
- A cluster's id is the smallest event id in it.
The result depends only on the set of stored events, so ingestion order cannot change it, and
re-ingesting a document adds no events (documents are deduplicated before they are coded).
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from faultlines.store import Store

WINDOW_DAYS = 2
SYMMETRIC_ROOTS = {"04"}


def group_key(source: str | None, target: str | None, root: str, modality: str) -> tuple:
    pair = (source or "", target or "")
    if root in SYMMETRIC_ROOTS:
        pair = tuple(sorted(pair))  # type: ignore[assignment]
    return (*pair, root, modality)


def clusters(rows: list[tuple[str, str | None]]) -> dict[str, str]:
    """Map each event id to its cluster id, for (event_id, iso date) rows of one group."""
    dated = sorted(rows, key=lambda r: (r[1] or "", r[0]))
    out: dict[str, str] = {}
    run: list[str] = []
    last: dt.date | None = None
    for event_id, day in dated:
        d = dt.date.fromisoformat(day) if day else None
        if run and (d is None or last is None or (d - last).days > WINDOW_DAYS):
            _close(run, out)
            run = []
        run.append(event_id)
        last = d
    if run:
        _close(run, out)
    return out


def _close(run: list[str], out: dict[str, str]) -> None:
    cid = min(run)
    for e in run:
        out[e] = cid


def merge(store: Store, doc_ids: list[str] | None = None) -> int:
    """Recompute clusters for the groups touched by `doc_ids` (all groups when None).
    Returns the number of events whose cluster changed."""
    conn: sqlite3.Connection = store.conn
    cols = ("event_id, coalesce(source_country, source_code) AS source_key,"
            " coalesce(target_country, target_code) AS target_key, root, modality, date, cluster_id")
    if doc_ids is None:
        rows = conn.execute(f"SELECT {cols} FROM events").fetchall()
    else:
        keys = set()
        for chunk in _chunks(doc_ids, 500):
            marks = ",".join("?" * len(chunk))
            for r in conn.execute(
                f"SELECT DISTINCT coalesce(source_country, source_code),"
                f" coalesce(target_country, target_code), root, modality FROM events"
                f" WHERE doc_id IN ({marks})", chunk,
            ):
                keys.add((r[0], r[1], r[2], r[3]))
        rows = []
        for s, t, root, mod in keys:
            rows += conn.execute(
                f"SELECT * FROM (SELECT {cols} FROM events WHERE root = ? AND modality = ?)"
                " WHERE (source_key IS ? AND target_key IS ?) OR (source_key IS ? AND"
                " target_key IS ?)", (root, mod, s, t, t, s),
            ).fetchall()
    groups: dict[tuple, list[tuple[str, str | None]]] = {}
    current: dict[str, str | None] = {}
    for r in rows:
        key = group_key(r["source_key"], r["target_key"], r["root"], r["modality"])
        groups.setdefault(key, []).append((r["event_id"], r["date"]))
        current[r["event_id"]] = r["cluster_id"]
    changed = 0
    conn.execute("BEGIN IMMEDIATE")
    try:
        for members in groups.values():
            for event_id, cid in clusters(members).items():
                if current.get(event_id) != cid:
                    conn.execute("UPDATE events SET cluster_id = ? WHERE event_id = ?",
                                 (cid, event_id))
                    changed += 1
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return changed


def _chunks(items: list[str], n: int) -> list[list[str]]:
    return [items[i : i + n] for i in range(0, len(items), n)]
