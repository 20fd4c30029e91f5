"""Typed records passed between the pipeline stages (see GUIDE.md for the output contract)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

Modality = Literal["asserted", "negated", "hypothetical", "future"]


class Document(BaseModel):
    """A cleaned article. `text` is what every span points into."""

    doc_id: str
    text: str
    url: str | None = None
    title: str | None = None
    source: str | None = None
    date: dt.date | None = None
    content_hash: str


class ReadFailure(BaseModel):
    """An input that could not be read, with a one-line reason a user can act on."""

    input: str
    reason: str

    def line(self) -> str:
        return f"{self.input}: {self.reason}"


class Actor(BaseModel):
    text: str | None = None
    name: str | None = None
    code: str | None = None
    country: str | None = None
    role: str | None = None


class Plover(BaseModel):
    type: str | None = None
    mode: str | None = None


class Location(BaseModel):
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


class Event(BaseModel):
    event_id: str
    doc_id: str
    url: str | None = None
    source: Actor | None = None
    target: Actor | None = None
    cameo: str
    root: str
    quad_class: int
    goldstein: float
    plover: Plover = Field(default_factory=Plover)
    modality: Modality = "asserted"
    date: dt.date | None = None
    date_text: str | None = None
    location: Location | None = None
    sentence: str
    span: tuple[int, int]
    trigger: str
    confidence: float
    rule: str


class MergedEvent(Event):
    """One real-world event as reported by one or more articles."""

    num_mentions: int = 1
    num_articles: int = 1
    doc_ids: list[str] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)


class Quote(BaseModel):
    doc_id: str
    speaker: Actor | None = None
    text: str
    kind: Literal["direct", "indirect"]
    cue: str | None = None
    span: tuple[int, int]
