import sqlite3

import pytest

from faultlines.models import Actor, Event
from faultlines.read import make_document
from faultlines.store import Store
from faultlines.store.db import migrations


def event(doc_id: str, n: int, date: str = "2023-06-13") -> Event:
    return Event(event_id=f"{doc_id}-{n}", doc_id=doc_id,
                 source=Actor(code="AUSGOV", country="AUS", role="GOV"),
                 target=Actor(code="IDNGOV", country="IDN", role="GOV"),
                 cameo="042", root="04", quad_class=1, goldstein=1.9, sentence="s",
                 span=(0, 1), trigger="visited", confidence=0.8, rule="test", date=date)


def test_schema_wal_and_version(tmp_path):
    path = tmp_path / "f.db"
    with Store(path) as s:
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.version == max(n for n, _ in migrations())
        tables = {r[0] for r in s.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"documents", "failures", "sentences", "actors", "events", "quotes"} <= tables
    # reopening does not re-run migrations
    with Store(path) as s:
        assert s.version == max(n for n, _ in migrations())


def test_add_batch_is_idempotent(tmp_path):
    doc = make_document("Australia's foreign minister visited Jakarta.", doc_id="d1")
    with Store(tmp_path / "f.db") as s:
        assert s.add_batch([(doc, [event("d1", 1)], [], [(0, 10)])]) == (1, 0)
        assert s.add_batch([(doc, [event("d1", 1)], [], [(0, 10)])]) == (0, 1)
        assert s.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
        assert s.conn.execute("SELECT count(*) FROM events").fetchone()[0] == 1
        assert s.conn.execute("SELECT code FROM actors ORDER BY code").fetchall()[0][0] == "AUSGOV"


def test_batch_is_one_transaction(tmp_path):
    good = make_document("Japan thanked India.", doc_id="g")
    bad = make_document("Chile thanked Peru.", doc_id="b")
    broken = event("b", 1).model_copy(update={"cameo": None})  # violates NOT NULL
    with Store(tmp_path / "f.db") as s:
        with pytest.raises(sqlite3.IntegrityError):
            s.add_batch([(good, [event("g", 1)], [], []), (bad, [broken], [], [])])
        assert s.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
        assert s.conn.execute("SELECT count(*) FROM events").fetchone()[0] == 0
