"""Text cleaning: one place decides what the cleaned text is, since every span points into it."""

from __future__ import annotations

import re
import unicodedata

# Lines that link elsewhere or ask the reader to do something; never part of the story.
_BOILERPLATE = re.compile(
    r"""^\s*(?:
        (?:also\s+read|read\s+also|read\s+more|see\s+also|related|recommended|more\s+on\s+this|
           watch|listen|explore\s+more)\s*[:|\-–—]
      | you\s+may\s+also\s+like
      | see\s+more\b
      | (?:share|tweet|email|print)\s+(?:this|on\b)
      | share\s*$
      | (?:subscribe|sign\s+up|follow\s+us|click\s+here|download\s+(?:the|our)\s+app)\b
      | advertisement\s*$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_MAX_BOILERPLATE_LEN = 200

QUOTES = str.maketrans(
    {
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"',
        "\u00bb": '"', "\u2033": '"', "\u2018": "'", "\u2019": "'", "\u201a": "'",
        "\u201b": "'", "\u2032": "'", "\u0060": "'", "\u00b4": "'",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": "",
    }
)
_SPACES = re.compile(r"[ \t\f\v]+")


def is_boilerplate(line: str) -> bool:
    return len(line) <= _MAX_BOILERPLATE_LEN and bool(_BOILERPLATE.match(line))


def clean_text(raw: str) -> str:
    """Normalise unicode, quotes and whitespace; drop link boilerplate.

    Paragraphs (non-empty lines) are joined by a blank line, so the parser can treat each
    paragraph break as a sentence break.
    """
    text = unicodedata.normalize("NFC", raw).translate(QUOTES)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = []
    for line in text.split("\n"):
        line = _SPACES.sub(" ", line).strip()
        if line and not is_boilerplate(line):
            paragraphs.append(line)
    return "\n\n".join(paragraphs)
