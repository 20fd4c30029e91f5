"""Quotes with their speakers.

Direct quotes are found on the cleaned text (quote marks are normalised to straight ones by the
reader): pairs of double quotes inside a paragraph, a quote left open at a paragraph's end running
on into the next, and parts split around a cue (`"...," he said, "..."`) joined into one quote.
The speaker is the subject of the nearest verb of saying outside the quote, resolved by the actor
resolver (so "he" is the person named before). Indirect speech is a verb of saying with a clause
complement: "Putin said Moscow pursues a peaceful foreign policy".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from faultlines.actors.resolve import DocActors
from faultlines.models import Actor, Document, Quote

SPEECH_VERBS = {
    "say", "tell", "add", "stress", "affirm", "state", "warn", "insist", "note", "write",
    "explain", "declare", "emphasise", "emphasize", "reiterate", "mention", "reply", "respond",
    "comment", "announce", "claim", "argue", "tweet", "remark", "continue", "conclude", "assert",
    "acknowledge", "admit", "recall", "predict", "vow", "pledge", "promise", "allege",
}
MIN_WORDS = 3  # shorter quoted fragments ("frank") are scare quotes, not quotations
MAX_CUE_GAP = 60  # characters between two parts of one quote split around "he said"


@dataclass
class Part:
    start: int  # first character inside the quote marks
    end: int  # the closing quote mark (or the paragraph's end)


def quote_parts(text: str) -> list[Part]:
    parts: list[Part] = []
    open_at: int | None = None
    pos = 0
    for para in re.split(r"(\n\n)", text):
        if para == "\n\n":
            pos += 2
            continue
        for m in re.finditer('"', para):
            i = pos + m.start()
            if open_at is None:
                open_at = i + 1
            else:
                parts.append(Part(open_at, i))
                open_at = None
        if open_at is not None:
            # Convention: a quote that runs on opens again at the next paragraph.
            nxt = text[pos + len(para) + 2 : pos + len(para) + 3]
            parts.append(Part(open_at, pos + len(para)))
            open_at = None
            if nxt == '"':
                pass  # the next paragraph's opening mark starts a new part, joined below
        pos += len(para)
    return [p for p in parts if p.end > p.start]


def _speech_verb_near(doc: Doc, start: int, end: int, inside: list[Part]) -> Token | None:
    """The verb of saying closest to the quote, outside any quote, in its sentence(s)."""
    first = doc.char_span(start, start, alignment_mode="expand")
    span = doc.char_span(start, max(end, start + 1), alignment_mode="expand")
    if span is None or first is None:
        return None
    sents = {t.sent.start: t.sent for t in span} or {first.sent.start: first.sent}
    candidates = []
    for sent in sents.values():
        for tok in sent:
            if tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ in ("VERB", "AUX"):
                if any(p.start <= tok.idx < p.end for p in inside):
                    continue
                dist = start - tok.idx if tok.idx < start else tok.idx - end
                candidates.append((dist, tok))
    if not candidates:
        return None
    return min(candidates, key=lambda c: c[0])[1]


def _subject(verb: Token, actors: DocActors) -> tuple[Actor | None, bool]:
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            found = actors.actors(c)
            return (found[0] if found else None), True
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i:
        return _subject(verb.head, actors)
    return None, False


def direct_quotes(doc: Doc, document: Document, actors: DocActors) -> list[Quote]:
    text = document.text
    parts = [p for p in quote_parts(text) if len(text[p.start : p.end].split()) >= 1]
    # Join parts split around a short cue: "...," he said, "..."
    groups: list[list[Part]] = []
    for p in parts:
        if groups:
            last = groups[-1][-1]
            gap = text[last.end + 1 : p.start - 1]
            if len(gap) <= MAX_CUE_GAP and "\n" not in gap and re.search(r"\b\w+\b", gap):
                cue = re.search(r"\b(said|says|added|adds|stressed|told|continued|insisted)\b",
                                gap)
                if cue and text[last.end - 1 : last.end] in (",", ".", "?", "!"):
                    groups[-1].append(p)
                    continue
        groups.append([p])
    out = []
    for g in groups:
        words = sum(len(text[p.start : p.end].split()) for p in g)
        if words < MIN_WORDS:
            continue
        start, end = g[0].start, g[-1].end
        verb = _speech_verb_near(doc, start, end, parts)
        speaker, cue = None, None
        if verb is not None:
            speaker, _ = _subject(verb, actors)
            cue = verb.text
        if speaker is None:
            speaker, cue = _according_to(doc, start, end, actors) or (speaker, cue)
        quoted = " ".join(text[p.start : p.end].strip() for p in g)
        out.append(Quote(doc_id=document.doc_id, speaker=speaker, text=quoted.strip(),
                         kind="direct", cue=cue, span=(start, end)))
    return out


def _according_to(doc: Doc, start: int, end: int,
                  actors: DocActors) -> tuple[Actor | None, str] | None:
    span = doc.char_span(start, max(end, start + 1), alignment_mode="expand")
    if span is None:
        return None
    for tok in span.sent:
        if tok.lower_ == "according" and tok.nbor(1).lower_ == "to":
            for g in tok.nbor(1).children:
                if g.dep_ == "pobj":
                    found = actors.actors(g)
                    if found:
                        return found[0], "according to"
    return None


def indirect_quotes(doc: Doc, document: Document, actors: DocActors,
                    direct: list[Quote]) -> list[Quote]:
    out = []
    for tok in doc:
        if tok.lemma_.lower() not in SPEECH_VERBS or tok.pos_ != "VERB":
            continue
        comp = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
        if comp is None:
            continue
        toks = [t for t in comp.subtree if not t.is_punct or t.i != comp.right_edge.i]
        if not toks:
            continue
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
        if any(q.span[0] <= start < q.span[1] or start <= q.span[0] < end for q in direct):
            continue
        if toks[0].lower_ == "that":
            start = toks[1].idx if len(toks) > 1 else start
        if len(document.text[start:end].split()) < MIN_WORDS:
            continue
        speaker, has_subject = _subject(tok, actors)
        if not has_subject:
            continue
        out.append(Quote(doc_id=document.doc_id, speaker=speaker, text=document.text[start:end],
                         kind="indirect", cue=tok.text, span=(start, end)))
    return out


def extract_quotes(doc: Doc, document: Document, actors: DocActors) -> list[Quote]:
    direct = direct_quotes(doc, document, actors)
    return sorted(direct + indirect_quotes(doc, document, actors, direct),
                  key=lambda q: q.span[0])
