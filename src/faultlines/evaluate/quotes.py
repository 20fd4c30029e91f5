"""`faultlines eval quotes`: quote spans and speakers against a hand-annotated file.

A gold quote is found when a predicted quote of the same kind in the same document shares most
of its words (token overlap >= 0.6 of the shorter text); its speaker is right when the predicted
speaker's code equals the gold code (country-level agreement is reported too).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from faultlines.models import Quote


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def overlap(a: str, b: str) -> float:
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    common = len(set(wa) & set(wb))
    return common / min(len(set(wa)), len(set(wb)))


@dataclass
class QuoteReport:
    gold: int = 0
    predicted: int = 0
    found: int = 0
    matched_predictions: int = 0
    speaker_ok: int = 0
    speaker_country_ok: int = 0
    misses: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        r = self.found / self.gold if self.gold else 0.0
        p = self.matched_predictions / self.predicted if self.predicted else 0.0
        s = self.speaker_ok / self.found if self.found else 0.0
        c = self.speaker_country_ok / self.found if self.found else 0.0
        return [
            f"quotes found (recall)    {r:.3f}  ({self.found}/{self.gold})",
            f"quote precision          {p:.3f}  ({self.matched_predictions}/{self.predicted})",
            f"speaker code accuracy    {s:.3f}  (of found)",
            f"speaker country accuracy {c:.3f}  (of found)",
        ]


def evaluate_quotes(gold_path: Path, predicted: dict[str, list[Quote]]) -> QuoteReport:
    rep = QuoteReport()
    gold = [json.loads(x) for x in gold_path.read_text(encoding="utf-8").splitlines() if x.strip()]
    used: set[int] = set()
    rep.predicted = sum(len(v) for v in predicted.values())
    for g in gold:
        rep.gold += 1
        cands = [q for q in predicted.get(g["doc_id"], []) if q.kind == g["kind"]]
        best = max(cands, key=lambda q: overlap(q.text, g["text"]), default=None)
        if best is None or overlap(best.text, g["text"]) < 0.6:
            rep.misses.append(f"{g['doc_id']}: not found ({g['kind']}): {g['text'][:80]}")
            continue
        rep.found += 1
        if id(best) not in used:
            used.add(id(best))
            rep.matched_predictions += 1
        code = best.speaker.code if best.speaker else None
        if code == g["speaker"]:
            rep.speaker_ok += 1
        else:
            rep.misses.append(f"{g['doc_id']}: speaker {code} for {g['speaker']}: "
                              f"{g['text'][:60]}")
        if (code or "")[:3] == g["speaker"][:3]:
            rep.speaker_country_ok += 1
    return rep
