"""The SQLite store: WAL mode, numbered migrations, idempotent and transactional ingest.

Migrations are the files `migrations/NNNN_name.sql`, applied in order; `PRAGMA user_version`
records the last one applied, so opening an older database upgrades it.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from faultlines.models import Document, Event, MergedEvent, Quote, ReadFailure

MIGRATIONS = Path(__file__).parent / "migrations"
DEFAULT_DB = "faultlines.db"


def default_path() -> str:
    return os.environ.get("FAULTLINES_DB") or DEFAULT_DB


def migrations() -> list[tuple[int, Path]]:
    out = []
    for p in sorted(MIGRATIONS.glob("*.sql")):
        out.append((int(p.name.split("_", 1)[0]), p))
    return out


class StoreError(RuntimeError):
    pass


class Store:
    def __init__(self, path: str | Path | None = None) -> None:
        self.path = str(path or default_path())
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self.conn.execute("PRAGMA journal_mode=WAL")
        except sqlite3.Error as e:
            raise StoreError(f"cannot open database {self.path}: {e}") from None
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.migrate()

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        current = self.version
        for number, path in migrations():
            if number <= current:
                continue
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in _statements(path.read_text(encoding="utf-8")):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {number}")
                self.conn.execute("COMMIT")
            except Exception:
                self.conn.execute("ROLLBACK")
                raise

    # Writing ------------------------------------------------------------------------------

    def has_document(self, doc: Document) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM documents WHERE doc_id = ? OR content_hash = ?",
            (doc.doc_id, doc.content_hash),
        ).fetchone()
        return row is not None

    def add_batch(
        self,
        results: Iterable[tuple[Document, list[Event], list[Quote], list[tuple[int, int]]]],
        failures: Iterable[ReadFailure] = (),
    ) -> tuple[int, int]:
        """Store a batch in one transaction; returns (documents added, duplicates skipped)."""
        added = skipped = 0
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            for f in failures:
                self.conn.execute(
                    "INSERT OR IGNORE INTO failures (input, reason) VALUES (?, ?)",
                    (f.input, f.reason),
                )
            for doc, events, quotes, sentences in results:
                if self.has_document(doc):
                    skipped += 1
                    continue
                self._insert(doc, events, quotes, sentences)
                added += 1
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return added, skipped

    def _insert(self, doc: Document, events: list[Event], quotes: list[Quote],
                sentences: list[tuple[int, int]]) -> None:
        c = self.conn
        c.execute(
            "INSERT INTO documents (doc_id, content_hash, url, title, source, pub_date, text)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (doc.doc_id, doc.content_hash, doc.url, doc.title, doc.source,
             doc.date.isoformat() if doc.date else None, doc.text),
        )
        c.executemany(
            "INSERT INTO sentences (doc_id, n, start_char, end_char) VALUES (?, ?, ?, ?)",
            [(doc.doc_id, n, s, e) for n, (s, e) in enumerate(sentences)],
        )
        for ev in events:
            for a in (ev.source, ev.target):
                if a and a.code:
                    c.execute(
                        "INSERT OR IGNORE INTO actors (code, name, country, role)"
                        " VALUES (?, ?, ?, ?)", (a.code, a.name, a.country, a.role),
                    )
            c.execute(
                "INSERT OR REPLACE INTO events (event_id, doc_id, source_code, source_country,"
                " target_code, target_country, cameo, root, quad_class, goldstein, plover_type,"
                " modality, date, confidence, data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (ev.event_id, ev.doc_id, _code(ev.source), _country(ev.source),
                 _code(ev.target), _country(ev.target), ev.cameo, ev.root, ev.quad_class,
                 ev.goldstein, ev.plover.type, ev.modality,
                 ev.date.isoformat() if ev.date else None, ev.confidence, ev.model_dump_json()),
            )
        for q in quotes:
            qid = hashlib.sha1(f"{q.doc_id}|{q.span[0]}|{q.span[1]}|{q.kind}".encode()).hexdigest()
            c.execute(
                "INSERT OR REPLACE INTO quotes (quote_id, doc_id, speaker_code, speaker_country,"
                " kind, data) VALUES (?, ?, ?, ?, ?, ?)",
                (qid[:16], q.doc_id, _code(q.speaker), _country(q.speaker), q.kind,
                 q.model_dump_json()),
            )

    # Reading ------------------------------------------------------------------------------

    def documents(self, limit: int = 100) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT d.doc_id, d.url, d.title, d.pub_date, length(d.text) AS chars,"
            " (SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id) AS events"
            " FROM documents d ORDER BY d.ingested_at, d.doc_id LIMIT ?", (limit,),
        ).fetchall()

    def failures(self) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT input, reason, failed_at FROM failures ORDER BY failed_at, input"
        ).fetchall()

    def events(self, where: str = "1", params: tuple = (), limit: int | None = None
               ) -> Iterator[Event]:
        sql = f"SELECT data FROM events WHERE {where} ORDER BY date, event_id"
        if limit:
            sql += f" LIMIT {int(limit)}"
        for row in self.conn.execute(sql, params):
            yield Event.model_validate_json(row["data"])

    def merged_events(self, where: str = "1", params: tuple = (), limit: int | None = None
                      ) -> list[MergedEvent]:
        """One record per cluster of events, as `faultlines merge` grouped them."""
        rows = self.conn.execute(
            f"SELECT cluster_id, data, doc_id FROM events WHERE {where}"
            " ORDER BY date, event_id", params,
        ).fetchall()
        clusters: dict[str, list[sqlite3.Row]] = {}
        for r in rows:
            clusters.setdefault(r["cluster_id"] or r["data"], []).append(r)
        out = []
        for members in clusters.values():
            events = [Event.model_validate_json(m["data"]) for m in members]
            first = min(events, key=lambda e: (e.date or _FAR, e.event_id))
            doc_ids = sorted({e.doc_id for e in events})
            evidence = sorted({e.sentence for e in events})
            out.append(MergedEvent(**first.model_dump(), num_mentions=len(events),
                                   num_articles=len(doc_ids), doc_ids=doc_ids,
                                   evidence=evidence))
        out.sort(key=lambda e: (e.date or _FAR, e.event_id))
        return out[:limit] if limit else out

    def quotes(self, where: str = "1", params: tuple = ()) -> Iterator[Quote]:
        for row in self.conn.execute(f"SELECT data FROM quotes WHERE {where} ORDER BY doc_id",
                                     params):
            yield Quote.model_validate_json(row["data"])


def _statements(sql: str) -> list[str]:
    # Strip comments, then split on semicolons (the migrations hold no semicolons in strings).
    lines = [ln.split("--", 1)[0] for ln in sql.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def _code(a: object) -> str | None:
    return getattr(a, "code", None)


def _country(a: object) -> str | None:
    return getattr(a, "country", None)


_FAR = __import__("datetime").date(9999, 12, 31)

__all__ = ["Store", "StoreError", "default_path"]
