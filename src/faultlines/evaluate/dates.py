"""`faultlines eval dates`: are events dated right?

Two sources of truth, both annotated by the team:
- `examples/gold/events.jsonl`: events of the bundled example articles with their dates;
- `examples/gold/seed_dates.jsonl`: events of the seed articles (read from ../shared/seeds, which
  the repository does not carry), located by the start of their sentence and their CAMEO root.
An annotated event counts as found when an asserted event of the same root comes from the same
sentence; its date is right when it equals the annotated date.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from faultlines.read import make_document, read_inputs
from faultlines.read.clean import QUOTES


@dataclass
class DateReport:
    total: int = 0
    found: int = 0
    right: int = 0
    misses: list[str] = field(default_factory=list)

    def line(self, name: str) -> str:
        acc = self.right / self.found if self.found else 0.0
        return (f"{name:<10} date accuracy {acc:.3f} ({self.right}/{self.found} found events;"
                f" {self.found}/{self.total} annotated events found)")


def _check(rep: DateReport, events, sentence_start: str, root: str, date: str,  # type: ignore[no-untyped-def]
           label: str) -> None:
    rep.total += 1
    sentence_start = sentence_start.translate(QUOTES)
    cands = [e for e in events if e.root == root and e.modality == "asserted"
             and e.sentence.startswith(sentence_start[:60])]
    if not cands:
        rep.misses.append(f"{label}: no {root} event in: {sentence_start[:70]}")
        return
    rep.found += 1
    got = {str(e.date) for e in cands}
    if date in got:
        rep.right += 1
    else:
        rep.misses.append(f"{label}: dated {sorted(got)}, annotated {date}: {sentence_start[:60]}")


def evaluate_examples(gold: Path, articles: Path, pipeline) -> DateReport:  # type: ignore[no-untyped-def]
    rep = DateReport()
    docs = [d for d in read_inputs([str(articles)]) if not hasattr(d, "reason")]
    events = {r.document.doc_id: r.events for r in pipeline.run(docs)}  # type: ignore[arg-type]
    for line in gold.read_text(encoding="utf-8").splitlines():
        if line.strip():
            g = json.loads(line)
            _check(rep, events.get(g["doc_id"], []), g["sentence"], g["cameo"][:2], g["date"],
                   g["doc_id"])
    return rep


def evaluate_seeds(gold: Path, seeds: Path, pipeline) -> DateReport | None:  # type: ignore[no-untyped-def]
    if not seeds.is_dir():
        return None
    rep = DateReport()
    rows = [json.loads(x) for x in gold.read_text(encoding="utf-8").splitlines() if x.strip()]
    cache: dict[str, list] = {}
    for g in rows:
        if g["file"] not in cache:
            text = (seeds / g["file"]).read_text(encoding="utf-8")
            doc = make_document(text, date=g["pub_date"])
            cache[g["file"]] = next(iter(pipeline.run([doc]))).events
        _check(rep, cache[g["file"]], g["sentence_start"], g["root"], g["date"], g["file"])
    return rep
