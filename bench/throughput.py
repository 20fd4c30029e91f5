"""Throughput benchmark: faultlines' full pipeline against spaCy's bare parse of the same texts.

Articles are generated from the project's own example articles (examples/articles/*.txt),
varied by shuffling paragraphs, so nothing outside the repo is needed. Both sides run in the
same process and run, so the ratio is meaningful on a noisy machine:

    python bench/throughput.py            # 500 articles
    python bench/throughput.py -n 200 --stages

Reports articles/s, tokens/s and peak memory (RSS high-water mark of the process and of its
children) for (a) `nlp.pipe` and (b) the full pipeline, single process and with 2 processes.
With --stages it also times actor resolution, coding and enrichment separately.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from faultlines.read import make_document  # noqa: E402


def corpus(n: int, seed: int = 7) -> list:
    files = sorted((ROOT / "examples" / "articles").glob("*.txt"))
    if not files:
        raise SystemExit("bench: no example articles in examples/articles/")
    rng = random.Random(seed)
    bases = [f.read_text(encoding="utf-8") for f in files]
    docs = []
    for i in range(n):
        paras = [p for p in bases[i % len(bases)].split("\n") if p.strip()]
        head, body = paras[:2], paras[2:]
        rng.shuffle(body)
        docs.append(make_document("\n".join(head + body), doc_id=f"bench-{i}",
                                  date=f"2023-0{1 + i % 9}-1{i % 9}"))
    return docs


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def timed(label: str, fn, n_docs: int, n_tokens: int) -> float:
    t = time.perf_counter()
    fn()
    dt = time.perf_counter() - t
    print(f"{label:<34} {dt:7.2f} s  {n_docs / dt:8.1f} articles/s  {n_tokens / dt:9.0f} tokens/s"
          f"  peak {peak_mb():7.0f} MB")
    return dt


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=500)
    ap.add_argument("--stages", action="store_true")
    args = ap.parse_args()

    from faultlines.parse import load_nlp
    from faultlines.pipeline import Pipeline

    docs = corpus(args.n)
    texts = [d.text for d in docs]
    pipe = Pipeline()
    nlp = load_nlp()
    list(pipe.run(docs[:8]))  # warm-up: lazy tables (gazetteer, dateparser) load once
    n_tokens = sum(len(d) for d in nlp.tokenizer.pipe(texts))
    print(f"{len(docs)} articles, {n_tokens} tokens, spaCy model {nlp.meta['name']} "
          f"{nlp.meta['version']}")
    bare = timed("(a) spaCy nlp.pipe, 1 process", lambda: list(nlp.pipe(texts, batch_size=16)),
                 len(docs), n_tokens)
    full = timed("(b) faultlines pipeline, 1 process", lambda: list(pipe.run(docs)),
                 len(docs), n_tokens)
    bare2 = timed("(a) spaCy nlp.pipe, 2 processes",
                  lambda: list(nlp.pipe(texts, batch_size=16, n_process=2)), len(docs), n_tokens)
    full2 = timed("(b) faultlines pipeline, 2 processes",
                  lambda: list(pipe.run(docs, n_process=2)), len(docs), n_tokens)
    print(f"ratio (b)/(a), 1 process:   {full / bare:.2f}")
    print(f"ratio (b)/(a), 2 processes: {full2 / bare2:.2f}")
    if args.stages:
        stages(pipe, docs, bare)


def stages(pipe, docs, bare: float) -> None:  # type: ignore[no-untyped-def]
    from faultlines.actors.resolve import DocActors

    parsed = list(pipe.nlp.pipe([(d.text, d) for d in docs], as_tuples=True, batch_size=16))
    t = time.perf_counter()
    resolved = [DocActors(doc, pipe.kb, d.date, pipe.event_nouns) for doc, d in parsed]
    t_actors = time.perf_counter() - t
    t = time.perf_counter()
    coded = [pipe.coder.code(doc, d, a) for (doc, d), a in zip(parsed, resolved, strict=True)]
    t_code = time.perf_counter() - t
    t = time.perf_counter()
    for (doc, d), a, evs in zip(parsed, resolved, coded, strict=True):
        pipe.enricher.enrich(doc, d, evs)
        pipe.enricher.quotes(doc, d, a)
    t_enrich = time.perf_counter() - t
    print(f"stage times: actors {t_actors:.2f} s ({t_actors / bare:.1%} of bare parse), "
          f"coding {t_code:.2f} s ({t_code / bare:.1%}), "
          f"enrich (dates, places, quotes) {t_enrich:.2f} s ({t_enrich / bare:.1%})")


if __name__ == "__main__":
    main()
