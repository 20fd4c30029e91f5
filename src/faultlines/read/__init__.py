"""Stage 1, read: files, folders, JSONL, HTML and stdin become cleaned Documents."""

from faultlines.read.clean import clean_text, is_boilerplate
from faultlines.read.sources import make_document, parse_date, read_inputs

__all__ = ["clean_text", "is_boilerplate", "make_document", "parse_date", "read_inputs"]
