"""`faultlines eval events`: score the coder on PETRARCH-style or PLOVER-style gold records.

PETRARCH records (`events: [{source, target, code}]`): asserted events are matched per sentence
on (source country, target country, CAMEO root), then on (source code, target code, full code).
Country is an actor code's first three letters. PLOVER records (`event_type_plover_current`):
recall is the share of records where the coder finds an asserted event; type accuracy is, among
those, the share whose most confident event has the gold PLOVER type.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from faultlines.evaluate.scores import PRF
from faultlines.models import Event
from faultlines.read import make_document
from faultlines.read.sources import BadInput


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    metrics: dict[str, float] = field(default_factory=dict)


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def code_records(records: list[dict], pipeline) -> list[list[Event]]:  # type: ignore[no-untyped-def]
    """Asserted events per record; a record with no usable text has none."""
    docs, index = [], []
    for i, r in enumerate(records):
        try:
            docs.append(make_document(r.get("text") or "", doc_id=r.get("id") or str(i),
                                      date=r.get("date")))
            index.append(i)
        except BadInput:
            continue
    out: list[list[Event]] = [[] for _ in records]
    for i, res in zip(index, pipeline.run(docs), strict=True):
        out[i] = [e for e in res.events if e.modality == "asserted"]
    return out


def country(code: str | None) -> str:
    """The country part of a gold code: its first three letters ("---" for none)."""
    return (code or "---")[:3]


def actor_country(a) -> str:  # type: ignore[no-untyped-def]
    """Our actor's country in the gold files' terms: ISO3, the IGO/IMG prefix, or ---."""
    if a is None:
        return "---"
    if a.country:
        return a.country
    return a.code[:3] if a.code and a.code.startswith(("IGO", "IMG", "NGO")) else "---"


def evaluate_petrarch(records: list[dict], pipeline, subset: str = "real") -> Report:  # type: ignore[no-untyped-def]
    if subset == "real":
        records = [r for r in records if r.get("text_origin") == "real_news_sentence"]
    coded = code_records(records, pipeline)
    root, full = PRF(), PRF()
    for rec, events in zip(records, coded, strict=True):
        gold = rec.get("events") or []
        g_root = {(country(g["source"]), country(g["target"]), g["code"][:2]) for g in gold}
        p_root = {(actor_country(e.source), actor_country(e.target), e.root) for e in events}
        g_full = {(g["source"], g["target"], g["code"]) for g in gold}
        p_full = {(_code(e.source), _code(e.target), e.cameo) for e in events}
        label = f"{rec.get('id')}: {rec['text'][:90]}"
        root.add(p_root, g_root, label)
        full.add(p_full, g_full, label)
    rep = Report()
    rep.lines.append(f"{len(records)} records ({subset})")
    rep.lines.append(root.row("country+root"))
    rep.lines.append(full.row("full codes"))
    rep.misses = root.misses
    rep.metrics = {"root_p": root.precision, "root_r": root.recall, "root_f1": root.f1,
                   "full_f1": full.f1}
    return rep


def evaluate_plover(records: list[dict], pipeline) -> Report:  # type: ignore[no-untyped-def]
    coded = code_records(records, pipeline)
    found = correct = any_correct = 0
    actors = PRF()
    rep = Report()
    for rec, events in zip(records, coded, strict=True):
        gold_type = rec["event_type_plover_current"].split("-")[0]
        typed = [e for e in events if e.plover.type]
        label = f"{rec.get('id')}: {rec['text'][:90]}"
        if not typed:
            rep.misses.append(f"{label} missed {gold_type}")
            continue
        found += 1
        top = max(typed, key=lambda e: (e.confidence, -e.span[0]))
        if top.plover.type == gold_type:
            correct += 1
        else:
            rep.misses.append(f"{label} typed {top.plover.type} ({top.cameo}), gold {gold_type}")
        if any(e.plover.type == gold_type for e in typed):
            any_correct += 1
        gold_c = {a.get("code", "")[:3] for side in ("source", "target")
                  for a in rec["actors"].get(side, []) if a.get("code")}
        pred_c = {actor_country(a) for e in typed for a in (e.source, e.target) if a}
        actors.add(pred_c, gold_c)
    n = len(records)
    recall = found / n if n else 0.0
    acc = correct / found if found else 0.0
    rep.lines.append(f"{n} records")
    rep.lines.append(f"{'event found (recall)':<28} {recall:.3f}  ({found}/{n})")
    rep.lines.append(f"{'type accuracy, top event':<28} {acc:.3f}  ({correct}/{found})")
    rep.lines.append(f"{'type accuracy, any event':<28} {any_correct / found if found else 0:.3f}")
    rep.lines.append(actors.row("actor countries"))
    rep.metrics = {"recall": recall, "type_accuracy": acc}
    return rep


def evaluate_articles(gold: list[dict], articles: Path, pipeline) -> Report:  # type: ignore[no-untyped-def]
    """Document-level scoring of annotated articles: one gold line per event with `doc_id`."""
    from faultlines.read import read_inputs

    docs = [d for d in read_inputs([str(articles)]) if not hasattr(d, "reason")]
    coded = {r.document.doc_id: [e for e in r.events if e.modality == "asserted"]
             for r in pipeline.run(docs)}  # type: ignore[arg-type]
    by_doc: dict[str, list[dict]] = {}
    for g in gold:
        by_doc.setdefault(g["doc_id"], []).append(g)
    root, full = PRF(), PRF()
    for doc_id in sorted(set(by_doc) | set(coded)):
        gold_evs = by_doc.get(doc_id, [])
        events = coded.get(doc_id, [])
        root.add({(actor_country(e.source), actor_country(e.target), e.root) for e in events},
                 {(country(g["source"]), country(g["target"]), g["cameo"][:2]) for g in gold_evs},
                 doc_id)
        full.add({(_code(e.source), _code(e.target), e.cameo) for e in events},
                 {(g["source"], g["target"], g["cameo"]) for g in gold_evs}, doc_id)
    rep = Report()
    rep.lines += [f"{len(by_doc)} annotated documents", root.row("country+root"),
                  full.row("full codes")]
    rep.misses = root.misses
    rep.metrics = {"root_f1": root.f1, "full_f1": full.f1}
    return rep


def evaluate_file(path: Path, pipeline, subset: str = "real",  # type: ignore[no-untyped-def]
                  articles: Path | None = None) -> Report:
    records = load(path)
    if records and "doc_id" in records[0] and "cameo" in records[0]:
        if articles is None:
            raise ValueError(f"{path}: document-level gold needs --articles")
        return evaluate_articles(records, articles, pipeline)
    if records and "event_type_plover_current" in records[0]:
        return evaluate_plover(records, pipeline)
    if records and "events" in records[0]:
        return evaluate_petrarch(records, pipeline, subset)
    raise ValueError(f"{path}: not a PETRARCH- or PLOVER-style gold file")


def _code(a) -> str | None:  # type: ignore[no-untyped-def]
    return a.code if a else None
