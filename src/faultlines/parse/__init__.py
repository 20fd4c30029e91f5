"""Stage 2, parse: spaCy's English pipeline, loaded once, with paragraph breaks as sentence breaks."""

from faultlines.parse.nlp import ModelNotFound, load_nlp

__all__ = ["ModelNotFound", "load_nlp"]
