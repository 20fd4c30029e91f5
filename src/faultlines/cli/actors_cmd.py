"""`faultlines actors resolve|list`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(help="Look up actors in the knowledge base.", no_args_is_help=True)


@app.command("resolve")
def resolve(
    phrase: Annotated[str, typer.Argument(help="A phrase naming an actor.")],
    date: Annotated[str | None, typer.Option(help="Date YYYY-MM-DD for office holders.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json or table.")] = "json",
    actors: Annotated[list[Path] | None, typer.Option("--actors", help="Extra actor file.")] = None,
) -> None:
    """Resolve a phrase to a coded actor.

    Example: faultlines actors resolve "the Kremlin"  ->  {"code": "RUSGOV", ...}
    """
    from faultlines.actors import resolve_phrase
    from faultlines.cli.main import parse_day

    actor = resolve_phrase(phrase, parse_day(date), tuple(actors or ()))
    record = actor.model_dump() if actor else {"text": phrase, "name": None, "code": None,
                                                  "country": None, "role": None}
    if fmt == "json":
        typer.echo(json.dumps(record, ensure_ascii=False))
    else:
        for k, v in record.items():
            typer.echo(f"{k:<8} {v}")


@app.command("list")
def list_actors(
    country: Annotated[str | None, typer.Option(help="ISO3 country, e.g. RUS.")] = None,
    role: Annotated[str | None, typer.Option(help="CAMEO role, e.g. GOV.")] = None,
    kind: Annotated[str | None, typer.Option(help="country, adjective, metonym, org or person.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 200,
) -> None:
    """List knowledge-base entries.

    Example: faultlines actors list --country RUS --role GOV --kind person
    """
    from faultlines.actors import default_kb
    from faultlines.cli.output import table

    kb = default_kb()
    rows: dict[tuple, dict] = {}
    for phrase, entries in sorted(kb.phrases.items()):
        for e in entries:
            if country and e.country != country.upper():
                continue
            if role and e.role != role.upper():
                continue
            if kind and e.kind != kind:
                continue
            key = (e.kind, e.code, e.name, e.start)
            row = rows.setdefault(key, {"kind": e.kind, "code": e.code, "name": e.name,
                                        "from": e.start, "to": e.end, "phrases": []})
            row["phrases"].append(phrase)
    out = list(rows.values())[:limit]
    for r in out:
        r["phrases"] = ", ".join(r["phrases"][:6])
    table(out, ["kind", "code", "name", "from", "to", "phrases"])
