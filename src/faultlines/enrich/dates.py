"""An event's own date: the time expression of its clause, resolved against the publication date.

Weekdays are resolved by arithmetic (the latest such day on or before publication for reported
events, the next one for planned events); "a day after X" / "two days before X" date X relative
to the main clause; other expressions ("last week", "May 18", "December 29", "yesterday") go to
dateparser with the publication date as the base and past or future preference by modality.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from spacy.tokens import Span, Token

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "ten": 10}
UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7}
_OFFSET = re.compile(
    r"\b(a|an|one|two|three|four|five|six|seven|ten|\d+)\s+(day|days|week|weeks)\s+(after|before)\b",
    re.IGNORECASE,
)
_PART_OF_DAY = re.compile(r"\s+(night|morning|evening|afternoon)$", re.IGNORECASE)
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
           "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_DATELINE = re.compile(
    rf"\b(?:(\d{{1,2}})\s+({_MONTHS})\.?,?\s+(\d{{4}})|({_MONTHS})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})"
    r"|(\d{4})-(\d{2})-(\d{2}))\b",
    re.IGNORECASE,
)
DURATION = re.compile(r"^(a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+"
                      r"(day|week|month|year)s?$")
REPORTING = {"say", "tell", "add", "state", "report", "announce", "stress", "affirm", "claim"}
# Words that make a DATE entity a duration or an ordinal, not a point in time.
NOT_A_DATE = re.compile(r"\b(term|hour|hours|minute|years? old|first|second|time|annual|decade)\b",
                        re.IGNORECASE)


def weekday(day: str, base: dt.date, future: bool) -> dt.date:
    target = WEEKDAYS.index(day)
    if future:
        delta = (target - base.weekday()) % 7
        return base + dt.timedelta(days=delta)
    delta = (base.weekday() - target) % 7
    return base - dt.timedelta(days=delta)


@lru_cache(maxsize=4096)
def resolve(text: str, base: dt.date, future: bool = False) -> dt.date | None:
    """A time expression's calendar date relative to `base`, or None if it names no day."""
    t = _PART_OF_DAY.sub("", text.strip().lower())
    t = re.sub(r"^(on|last|this|since|by|from|until|early|late)\s+", "", t)
    if t in WEEKDAYS:
        return weekday(t, base, future)
    if t in ("today", "tonight"):
        return base
    if NOT_A_DATE.search(t) or DURATION.match(t):
        return None
    import dateparser  # slow import; only paid when a date needs parsing

    settings = {
        "RELATIVE_BASE": dt.datetime.combine(base, dt.time()),
        "PREFER_DATES_FROM": "future" if future else "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "REQUIRE_PARTS": ["day"] if re.search(_MONTHS, t) else [],
    }
    found = dateparser.parse(text, languages=["en"], settings=settings)  # type: ignore[arg-type]
    return found.date() if found else None


def dateline_date(text: str) -> dt.date | None:
    """A publication date written near the top of an article ("Dec 8, 2021", "2021-12-08")."""
    m = _DATELINE.search(text[:400])
    if not m:
        return None
    import dateparser

    found = dateparser.parse(m.group(0), languages=["en"])
    return found.date() if found else None


def _governing_verb(tok: Token) -> Token:
    t = tok
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            return t
        t = t.head
    return t


def event_date(sent: Span, trigger: Token, anchor: Token, base: dt.date | None,
               future: bool) -> tuple[dt.date | None, str | None]:
    """(date, the words that gave it) for the event whose trigger is `trigger`."""
    if base is None:
        return None, None
    # "X comes a day after Y did Z": Z is dated relative to the main clause's time.
    for m in _OFFSET.finditer(sent.text):
        start = sent.start_char + m.end()
        if trigger.idx >= start:
            n = NUMBERS.get(m.group(1).lower()) or int(m.group(1))
            days = n * UNITS[m.group(2).lower()]
            sign = -1 if m.group(3).lower() == "after" else 1
            return base + dt.timedelta(days=sign * days), m.group(0)
    candidates = []
    for ent in sent.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        if sent.doc[ent.start - 1].lower_ in ("since", "until", "for", "before", "by") \
                if ent.start > 0 else False:
            continue  # "has ruled since 1994": a span's edge, not the event's day
        verb = _governing_verb(ent.root)
        attached = verb in (trigger, anchor) or verb.i == trigger.head.i
        if not attached:
            if verb not in trigger.ancestors or verb.lemma_ in REPORTING:
                # another clause's date ("who has ruled since 1994"), or the day of the saying
                # ("Putin said Wednesday that ..."), not the event's
                continue
        candidates.append((not attached, abs(ent.root.i - trigger.i), ent))
    for _, _, ent in sorted(candidates, key=lambda c: (c[0], c[1])):
        day = resolve(ent.text, base, future)
        if day is not None:
            return day, ent.text
    return base, None
