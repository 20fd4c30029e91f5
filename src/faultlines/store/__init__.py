"""Stage 6, store: the embedded SQLite database."""

from faultlines.store.db import Store, StoreError, default_path

__all__ = ["Store", "StoreError", "default_path"]
