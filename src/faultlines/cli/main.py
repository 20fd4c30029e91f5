"""The `faultlines` command: code, ingest, events, docs, quotes, actors, eval."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from faultlines.cli.output import EVENT_COLUMNS, FORMATS, write
from faultlines.models import Document, ReadFailure

app = typer.Typer(
    help="faultlines: political event data from news articles (who did what to whom, when, "
    "where, with the sentence as evidence).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOpt = Annotated[
    Path | None,
    typer.Option("--db", help="SQLite database (default: $FAULTLINES_DB or ./faultlines.db)."),
]
FormatOpt = Annotated[str, typer.Option("--format", "-f", help="jsonl, json, csv or table.")]
DateOpt = Annotated[
    str | None,
    typer.Option("--date", help="Publication date YYYY-MM-DD that relative dates resolve against."),
]
ActorsOpt = Annotated[
    list[Path] | None,
    typer.Option("--actors", help="Extra actor dictionary file (TSV, see docs/actors.md)."),
]
PatternsOpt = Annotated[
    list[Path] | None,
    typer.Option("--patterns", help="Extra event pattern file (YAML, see docs/coding.md)."),
]
DyadsOpt = Annotated[
    bool,
    typer.Option("--dyads-only", help="Leave out events with a side the text does not name "
                 "(as ICEWS and Phoenix data do)."),
]


class UsageError(Exception):
    pass


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return fmt


def parse_day(value: str | None, name: str = "--date") -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{name} must be a date as YYYY-MM-DD, not {value!r}") from None


def documents(inputs: list[str], date: dt.date | None, failures: list[ReadFailure]
              ) -> Iterator[Document]:
    """Read inputs, reporting each failure as one line on stderr as it happens."""
    from faultlines.enrich.dates import dateline_date
    from faultlines.read import read_inputs

    stdin_text = sys.stdin.read() if "-" in inputs else None
    for item in read_inputs(inputs, stdin_text):
        if isinstance(item, ReadFailure):
            failures.append(item)
            err.print(f"faultlines: {item.line()}", markup=False)
            continue
        day = date or item.date or dateline_date(item.text)
        if day != item.date:
            item = item.model_copy(update={"date": day})
        yield item


def pipeline(actors: list[Path] | None, patterns: list[Path] | None,  # type: ignore[no-untyped-def]
             dyads_only: bool = False):
    from faultlines.pipeline import Pipeline

    return Pipeline(tuple(actors or ()), tuple(patterns or ()), dyads_only)


@app.command()
def code(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, JSONL files, or - for stdin.")],
    date: DateOpt = None,
    fmt: FormatOpt = "jsonl",
    actors: ActorsOpt = None,
    patterns: PatternsOpt = None,
    asserted_only: Annotated[
        bool, typer.Option("--asserted-only", help="Leave out negated, hypothetical and future events.")
    ] = False,
    dyads_only: DyadsOpt = False,
) -> None:
    """Code documents into events without storing them.

    Example: faultlines code examples/articles/phone_call.txt --date 2023-06-15 --format table
    """
    check_format(fmt)
    day = parse_day(date)
    failures: list[ReadFailure] = []
    pipe = pipeline(actors, patterns, dyads_only)

    def events():  # type: ignore[no-untyped-def]
        for result in pipe.run(documents(inputs, day, failures)):
            for ev in result.events:
                if not asserted_only or ev.modality == "asserted":
                    yield ev

    write(events(), fmt, EVENT_COLUMNS)
    if failures:
        raise typer.Exit(2)


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, JSONL files, or - for stdin.")],
    db: DbOpt = None,
    date: DateOpt = None,
    actors: ActorsOpt = None,
    patterns: PatternsOpt = None,
    batch_size: Annotated[int, typer.Option(help="Documents per transaction.")] = 50,
    processes: Annotated[int, typer.Option("--processes", "-j", help="Worker processes.")] = 1,
    dyads_only: DyadsOpt = False,
) -> None:
    """Read, code and store documents; already stored documents are skipped.

    Example: faultlines ingest examples/articles.jsonl --db news.db
    """
    from rich.progress import Progress, SpinnerColumn, TextColumn

    from faultlines.merge import merge
    from faultlines.store import Store

    day = parse_day(date)
    failures: list[ReadFailure] = []
    pipe = pipeline(actors, patterns, dyads_only)
    totals = {"read": 0, "added": 0, "duplicates": 0, "events": 0}
    with Store(db) as store:
        seen: set[str] = set()

        def fresh() -> Iterator[Document]:
            # Streams: documents already stored (or repeated in this input) are not coded again.
            for d in documents(inputs, day, failures):
                totals["read"] += 1
                if d.content_hash in seen or d.doc_id in seen or store.has_document(d):
                    totals["duplicates"] += 1
                    continue
                seen.update((d.content_hash, d.doc_id))
                yield d

        batch: list = []
        stored_ids: list[str] = []
        flushed = 0

        def flush() -> None:
            nonlocal batch, flushed
            added, _ = store.add_batch(batch, failures[flushed:])
            flushed = len(failures)
            totals["added"] += added
            stored_ids.extend(b[0].doc_id for b in batch)
            batch = []

        progress = Progress(SpinnerColumn(), TextColumn("{task.completed} documents coded"),
                            console=err, transient=True, disable=not err.is_terminal)
        with progress:
            task = progress.add_task("coding", total=None)
            for result in pipe.run(fresh(), n_process=processes):
                batch.append((result.document, result.events, result.quotes, result.sentences))
                totals["events"] += len(result.events)
                progress.advance(task)
                if len(batch) >= batch_size:
                    flush()
            flush()
        merge(store, stored_ids)
        err.print(
            f"read {totals['read']} documents: {totals['added']} stored, "
            f"{totals['duplicates']} skipped as duplicates, {len(failures)} failed; "
            f"{totals['events']} events -> {store.path}",
            markup=False,
        )
    if failures:
        raise typer.Exit(2)


@app.command()
def events(
    db: DbOpt = None,
    actor: Annotated[str | None, typer.Option(help="Country or actor code on either side, e.g. RUS or RUSGOV.")] = None,
    dyad: Annotated[str | None, typer.Option(help="SOURCE:TARGET countries or codes, e.g. RUS:UKR.")] = None,
    root: Annotated[str | None, typer.Option(help="CAMEO root (two digits) or code prefix, e.g. 16.")] = None,
    since: Annotated[str | None, typer.Option(help="Earliest event date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Latest event date, YYYY-MM-DD.")] = None,
    modality: Annotated[str | None, typer.Option(help="asserted, negated, hypothetical or future.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = None,
    fmt: FormatOpt = "table",
    mentions: Annotated[bool, typer.Option("--mentions", help="One row per mention, not merged.")] = False,
    columns: Annotated[str | None, typer.Option(help="Table columns, e.g. date,source_code,cameo.")] = None,
) -> None:
    """List stored events, merged across articles, with filters.

    Example: faultlines events --dyad RUS:UKR --root 19 --since 2022-02-01 --format jsonl
    """
    from faultlines.store import Store

    check_format(fmt)
    where, params = ["1"], []
    if actor:
        where.append("(source_code LIKE ? OR target_code LIKE ?)")
        params += [actor.upper() + "%"] * 2
    if dyad:
        if ":" not in dyad:
            raise UsageError("--dyad takes SOURCE:TARGET, e.g. RUS:UKR")
        s, t = dyad.upper().split(":", 1)
        where.append("source_code LIKE ? AND target_code LIKE ?")
        params += [s + "%", t + "%"]
    if root:
        where.append("cameo LIKE ?")
        params.append(root + "%")
    if since:
        parse_day(since, "--since")
        where.append("date >= ?")
        params.append(since)
    if until:
        parse_day(until, "--until")
        where.append("date <= ?")
        params.append(until)
    if modality:
        where.append("modality = ?")
        params.append(modality)
    with Store(db) as store:
        clause = " AND ".join(where)
        if mentions:
            rows = list(store.events(clause, tuple(params), limit))
            cols = EVENT_COLUMNS
        else:
            rows = store.merged_events(clause, tuple(params), limit)  # type: ignore[assignment]
            cols = ["date", "source_code", "cameo", "target_code", "modality", "num_articles",
                    "num_mentions", "trigger", "sentence"]
        write(rows, fmt, columns.split(",") if columns else cols)


@app.command()
def docs(
    db: DbOpt = None,
    failures: Annotated[bool, typer.Option("--failures", help="List failed inputs instead.")] = False,
    limit: Annotated[int, typer.Option(help="At most this many documents.")] = 100,
) -> None:
    """List stored documents (or, with --failures, inputs that could not be read).

    Example: faultlines docs --db news.db --failures
    """
    from faultlines.cli.output import table
    from faultlines.store import Store

    with Store(db) as store:
        if failures:
            rows = [dict(r) for r in store.failures()]
            table(rows, ["input", "reason", "failed_at"])
        else:
            rows = [dict(r) for r in store.documents(limit)]
            table(rows, ["doc_id", "pub_date", "title", "url", "chars", "events"])


@app.command()
def quotes(
    inputs: Annotated[list[str] | None, typer.Argument(help="Files to read; none to list stored quotes.")] = None,
    db: DbOpt = None,
    date: DateOpt = None,
    speaker: Annotated[str | None, typer.Option(help="Speaker country or code prefix, e.g. RUS.")] = None,
    fmt: FormatOpt = "jsonl",
) -> None:
    """Quotes with their speakers, from files or from the database.

    Example: faultlines quotes examples/articles/phone_call.txt --format table
    """
    check_format(fmt)
    cols = ["speaker_code", "speaker_text", "kind", "cue", "text"]
    if inputs:
        failures: list[ReadFailure] = []
        pipe = pipeline(None, None)

        def found():  # type: ignore[no-untyped-def]
            for r in pipe.run(documents(inputs, parse_day(date), failures)):
                for q in r.quotes:
                    if not speaker or (q.speaker and (q.speaker.code or "").startswith(speaker.upper())):
                        yield q

        write(found(), fmt, cols)
        if failures:
            raise typer.Exit(2)
        return
    from faultlines.store import Store

    with Store(db) as store:
        where, params = "1", ()
        if speaker:
            where, params = "speaker_code LIKE ?", (speaker.upper() + "%",)
        write(store.quotes(where, params), fmt, cols)


from faultlines.cli import actors_cmd, eval_cmd  # noqa: E402

app.add_typer(actors_cmd.app, name="actors")
app.add_typer(eval_cmd.app, name="eval")


def main() -> None:
    from faultlines.parse import ModelNotFound
    from faultlines.store import StoreError

    try:
        app()
    except (UsageError, ModelNotFound, StoreError) as e:
        err.print(f"faultlines: {e}", markup=False)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as e:  # one line for users; FAULTLINES_DEBUG=1 shows the traceback
        if os.environ.get("FAULTLINES_DEBUG"):
            raise
        err.print(f"faultlines: error: {type(e).__name__}: {e}", markup=False)
        sys.exit(1)


@app.command()
def explain(
    text: Annotated[str, typer.Argument(help="A sentence or short text.")],
    date: DateOpt = None,
) -> None:
    """Show how a text is read: tokens, parse, actors found, and the events coded.

    Example: faultlines explain "Russian troops shelled Kharkiv on Monday." --date 2022-03-01
    """
    from faultlines.actors.resolve import DocActors
    from faultlines.pipeline import home_country
    from faultlines.read import make_document

    pipe = pipeline(None, None)
    document = make_document(text, date=date)
    doc = pipe.nlp(document.text)
    actors = DocActors(doc, pipe.kb, document.date, pipe.event_nouns, home_country(document))
    for tok in doc:
        if tok.is_space:
            continue
        found = ", ".join(a.code or f"({a.role})" for a in actors.actors(tok, coded_only=False))
        typer.echo(f"{tok.i:>3} {tok.text:<16} {tok.lemma_:<14} {tok.pos_:<6} {tok.dep_:<10} "
                   f"<- {tok.head.i:<3} {tok.ent_type_:<7} {found}")
    for ev in pipe.analyse(doc, document).events:
        src = ev.source.code if ev.source else None
        tgt = ev.target.code if ev.target else None
        typer.echo(f"EVENT {src} {ev.cameo} {tgt} {ev.modality} {ev.date} [{ev.rule}]")
