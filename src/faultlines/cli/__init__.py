"""The command-line interface (typer)."""

from faultlines.cli.main import app, main

__all__ = ["app", "main"]
