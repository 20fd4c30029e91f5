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
class Tally:
    total: int = 0
    ok: int = 0

    @property
    def accuracy(self) -> float:
        return self.ok / self.total if self.total else 0.0


@dataclass
class ActorReport:
    country: Tally = field(default_factory=Tally)
    sector: Tally = field(default_factory=Tally)
    misses: list[str] = field(default_factory=list)

    @property
    def country_accuracy(self) -> float:
        return self.country.accuracy

    @property
    def sector_accuracy(self) -> float:
        return self.sector.accuracy

    def check(self, what: str, phrase: str, expected: str | None, got: str | None) -> None:
        """Count one assertion (skipped when the row expects nothing for `what`)."""
        if not expected:
            return
        tally = self.country if what == "country" else self.sector
        tally.total += 1
        if got == expected:
            tally.ok += 1
        else:
            self.misses.append(f"{what:<7} {phrase!r}: expected {expected}, got {got or None}")

    def lines(self) -> list[str]:
        c, s = self.country, self.sector
        return [
            f"country accuracy  {c.accuracy:.3f}  ({c.ok}/{c.total})",
            f"sector accuracy   {s.accuracy:.3f}  ({s.ok}/{s.total})",
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
        rep.check("country", row["input"], exp.get("country"), actor_country(actor))
        rep.check("sector", row["input"], exp.get("code_1"), actor.role if actor else None)
    return rep
