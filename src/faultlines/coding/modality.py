"""Modality of an event: did it happen (asserted), not happen (negated), might it (hypothetical),
or is it planned (future)?

The trigger's own cues decide first (negation, auxiliaries, "if"); otherwise the clause that
governs it passes its modality down: "would impose sanctions" makes the sanctions hypothetical,
"fearing a full-scale invasion" the invasion, "refused to meet" the meeting negated. Reporting
verbs pass nothing down: "X said Y attacked Z" reports an attack as asserted.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Token

DATA = Path(__file__).parent / "data" / "modality.yaml"


@dataclass(frozen=True)
class Cues:
    negation_words: frozenset[str]
    hypothetical_aux: frozenset[str]
    future_aux: frozenset[str]
    conditional_marks: frozenset[str]
    future_governors: frozenset[str]
    expectation_governors: frozenset[str]
    hypothetical_governors: frozenset[str]
    negating_governors: frozenset[str]
    reporting_verbs: frozenset[str]
    hypothetical_modifiers: frozenset[str]
    future_modifiers: frozenset[str]
    generic_adverbs: frozenset[str]
    perfect_generic_adverbs: frozenset[str]
    generic_spans: frozenset[str]


@lru_cache(maxsize=1)
def load_cues(path: Path = DATA) -> Cues:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Cues(**{k: frozenset(str(w).lower() for w in v) for k, v in raw.items()})


def own_cues(tok: Token, cues: Cues) -> tuple[str, str] | None:
    """Modality from the trigger's own children, with the kind of cue that decided it:
    negation > conditional > will/would/maybe (auxiliaries) > modifier."""
    found: dict[str, str] = {}
    for c in tok.children:
        low = c.lower_
        dep = c.dep_
        if dep == "neg" or (dep == "det" and low in ("no", "neither")) or \
                (dep == "preconj" and low == "neither") or (dep == "cc" and low == "nor"):
            found["negation"] = "negated"  # also "neither confirmed nor denied"
        elif dep in ("nsubj", "nsubjpass") and (low in ("none", "nobody", "nothing") or any(
                g.dep_ == "det" and g.lower_ in ("no", "neither") for g in c.children)):
            found["negation"] = "negated"  # "no boats were seized", "none of them attacked"
        elif dep == "mark" and low in cues.conditional_marks:
            found["conditional"] = "hypothetical"
        elif dep == "mark" and low in ("before", "until", "till") and _present(tok):
            found["timing"] = "future"  # "must leave before any final deal is signed"
        elif dep in ("aux", "auxpass"):
            if low in cues.future_aux:
                found["will"] = "future"
            elif low in ("would", "'d"):
                found["would"] = "hypothetical"
            elif low == "must":
                found["must"] = "hypothetical"  # "troops must leave": someone's demand
            elif low in cues.hypothetical_aux:
                found["maybe"] = "hypothetical"
            elif c.lemma_ == "go" and any(g.lower_ == "to" for g in tok.children):
                found["will"] = "future"
        elif dep == "amod":
            if low in cues.hypothetical_modifiers:
                found["modifier"] = "hypothetical"
            elif low in cues.future_modifiers:
                found["modifier"] = "future"
    if "negation" in found and ("will" in found or "would" in found):
        return "negated", "refuse"  # "will not meet", "would not accept": a refusal
    for kind in ("negation", "conditional", "must", "maybe", "would", "will", "timing",
                 "modifier"):
        if kind in found:
            return found[kind], kind
    return None


# "no intention of", "no plans for": a refusal; "no date for a summit" is none.
INTENT_NOUNS = {"intention", "intent", "plan", "desire", "wish", "interest", "willingness",
                "appetite", "need", "reason"}


def _present(tok: Token) -> bool:
    """A verb in the present tense ("is signed", "signs"), which in a "before" clause tells of
    what has not yet happened."""
    if tok.tag_ in ("VBZ", "VBP"):
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in tok.children)


def modality(tok: Token, cues: Cues | None = None) -> str:
    return modality_cue(tok, cues)[0]


def modality_cue(tok: Token, cues: Cues | None = None, _depth: int = 0) -> tuple[str, str | None]:
    """(modality, cue kind). Cue kinds: negation, conditional, will, would, maybe, modifier
    (the trigger's own words); plan (the actor's own: "agreed to"), expect (someone else's:
    "is expected to"), fear, refuse, deny (a governing verb); refuse also for "will not"/"would
    not"; None when asserted."""
    cues = cues or load_cues()
    found = own_cues(tok, cues)
    if found:
        return found
    head = tok.head
    if head.i == tok.i or _depth > 8:
        return "asserted", None
    dep = tok.dep_
    gov = head.lemma_.lower()
    if dep == "xcomp" and (own_cues(head, cues) or ("", ""))[0] == "negated":
        return "negated", "refuse"  # "did not intend to send troops"
    if dep == "nsubj" and any(c.dep_ in ("acomp", "attr") and c.lower_ in
                              cues.hypothetical_modifiers for c in head.children):
        return "hypothetical", "maybe"  # "an invasion remained unlikely"
    if dep == "acl" and head.lemma_.lower() in cues.future_governors:
        if any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
            return "negated", "refuse"  # "had no plans to send troops"
        return "future", "plan"  # "an invitation to visit Brasilia", "plans to meet"
    if dep == "conj" and any((c.dep_ == "preconj" and c.lower_ == "neither")
                             or (c.dep_ == "cc" and c.lower_ == "nor") for c in head.children):
        return "negated", "negation"  # "neither confirmed nor denied"
    if dep == "conj" and tok.tag_ in ("VBD", "VBZ", "VBP") and any(
            c.dep_ == "aux" for c in head.children):
        # "did not intend to send troops and urged both sides to talk": the auxiliary is
        # the first verb's own
        if head.head.i == head.i:
            return "asserted", None
        return modality_cue(head.head, cues, _depth + 1) if head.dep_ in (
            "xcomp", "ccomp", "conj") else ("asserted", None)
    if dep in ("xcomp", "ccomp", "dobj", "pcomp", "nsubj", "nsubjpass", "attr", "oprd"):
        denies = gov in ("deny", "dismiss")
        if gov in cues.negating_governors and (denies or dep != "ccomp"):
            # denying a past act is not refusing a future one; "rejected" takes no clause
            # (a parse that gives it one is wrong more often than not)
            return "negated", "deny" if denies else "refuse"
        if gov in cues.hypothetical_governors:
            return "hypothetical", "fear"
        if gov in cues.future_governors and dep == "xcomp":
            # "agreed to meet" is the actor's plan; "is expected to meet" someone's forecast
            return "future", "expect" if gov in cues.expectation_governors else "plan"
    if dep in ("pobj", "pcomp") and tok.head.dep_ == "prep":
        # "warned of an attack", "fears of an invasion": what the preposition hangs on decides.
        anchor = head.head
        a_lemma = anchor.lemma_.lower()
        if a_lemma in cues.negating_governors:
            return "negated", "deny" if a_lemma in ("deny", "dismiss") else "refuse"
        if a_lemma in cues.hypothetical_governors:
            return "hypothetical", "fear"
        if anchor.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no"
                                         for c in anchor.children):
            if a_lemma in INTENT_NOUNS:
                return "negated", "refuse"  # "had no intention of restricting imports"
            return "negated", "negation"  # "gave no date for a summit": no refusal
        if a_lemma in cues.future_governors and anchor.pos_ == "NOUN":
            return "future", "expect"  # "preparations for the summit"
        if anchor.pos_ in ("VERB", "AUX"):
            return modality_cue(anchor, cues, _depth + 1)
        return "asserted", None
    if dep in ("ccomp", "parataxis") and gov in cues.reporting_verbs:
        return "asserted", None
    if dep == "acl" and head.pos_ in ("NOUN", "PROPN"):
        # "attend a summit hosted by Macron": the participle shares its noun's fate
        return modality_cue(head, cues, _depth + 1)
    if dep == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        # "sent troops to support the rebels": a purpose shares the fate of what serves it
        return modality_cue(head, cues, _depth + 1)
    if dep in ("advcl", "relcl", "acl", "appos", "npadvmod", "advmod", "prep"):
        return "asserted", None
    return modality_cue(head, cues, _depth + 1)


def generic(tok: Token, cues: Cues | None = None) -> bool:
    """A habitual or generic statement rather than an event: "are regularly detained", "have
    been detained over the past two decades", "have clashed for years"."""
    cues = cues or load_cues()
    perfect = _perfect(tok)
    for c in tok.children:
        if c.dep_ == "advmod" and c.lower_ in cues.generic_adverbs:
            return True
        if c.lower_ == "times" and any(m.lower_ in ("several", "many", "multiple", "numerous")
                                       for m in c.children):
            return True  # "has sanctioned US arms makers several times"
        if perfect and (
                (c.dep_ == "advmod" and c.lower_ in cues.perfect_generic_adverbs)
                or (c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "since"
                                              for g in c.children))
                or (c.dep_ == "prep" and c.lower_ == "since" and any(
                    t.text.isdigit() and len(t.text) == 4 for t in c.subtree))):
            # "has long accused", "has expelled dozens since the war began / since 2022"
            return True
        if c.dep_ == "prep" and c.lower_ in ("over", "for", "in", "during", "throughout"):
            for g in c.children:
                if g.dep_ != "pobj" or g.lower_ not in cues.generic_spans:
                    continue
                mods = {m.lower_ for m in g.children}
                # "for years", "over the past two decades"; not "jailed for two years"
                if c.lower_ == "for" and not any(m.dep_ == "nummod" for m in g.children):
                    return True
                if mods & {"past", "last", "recent"}:
                    return True
    return False


def background(tok: Token, year: int | None = None, month: int | None = None) -> bool:
    """A relative clause that describes an actor rather than reporting news: "the militant group
    that has seized parts of Iraq", "Hamas, which controls Gaza". Perfect or present tense and
    no time of its own; "the rebels, who attacked the town on Tuesday" is news."""
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since" for c in tok.children):
        return True  # "since the military seized power": the story's history
    if tok.dep_ == "pobj" and tok.head.lower_ == "since":
        return True  # "several exchanges since Russia's full-scale invasion"
    if year is not None and (_years_before(tok, year) or (
            tok.dep_ == "advcl" and tok.tag_ == "VBG" and _years_before(tok.head, year))):
        return True  # "launched its invasion in February 2022", told in 2024
    if tok.dep_ != "relcl" or tok.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if year is not None and month is not None and _months_before(tok, year, month):
        return True  # "Michel, who hosted the two leaders in May" (told in July)
    perfect = tok.tag_ == "VBN" and _perfect(tok)
    present = tok.tag_ in ("VBZ", "VBP")
    if not (perfect or present):
        return False
    return not any(t.ent_type_ in ("DATE", "TIME") for t in tok.subtree)


def _years_before(tok: Token, year: int) -> bool:
    """Is the event dated by a bare year (or month and year) before the publication year, or
    "last year", "years ago"?"""
    for c in tok.children:
        if c.dep_ == "npadvmod" and c.ent_type_ == "DATE":
            text = " ".join(t.lower_ for t in c.subtree)
            if "last year" in text or "years ago" in text or "decades ago" in text:
                return True
        if c.dep_ != "prep" or c.lower_ not in ("in", "since", "during"):
            continue
        for g in c.children:
            words = [t for t in g.subtree if t.ent_type_ == "DATE"]
            years = [int(t.text) for t in words if t.text.isdigit() and len(t.text) == 4]
            if years and not any(t.text.isdigit() and len(t.text) <= 2 for t in words) \
                    and max(years) < year:
                return True
    return False


MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]


def _months_before(tok: Token, year: int, month: int) -> bool:
    """Is the event dated by a month alone ("in May", "in May 2023") before the publication
    month?"""
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ != "in":
            continue
        for g in c.children:
            words = [t for t in g.subtree if t.ent_type_ == "DATE"]
            names = [MONTHS.index(t.lower_) + 1 for t in words if t.lower_ in MONTHS]
            years = [int(t.text) for t in words if t.text.isdigit() and len(t.text) == 4]
            if names and not any(t.text.isdigit() and len(t.text) <= 2 for t in words):
                if (years[0] if years else year, names[0]) < (year, month):
                    return True
    return False


def _perfect(tok: Token) -> bool:
    """'has seized', 'have clashed': the perfect, in which habits and histories are told."""
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)
