"""The actor knowledge base: data files in `actors/data/` (and users' own) loaded into lookups.

Files (tab-separated, header line first, `|` separates alternatives):
- countries.tsv      iso3, names, adjectives         extra names and demonyms beyond pycountry's
- capitals.tsv       phrase, code, name              seats of government used as metonyms
- organisations.tsv  names, code, country, role, name[, start, end]  IGOs, armed groups,
                     movements; a group that took power has one row per period (the Taliban)
- roles.tsv          word, role                      "troops" -> MIL, "minister" -> GOV
- people/*.tsv       name, aliases, code, country, title, start, end   office holders with dates
A user file given with `--actors PATH` may hold any of these; its kind is read from its header.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pycountry
import spacy

from faultlines.read.clean import QUOTES

DATA = Path(__file__).parent / "data"
# Codes that stand for no country: international organisations and transnational groups.
NON_STATE_PREFIXES = ("IGO", "IMG", "NGO", "MNC")


@dataclass(frozen=True)
class Entry:
    """One thing a phrase can name."""

    kind: str  # country | adjective | metonym | org | person
    code: str
    name: str
    country: str | None
    role: str | None
    title: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def valid_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


def split_code(code: str) -> tuple[str | None, str | None]:
    """`RUSGOV` -> (RUS, GOV); `IGONAT` -> (None, IGO); `UKR` -> (UKR, None)."""
    if code.startswith(NON_STATE_PREFIXES):
        return None, code[:3]
    return code[:3], (code[3:6] or None)


def _date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value.strip() else None


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]


def _alts(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


@dataclass
class KnowledgeBase:
    phrases: dict[str, list[Entry]] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)  # iso3 -> display name
    max_len: int = 1

    def __post_init__(self) -> None:
        self._tokenizer = spacy.blank("en").tokenizer

    def key(self, phrase: str) -> str:
        """The lookup key of a phrase: lower-case tokens as spaCy splits them, without 'the'."""
        toks = [t.lower_ for t in self._tokenizer(phrase.strip().translate(QUOTES))]
        if toks and toks[0] == "the":
            toks = toks[1:]
        return " ".join(toks)

    def add(self, phrase: str, entry: Entry) -> None:
        k = self.key(phrase)
        if not k:
            return
        bucket = self.phrases.setdefault(k, [])
        if entry not in bucket:
            bucket.append(entry)
        self.max_len = max(self.max_len, k.count(" ") + 1)

    def lookup(self, phrase: str) -> list[Entry]:
        return self.phrases.get(self.key(phrase), [])

    def country_name(self, iso3: str | None) -> str | None:
        return self.country_names.get(iso3 or "")

    # Loading -------------------------------------------------------------------------------

    def load_file(self, path: Path) -> None:
        rows = _rows(path)
        if not rows:
            return
        cols = set(rows[0])
        if {"iso3", "names"} <= cols:
            self._load_countries(rows)
        elif {"phrase", "code"} <= cols:
            for r in rows:
                country, role = split_code(r["code"])
                entry = Entry("metonym", r["code"], r.get("name") or r["phrase"], country, role)
                self.add(r["phrase"], entry)
        elif {"names", "code", "role"} <= cols:
            for r in rows:
                names = _alts(r["names"])
                entry = Entry(
                    "org", r["code"], r.get("name") or names[0], r.get("country") or None,
                    r.get("role") or split_code(r["code"])[1],
                    start=_date(r.get("start", "")), end=_date(r.get("end", "")),
                )
                for n in names:
                    self.add(n, entry)
        elif {"word", "role"} <= cols:
            for r in rows:
                self.roles[self.key(r["word"])] = r["role"]
        elif {"name", "code", "start"} <= cols:
            for r in rows:
                country, role = split_code(r["code"])
                entry = Entry(
                    "person", r["code"], r["name"], r.get("country") or country, role,
                    title=r.get("title") or None, start=_date(r["start"]), end=_date(r["end"]),
                )
                for n in [r["name"], *_alts(r.get("aliases", ""))]:
                    self.add(n, entry)
        else:
            raise ValueError(f"{path}: unknown actor file format (columns: {sorted(cols)})")

    def _load_countries(self, rows: list[dict[str, str]]) -> None:
        for r in rows:
            iso = r["iso3"].upper()
            name = self.country_names.get(iso) or (_alts(r["names"]) or [iso])[0]
            self.country_names.setdefault(iso, name)
            for n in _alts(r["names"]):
                self.add(n, Entry("country", iso, name, iso, None))
            for a in _alts(r.get("adjectives", "")):
                self.add(a, Entry("adjective", iso, name, iso, None))

    def load_pycountry(self) -> None:
        """ISO names, for names the data files do not already claim (they decide ambiguous
        ones: bare "Congo" is the DR Congo in news, pycountry's name for the Republic)."""
        for c in pycountry.countries:
            name = getattr(c, "common_name", None) or c.name
            self.country_names.setdefault(c.alpha_3, name)
            for n in {c.name, name, getattr(c, "official_name", c.name)}:
                if not any(e.kind == "country" for e in self.lookup(n)):
                    self.add(n, Entry("country", c.alpha_3, name, c.alpha_3, None))
        self.country_names.setdefault("XKX", "Kosovo")


def load_kb(extra: tuple[Path, ...] = ()) -> KnowledgeBase:
    kb = KnowledgeBase()
    for path in sorted(DATA.glob("*.tsv")) + sorted((DATA / "people").glob("*.tsv")):
        kb.load_file(path)
    kb.load_pycountry()
    for path in extra:
        kb.load_file(path)
    return kb


@lru_cache(maxsize=4)
def default_kb(extra: tuple[Path, ...] = ()) -> KnowledgeBase:
    return load_kb(extra)
