"""CAMEO code facts: name, Goldstein score (the GDELT CAMEO Goldstein table), QuadClass, and the
PLOVER type and mode each code corresponds to. Data: `data/cameo.tsv`."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "cameo.tsv"


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover_type: str | None
    plover_mode: str | None

    @property
    def root(self) -> str:
        return self.code[:2]


def quad_class(code: str) -> int:
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    out: dict[str, CameoCode] = {}
    with DATA.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            code = r["code"].strip()
            out[code] = CameoCode(
                code=code,
                name=r["name"].strip(),
                goldstein=float(r["goldstein"]),
                quad_class=int(r["quad_class"] or quad_class(code)),
                plover_type=r.get("plover_type", "").strip() or None,
                plover_mode=r.get("plover_mode", "").strip() or None,
            )
    return out


def lookup(code: str) -> CameoCode:
    """The facts for a code, falling back to its parent for codes the table lacks."""
    table = cameo_table()
    c = code
    while c and c not in table:
        c = c[:-1]
    if not c:
        raise KeyError(f"unknown CAMEO code {code!r}")
    found = table[c]
    return found if c == code else CameoCode(code, found.name, found.goldstein,
                                             found.quad_class, found.plover_type, found.plover_mode)
