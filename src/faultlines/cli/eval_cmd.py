"""`faultlines eval events|actors|quotes|dates`: accuracy against annotated data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(help="Measure accuracy against annotated data.", no_args_is_help=True)
Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="List the misses.")]


def _print(lines: list[str], misses: list[str], verbose: bool) -> None:
    for line in lines:
        typer.echo(line)
    if verbose:
        typer.echo("")
        for m in misses:
            typer.echo(m)


@app.command("events")
def events(
    files: Annotated[list[Path], typer.Argument(help="petrarch_gsr.jsonl / plover_gsr.jsonl style files.")],
    subset: Annotated[str, typer.Option(help="PETRARCH records: real (real news) or all.")] = "real",
    articles: Annotated[Path | None, typer.Option(help="Articles (JSONL) for document-level gold.")] = None,
    verbose: Verbose = False,
    dyads_only: Annotated[bool, typer.Option(
        "--dyads-only", help="Score only events with both sides known.")] = False,
) -> None:
    """Precision/recall/F1 of coded events.

    Example: faultlines eval events ../shared/benchmarks/petrarch_gsr.jsonl -v
    """
    from faultlines.evaluate.events import evaluate_file
    from faultlines.pipeline import Pipeline

    pipe = Pipeline(dyads_only=dyads_only)
    for f in files:
        rep = evaluate_file(f, pipe, subset, articles)
        typer.echo(f"== {f.name}")
        _print(rep.lines, rep.misses, verbose)


@app.command("actors")
def actors(
    file: Annotated[Path, typer.Argument(help="actor_resolution.jsonl style file.")],
    date: Annotated[str | None, typer.Option(help="Resolve office holders as of YYYY-MM-DD.")] = None,
    verbose: Verbose = False,
) -> None:
    """Country and sector accuracy of actor resolution.

    Example: faultlines eval actors ../shared/benchmarks/actor_resolution.jsonl --date 2022-01-01
    """
    from faultlines.cli.main import parse_day
    from faultlines.evaluate.actors import evaluate_actors

    rep = evaluate_actors(file, parse_day(date))
    _print(rep.lines(), rep.misses, verbose)


@app.command("quotes")
def quotes(
    gold: Annotated[Path, typer.Argument(help="Gold quotes JSONL.")] = Path("examples/gold/quotes.jsonl"),
    articles: Annotated[Path, typer.Option(help="The articles, as JSONL.")] = Path("examples/articles.jsonl"),
    verbose: Verbose = False,
) -> None:
    """Quote span and speaker accuracy on annotated articles.

    Example: faultlines eval quotes examples/gold/quotes.jsonl --articles examples/articles.jsonl
    """
    from faultlines.evaluate.quotes import evaluate_quotes
    from faultlines.pipeline import Pipeline
    from faultlines.read import read_inputs

    docs = [d for d in read_inputs([str(articles)]) if not hasattr(d, "reason")]
    predicted = {r.document.doc_id: r.quotes for r in Pipeline().run(docs)}  # type: ignore[arg-type]
    rep = evaluate_quotes(gold, predicted)
    _print(rep.lines(), rep.misses, verbose)


@app.command("dates")
def dates(
    gold: Annotated[Path, typer.Argument(help="Annotated example events.")] = Path("examples/gold/events.jsonl"),
    articles: Annotated[Path, typer.Option(help="The example articles, as JSONL.")] = Path("examples/articles.jsonl"),
    seeds: Annotated[Path, typer.Option(help="Folder of the seed articles.")] = Path("../shared/seeds"),
    seed_gold: Annotated[Path, typer.Option(help="Annotated seed events.")] = Path("examples/gold/seed_dates.jsonl"),
    verbose: Verbose = False,
) -> None:
    """Date accuracy of coded events, on the example articles and (when present) the seeds.

    Example: faultlines eval dates -v
    """
    from faultlines.evaluate.dates import evaluate_examples, evaluate_seeds
    from faultlines.pipeline import Pipeline

    pipe = Pipeline()
    rep = evaluate_examples(gold, articles, pipe)
    _print([rep.line("examples")], rep.misses, verbose)
    seed_rep = evaluate_seeds(seed_gold, seeds, pipe)
    if seed_rep is not None:
        _print([seed_rep.line("seeds")], seed_rep.misses, verbose)
