"""Accuracy measured against annotated data: events, actors, quotes and dates."""
