"""Stage 6, store: the embedded SQLite database."""

from faultlines.store.db import Store, default_path

__all__ = ["Store", "default_path"]
