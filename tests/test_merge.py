import json

from conftest import EXAMPLES

from faultlines.merge import clusters, merge
from faultlines.read import make_document
from faultlines.store import Store


def load(names):
    recs = {}
    for line in (EXAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        recs[r["id"]] = r
    return [make_document(recs[n]["text"], doc_id=n, date=recs[n]["date"]) for n in names]


def ingest(pipeline, db, names):
    with Store(db) as store:
        for doc in load(names):
            res = next(iter(pipeline.run([doc])))
            store.add_batch([(res.document, res.events, res.quotes, res.sentences)])
            merge(store, [doc.doc_id])
        return [(e.event_id, e.num_articles, tuple(e.doc_ids), e.root, e.date)
                for e in store.merged_events()]


def consults(rows):
    return [r for r in rows if r[3] == "04" and set(r[2]) & {"meeting_a", "meeting_b",
                                                              "meeting_c"}]


def test_same_meeting_merges_and_order_does_not_matter(pipeline, tmp_path):
    one = ingest(pipeline, tmp_path / "1.db", ["meeting_a", "meeting_b", "meeting_c"])
    two = ingest(pipeline, tmp_path / "2.db", ["meeting_c", "meeting_b", "meeting_a"])
    assert sorted(one) == sorted(two)
    merged = [r for r in consults(one) if set(r[2]) == {"meeting_a", "meeting_b"}]
    assert merged and merged[0][1] == 2
    # the meeting a month later stays its own event
    july = [r for r in consults(one) if r[2] == ("meeting_c",) and r[4].month == 7]
    assert july and all(r[1] == 1 for r in july)


def test_reingesting_adds_nothing(pipeline, tmp_path):
    first = ingest(pipeline, tmp_path / "f.db", ["meeting_a"])
    again = ingest(pipeline, tmp_path / "f.db", ["meeting_a"])
    assert sorted(first) == sorted(again)


def test_single_linkage_window():
    rows = [("a", "2023-06-13"), ("b", "2023-06-14"), ("c", "2023-06-16"), ("d", "2023-07-12")]
    got = clusters(rows)
    assert got["a"] == got["b"] == got["c"] == "a"
    assert got["d"] == "d"
    assert clusters(list(reversed(rows))) == got
