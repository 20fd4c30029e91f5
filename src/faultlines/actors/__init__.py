"""Stage 3, actors: the knowledge base and the resolver that codes every mention."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from faultlines.actors.kb import KnowledgeBase, default_kb, load_kb, split_code
from faultlines.actors.resolve import DocActors
from faultlines.models import Actor


def resolve_phrase(phrase: str, date: dt.date | None = None,
                   extra: tuple[Path, ...] = ()) -> Actor | None:
    """The actor a short phrase names ("the Kremlin", "Russian troops"), or None."""
    from faultlines.parse import load_nlp

    doc = load_nlp()(phrase)
    if not len(doc):
        return None
    actors = DocActors(doc, default_kb(extra), date)
    root = next(iter(doc.sents)).root
    found = actors.actors(root, coded_only=False)
    if root.pos_ in ("NOUN", "PROPN") and not any(a.country or a.code != a.role for a in found):
        # A noun phrase the parser read as a clause: every word describes the last noun.
        nouns = [t for t in doc if t.pos_ in ("NOUN", "PROPN")]
        found = actors.resolve_span(nouns[-1], list(doc)) or found
    if not found:
        # A fragment the parser reads as a clause: take the first noun phrase that resolves.
        for tok in doc:
            if tok.pos_ in ("PROPN", "NOUN", "ADJ") and tok.dep_ not in ("compound", "amod"):
                found = actors.actors(tok, coded_only=False)
                if found:
                    break
    if not found:
        # A place on its own ("Mariupol", "Rakhine"): its country.
        from faultlines.gazetteer import lookup

        name = phrase.strip()
        place = None if name.isupper() or name.lower().startswith("the ") else lookup(name, set())
        if place and place.country:
            return Actor(text=phrase, name=place.name, code=place.country,
                         country=place.country, role=None)
        return None
    return found[0].model_copy(update={"text": phrase})


__all__ = ["DocActors", "KnowledgeBase", "default_kb", "load_kb", "resolve_phrase", "split_code"]
