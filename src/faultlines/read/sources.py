"""Turn paths, JSONL records, HTML pages and stdin into cleaned Documents or ReadFailures."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from faultlines.models import Document, ReadFailure
from faultlines.read.clean import clean_text

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
MIN_HTML_WORDS = 5  # less than this is a menu or a caption, not an article

Item = Document | ReadFailure


class BadInput(Exception):
    """Raised inside the reader for a problem that becomes a ReadFailure."""


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_date(value: object) -> dt.date | None:
    """Read a publication date from metadata: ISO dates, datetimes, or compact YYYYMMDD."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    s = str(value).strip()
    m = re.match(r"^(\d{4})-?(\d{2})-?(\d{2})", s)
    if not m:
        short = re.match(r"^(\d{2})(\d{2})(\d{2})$", s)  # YYMMDD, as some wire feeds write it
        if not short:
            return None
        m = re.match(r"^(\d{4})(\d{2})(\d{2})$", f"20{s}")
        assert m is not None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def make_document(
    raw_text: str,
    *,
    doc_id: str | None = None,
    url: str | None = None,
    title: str | None = None,
    source: str | None = None,
    date: object = None,
) -> Document:
    text = clean_text(raw_text)
    if not text:
        raise BadInput("no text after cleaning (empty or only boilerplate)")
    digest = content_hash(text)
    return Document(
        doc_id=str(doc_id) if doc_id not in (None, "") else digest[:16],
        text=text,
        url=url,
        title=title,
        source=source,
        date=parse_date(date),
        content_hash=digest,
    )


def decode(data: bytes) -> str:
    if not data.strip():
        raise BadInput("empty file")
    if b"\x00" in data[:8192]:
        raise BadInput("binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise BadInput(f"not UTF-8 text (byte 0x{data[e.start]:02x} at offset {e.start})") from None


def html_document(html: str, url: str | None, **meta: object) -> Document:
    # trafilatura is slow to import; only HTML input pays for it.
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not text or len(text.split()) < MIN_HTML_WORDS:
        raise BadInput("no article text found in HTML")
    found = trafilatura.extract_metadata(html)
    title = meta.pop("title", None) or (found.title if found else None)
    date = meta.pop("date", None) or (found.date if found else None)
    return make_document(text, url=url, title=title, date=date, **meta)  # type: ignore[arg-type]


def jsonl_records(lines: Iterable[str], name: str) -> Iterator[Item]:
    for n, line in enumerate(lines, start=1):
        where = f"{name}:{n}"
        if not line.strip():
            continue
        try:
            if len(line) > MAX_DOCUMENT_BYTES:
                raise BadInput(f"record too large ({len(line) / 1e6:.1f} MB)")
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                raise BadInput(f"malformed JSON ({e.msg} at column {e.colno})") from None
            if not isinstance(rec, dict):
                raise BadInput("record is not a JSON object")
            meta = {
                "doc_id": rec.get("id"),
                "url": rec.get("url"),
                "title": rec.get("title"),
                "source": rec.get("source"),
                "date": rec.get("date"),
            }
            if isinstance(rec.get("text"), str):
                yield make_document(rec["text"], **meta)
            elif isinstance(rec.get("html"), str):
                yield html_document(rec["html"], **meta)  # type: ignore[arg-type]
            else:
                raise BadInput('record has no "text" or "html" string')
        except BadInput as e:
            yield ReadFailure(input=where, reason=str(e))


def read_file(path: Path) -> Iterator[Item]:
    name = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open("r", encoding="utf-8", errors="strict") as fh:
                try:
                    yield from jsonl_records(fh, name)
                except UnicodeDecodeError as e:
                    raise BadInput(f"not UTF-8 text ({e.reason})") from None
            return
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise BadInput(
                f"file too large ({size / 1e6:.1f} MB; limit {MAX_DOCUMENT_BYTES / 1e6:.0f} MB)"
            )
        text = decode(path.read_bytes())
        if suffix in HTML_SUFFIXES or text.lstrip()[:15].lower().startswith(("<!doctype", "<html")):
            yield html_document(text, url=name)
        else:
            yield make_document(text, url=name)
    except BadInput as e:
        yield ReadFailure(input=name, reason=str(e))
    except OSError as e:
        yield ReadFailure(input=name, reason=f"cannot read file ({e.strerror or e})")


def walk(folder: Path) -> Iterator[Path]:
    """Files below a folder in a stable order, skipping hidden files and folders."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if not f.startswith("."):
                yield Path(root) / f


def read_inputs(inputs: Iterable[str], stdin_text: str | None = None) -> Iterator[Item]:
    """Read each input: a file, a folder (recursively) or "-" for stdin."""
    for spec in inputs:
        if spec == "-":
            try:
                yield make_document(stdin_text or "", url="-")
            except BadInput as e:
                yield ReadFailure(input="<stdin>", reason=str(e))
            continue
        path = Path(spec)
        if path.is_dir():
            for f in walk(path):
                yield from read_file(f)
        elif path.exists():
            yield from read_file(path)
        else:
            yield ReadFailure(input=spec, reason="no such file or folder")
