"""Stage 5, enrich: each event's own date and place, and the document's quotes."""

from __future__ import annotations

from spacy.tokens import Doc

from faultlines.actors.resolve import DocActors
from faultlines.enrich.dates import dateline_date, event_date
from faultlines.enrich.places import dateline_place, event_place
from faultlines.enrich.quotes import extract_quotes
from faultlines.models import Document, Event, Quote


class Enricher:
    def enrich(self, doc: Doc, document: Document, events: list[Event]) -> list[Event]:
        if not events:
            return events
        base = document.date
        fallback = None
        out = []
        for ev in events:
            tok = _trigger(doc, ev)
            sent = tok.sent
            day, words = event_date(sent, tok, tok.head, base, ev.modality == "future")
            countries = {a.country for a in (ev.source, ev.target) if a and a.country}
            place = event_place(sent, tok, countries, skip=set())
            if place is None:
                if fallback is None:
                    fallback = dateline_place(document.text, countries) or False
                place = fallback or None
            out.append(ev.model_copy(update={"date": day, "date_text": words, "location": place}))
        return out

    def quotes(self, doc: Doc, document: Document, actors: DocActors) -> list[Quote]:
        return extract_quotes(doc, document, actors)


def _trigger(doc: Doc, ev: Event):  # type: ignore[no-untyped-def]
    span = doc.char_span(ev.span[0], ev.span[1], alignment_mode="expand")
    assert span is not None
    for tok in span:
        if tok.text == ev.trigger:
            return tok
    return span.root


__all__ = ["Enricher", "dateline_date", "event_date", "extract_quotes"]
