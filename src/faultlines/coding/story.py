"""Passes over the events of a sentence or a whole story, once they are coded: one attack told
in two clauses, a partial report of an event told in full elsewhere, the side a story implies,
the parties an event noun refers back to."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from faultlines.coding.arguments import _code, country_actor, distinct
from faultlines.models import Actor, Event

# Roots whose events are done to someone: a missing side is implied by the story ("Mexico imposed
# tariffs" in a story about Mexico and China, "Moscow denied it"); protests, force postures and
# violence may have none.
DIRECTED_ROOTS = {"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "16"}


def implied_sides(events: list[Event]) -> list[Event]:
    """Fill the missing side of a one-sided asserted event with the story's counterpart: the
    country that the known side's country deals with in the document's complete events, when
    one clearly does ("China criticised the tariffs", in a story of Mexico's tariffs on China).
    In a domestic story that is the country itself ("the opposition leader called the decree a
    rebellion": KOROPP -> KOR). Events with no such counterpart keep their null side."""
    partners: dict[str, Counter[str]] = {}
    for e in events:
        s, t = e.source, e.target
        if e.modality == "asserted" and s and t and s.country and t.country:
            # (a country's dealings with itself count too: in a story of a domestic crisis,
            # the one foreign reaction is not everyone's counterpart)
            partners.setdefault(s.country, Counter())[t.country] += 1
            if t.country != s.country:
                partners.setdefault(t.country, Counter())[s.country] += 1
    out = []
    seen = {(_code(e.source), _code(e.target), e.cameo, e.sentence) for e in events}
    for e in events:
        side = "target" if e.target is None else "source" if e.source is None else None
        known_side = e.source if side == "target" else e.target
        if side is None or e.modality != "asserted" or e.root not in DIRECTED_ROOTS or \
                known_side is None or known_side.country not in partners:
            out.append(e)
            continue
        ranked = partners[known_side.country].most_common(2)
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            out.append(e)  # no clear counterpart
            continue
        c = ranked[0][0]
        other = country_actor(c)
        filled = e.model_copy(update={
            side: other,
            "rule": f"{e.rule} (other side from the story: {c})",
            "confidence": round(max(0.05, e.confidence - 0.1), 2)})
        key = (_code(filled.source), _code(filled.target), filled.cameo, filled.sentence)
        if key not in seen:
            seen.add(key)
            out.append(filled)
    return out


VIOLENT = ("18", "19", "20")
# Harm told without its cause: coded only when joined to the attack that caused it
CONSEQUENCES = {"wound", "injure"}


def join_halves(out: dict[tuple[str | None, str | None, str], Event],
                where: dict[tuple[str | None, str | None, str], Token]) -> None:
    """"A soldier was killed when Azerbaijani forces opened fire on positions": the killing
    names no attacker and the firing no target. One inside the other's clause, they are one
    attack, and each gets the side the other names."""
    def halves(missing: str) -> list[tuple[tuple[str | None, str | None, str], Event]]:
        other = "target" if missing == "source" else "source"
        return [(k, e) for k, e in out.items() if e.root in VIOLENT and e.modality == "asserted"
                and getattr(e, missing) is None and getattr(e, other) is not None and k in where]
    for kv, victim in halves("source"):
        for ka, attack in halves("target"):
            tv, ta = where[kv], where[ka]
            if not (tv.is_ancestor(ta) or ta.is_ancestor(tv)):
                continue
            if victim.target is None or attack.source is None or \
                    not distinct(attack.source, victim.target):
                continue
            for e, side, actor in ((victim, "source", attack.source),
                                   (attack, "target", victim.target)):
                filled = e.model_copy(update={side: actor, "rule": f"{e.rule} (one attack with "
                                              f"\"{(ta if e is victim else tv).text}\")"})
                out.setdefault((_code(filled.source), _code(filled.target), filled.cameo), filled)
            out.pop(kv, None)
            out.pop(ka, None)
    # "12 officers were injured": a wound with no one who caused it is no event of its own
    for k in [k for k, e in out.items() if e.source is None and k in where
              and where[k].lemma_.lower() in CONSEQUENCES]:
        out.pop(k)


def parties(noun: Token, earlier: list[Event], refers: dict[str, list[str]]) -> list[Actor]:
    """Both sides of the last earlier event that `noun` ("the truce") refers back to."""
    roots = refers.get(noun.lemma_.lower())
    for e in reversed(earlier):
        if roots and e.root in roots and e.source is not None and e.target is not None:
            return [e.source, e.target]
    return []


def reported_in_full(events: list[Event]) -> list[Event]:
    """Drop a one-sided asserted event when the document also gives an asserted event of the
    same root with that side known and the other side named ("17 civilians were killed" beside
    "the military airstrike killed 17 civilians"): the same event, told once in full."""
    full = {(_code(e.source), e.root, "s") for e in events
            if e.modality == "asserted" and e.source and e.target} | \
        {(_code(e.target), e.root, "t") for e in events
         if e.modality == "asserted" and e.source and e.target}
    out = []
    for e in events:
        if e.modality == "asserted" and (e.source is None) != (e.target is None):
            known_side = (_code(e.source), e.root, "s") if e.source else (_code(e.target), e.root, "t")
            if known_side in full:
                continue
        out.append(e)
    return out
