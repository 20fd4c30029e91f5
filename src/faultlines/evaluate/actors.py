"""`faultlines eval actors`: country and sector accuracy of phrase resolution.

Reads NGEC-style assertion rows (`input`, `expected.country`, `expected.code_1`); rows whose
method only looks up Wikipedia titles or matches free text are not about actor codes and are
left out. An expected country "IGO" is matched by an international-organisation code.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from faultlines.actors import resolve_phrase

METHODS = {"agent_to_code", "search_nat", "short_text_to_agent"}


@dataclass
class ActorReport:
    country_total: int = 0
    country_ok: int = 0
    sector_total: int = 0
    sector_ok: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def country_accuracy(self) -> float:
        return self.country_ok / self.country_total if self.country_total else 0.0

    @property
    def sector_accuracy(self) -> float:
        return self.sector_ok / self.sector_total if self.sector_total else 0.0

    def lines(self) -> list[str]:
        return [
            f"country accuracy  {self.country_accuracy:.3f}  ({self.country_ok}/{self.country_total})",
            f"sector accuracy   {self.sector_accuracy:.3f}  ({self.sector_ok}/{self.sector_total})",
        ]


def actor_country(actor) -> str:  # type: ignore[no-untyped-def]
    if actor is None:
        return ""
    if actor.country:
        return actor.country
    # The benchmark writes UN bodies as UNO and EU bodies as EUR, other IGOs as IGO.
    code = actor.code or ""
    if code.startswith(("IGOUN", "IGOU", "IGOICJ", "IGOWHO", "IGOIAE", "IGOWFP", "IGOFAO")):
        return "UNO"
    if code.startswith("IGOEU"):
        return "EUR"
    return "IGO" if code.startswith(("IGO", "IMG", "NGO")) else ""


def evaluate_actors(path: Path, date: dt.date | None = None) -> ActorReport:
    rep = ActorReport()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("method") not in METHODS:
            continue
        exp = row.get("expected") or {}
        actor = resolve_phrase(row["input"], date)
        got_country = actor_country(actor)
        got_role = actor.role if actor else None
        if exp.get("country"):
            rep.country_total += 1
            if got_country == exp["country"]:
                rep.country_ok += 1
            else:
                rep.misses.append(f"country {row['input']!r}: expected {exp['country']}, "
                                  f"got {got_country or None}")
        if exp.get("code_1"):
            rep.sector_total += 1
            if got_role == exp["code_1"]:
                rep.sector_ok += 1
            else:
                rep.misses.append(f"sector  {row['input']!r}: expected {exp['code_1']}, "
                                  f"got {got_role}")
    return rep
