"""The whole pipeline for a stream of documents: parse -> actors -> coding -> enrich.

`Pipeline.run` is what `faultlines code`, `faultlines ingest` and the benchmark call. With
`n_process > 1` whole documents are spread over worker processes, each with its own copy of the
pipeline, since actor resolution and coding cost time too, not only the parse.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from faultlines.actors.kb import default_kb
from faultlines.actors.resolve import DocActors
from faultlines.coding.coder import Coder
from faultlines.coding.lexicon import default_lexicon
from faultlines.enrich import Enricher
from faultlines.enrich.places import dateline_place
from faultlines.models import Document, Event, Quote
from faultlines.parse import load_nlp


@dataclass
class Result:
    document: Document
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)


def home_country(document: Document) -> str | None:
    """The country of the document's dateline, if it has one."""
    place = dateline_place(document.text, set())
    return place.country if place else None


class Pipeline:
    def __init__(self, actor_files: tuple[Path, ...] = (), pattern_files: tuple[Path, ...] = (),
                 dyads_only: bool = False):
        self.actor_files = actor_files
        self.pattern_files = pattern_files
        # Event data sets such as ICEWS and Phoenix keep only events with both sides known;
        # by default we also keep those with a side the text does not name.
        self.dyads_only = dyads_only
        self.nlp = load_nlp()
        self.kb = default_kb(actor_files)
        self.coder = Coder(default_lexicon(pattern_files), self.kb.roles)
        self.event_nouns = self.coder.lex.event_nouns
        self.enricher = Enricher()

    def analyse(self, doc: Doc, document: Document) -> Result:
        actors = DocActors(doc, self.kb, document.date, self.event_nouns, home_country(document))
        events = self.coder.code(doc, document, actors)
        if self.dyads_only:
            events = [e for e in events if e.source is not None and e.target is not None]
        events = self.enricher.enrich(doc, document, events)
        quotes = self.enricher.quotes(doc, document, actors)
        sentences = [(s.start_char, s.end_char) for s in doc.sents]
        return Result(document, events, quotes, sentences)

    def run(
        self, documents: Iterable[Document], n_process: int = 1, batch_size: int = 16
    ) -> Iterator[Result]:
        if n_process > 1:
            yield from self._run_parallel(documents, n_process, batch_size)
            return
        pairs = ((d.text, d) for d in documents)
        for doc, document in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield self.analyse(doc, document)

    def _run_parallel(
        self, documents: Iterable[Document], n_process: int, batch_size: int
    ) -> Iterator[Result]:
        # The input is read here, in the calling thread (it may be a generator that checks a
        # database), and at most 2 chunks per worker are in flight, in order.
        ctx = mp.get_context("fork")
        init = (self.actor_files, self.pattern_files, self.dyads_only)
        with ctx.Pool(n_process, initializer=_init_worker, initargs=init) as pool:
            pending: deque = deque()
            for chunk in _chunks(documents, batch_size):
                pending.append(pool.apply_async(_work, (chunk,)))
                if len(pending) >= 2 * n_process:
                    yield from pending.popleft().get()
            while pending:
                yield from pending.popleft().get()


def _chunks(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


_worker: Pipeline | None = None


def _init_worker(actor_files: tuple[Path, ...], pattern_files: tuple[Path, ...],
                 dyads_only: bool = False) -> None:
    global _worker
    _worker = Pipeline(actor_files, pattern_files, dyads_only)


def _work(chunk: list[Document]) -> list[Result]:
    assert _worker is not None
    return list(_worker.run(chunk))
