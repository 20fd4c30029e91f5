"""The pattern lexicon: `data/patterns.yaml` (and users' own files) as lookups by lemma.

Verb patterns: `LEMMA`, `LEMMA PARTICLE`, `LEMMA + OBJ1|OBJ2`, `LEMMA PARTICLE + OBJ`, and
`... - OBJ1|OBJ2` for objects that rule the pattern out ("release - statement|report").
Noun patterns: `LEMMA` or `MODIFIER LEMMA`. See the header of patterns.yaml for the full format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Pattern:
    code: str
    kind: str  # verb | noun
    lemma: str
    particle: str | None = None  # verbs: attached particle/preposition; nouns: compound modifier
    objects: frozenset[str] = frozenset()
    source_text: str = ""
    excluded: frozenset[str] = frozenset()  # objects that rule the pattern out

    @property
    def specificity(self) -> int:
        return (self.particle is not None) + (2 if self.objects else 0)

    def describe(self) -> str:
        return f'{self.kind} "{self.source_text}" -> {self.code}'


@dataclass(frozen=True)
class Example:
    code: str
    text: str
    source: str | None
    target: str | None


@dataclass
class Lexicon:
    verbs: dict[str, list[Pattern]] = field(default_factory=dict)
    nouns: dict[str, list[Pattern]] = field(default_factory=dict)
    light_verbs: set[str] = field(default_factory=set)
    examples: list[Example] = field(default_factory=list)

    def load(self, path: Path) -> None:
        try:
            raw = yaml.load(path.read_text(encoding="utf-8"), Loader=StrictLoader) or {}
        except yaml.constructor.ConstructorError as err:
            line = err.problem_mark.line + 1 if err.problem_mark else "?"
            raise ValueError(f"{path}: line {line}: {err.problem}") from None
        self.light_verbs |= {str(v).lower() for v in raw.get("light_verbs", [])}
        for code, spec in (raw.get("codes") or {}).items():
            code = str(code)
            for text in spec.get("verbs") or []:
                p = parse_verb(code, str(text))
                self.verbs.setdefault(p.lemma, []).append(p)
            for text in spec.get("nouns") or []:
                p = parse_noun(code, str(text))
                self.nouns.setdefault(p.lemma, []).append(p)
            for ex in spec.get("examples") or []:
                self.examples.append(
                    Example(code, ex["text"], ex.get("source"), ex.get("target"))
                )

    @property
    def event_nouns(self) -> frozenset[str]:
        return frozenset(self.nouns)

    @property
    def codes(self) -> set[str]:
        return {p.code for ps in (*self.verbs.values(), *self.nouns.values()) for p in ps}


class StrictLoader(yaml.SafeLoader):
    """A YAML loader that refuses a key given twice in one mapping: a second `"070":` block
    would otherwise silently replace the first and its patterns would vanish."""

    def construct_mapping(self, node, deep=False):  # type: ignore[no-untyped-def]
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f'key "{key}" appears twice', key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep)


def _alternatives(text: str) -> frozenset[str]:
    return frozenset(o.strip().lower() for o in text.split("|") if o.strip())


def parse_verb(code: str, text: str) -> Pattern:
    """`LEMMA [PARTICLE] [+ OBJ|OBJ] [- NOT|NOT]`."""
    rest, _, excluded = text.partition(" - ")
    head, _, objs = rest.partition("+")
    words = head.lower().split()
    if not words:
        raise ValueError(f"empty verb pattern for code {code}")
    particle = " ".join(words[1:]) or None
    return Pattern(code, "verb", words[0], particle, _alternatives(objs), text.strip(),
                   _alternatives(excluded))


def parse_noun(code: str, text: str) -> Pattern:
    words = text.lower().split()
    if not words:
        raise ValueError(f"empty noun pattern for code {code}")
    modifier = " ".join(words[:-1]) or None
    return Pattern(code, "noun", words[-1], modifier, frozenset(), text.strip())


def load_lexicon(extra: tuple[Path, ...] = ()) -> Lexicon:
    lex = Lexicon()
    for path in sorted(DATA.glob("patterns*.yaml")):
        lex.load(path)
    for p in extra:
        lex.load(p)
    return lex


@lru_cache(maxsize=4)
def default_lexicon(extra: tuple[Path, ...] = ()) -> Lexicon:
    return load_lexicon(extra)
