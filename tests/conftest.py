from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
BENCHMARKS = SHARED / "benchmarks"
EXAMPLES = ROOT / "examples"

needs_shared = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/ is not beside the checkout")


@pytest.fixture(scope="session")
def pipeline():
    from faultlines.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def code_text(pipeline):
    """Code one text (with an optional publication date) and return its events."""
    from faultlines.read import make_document

    def run(text: str, date: str | None = "2022-02-23", title: str | None = None):
        doc = make_document(text, date=date, title=title)
        return next(iter(pipeline.run([doc])))

    return run


@pytest.fixture(scope="session")
def seed_results(pipeline):
    """The two seed articles coded with their publication dates."""
    from faultlines.read import read_inputs

    dates = {"000_40cb76c66a3e4242.txt": dt.date(2022, 2, 23),
             "003_e4aa8caf2cbbbad0.txt": dt.date(2021, 12, 8)}
    out = {}
    for name, day in dates.items():
        doc = next(iter(read_inputs([str(SEEDS / name)])))
        doc = doc.model_copy(update={"date": day})
        out[name] = next(iter(pipeline.run([doc])))
    return out
