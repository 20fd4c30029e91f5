import datetime as dt

import pytest

from faultlines.enrich.dates import dateline_date, resolve
from faultlines.enrich.places import dateline_place, lookup

WED = dt.date(2021, 12, 8)  # a Wednesday


@pytest.mark.parametrize("text,base,future,expected", [
    ("Tuesday", WED, False, "2021-12-07"),
    ("on Tuesday", WED, False, "2021-12-07"),
    ("Wednesday", WED, False, "2021-12-08"),
    ("Sunday night", WED, False, "2021-12-05"),
    ("Thursday", WED, True, "2021-12-09"),
    ("yesterday", WED, False, "2021-12-07"),
    ("today", WED, False, "2021-12-08"),
    ("last week", WED, False, "2021-12-01"),
    ("May 18", WED, False, "2021-05-18"),
    ("10 May", WED, False, "2021-05-10"),
    ("December 29", dt.date(2022, 1, 5), False, "2021-12-29"),
    ("March 3, 2020", WED, False, "2020-03-03"),
])
def test_time_expressions(text, base, future, expected):
    assert resolve(text, base, future).isoformat() == expected


@pytest.mark.parametrize("text", ["the medium and long term", "first time", "two-hour", "decades"])
def test_durations_are_not_dates(text):
    assert resolve(text, WED) is None


def test_dateline_date():
    assert dateline_date("WASHINGTON, Dec 8, 2021 (Wire) - The talks...") == dt.date(2021, 12, 8)
    assert dateline_date("No date here at all.") is None


def test_gazetteer_prefers_actor_countries():
    assert lookup("Sochi", set()).country == "RUS"
    # Donetsk exists in Russia and in Ukraine: the actors' countries decide.
    assert lookup("Donetsk", {"UKR"}).country == "UKR"
    assert lookup("Donetsk", {"RUS"}).country == "RUS"
    assert lookup("Springfieldia", set()) is None


def test_dateline_place():
    loc = dateline_place("CARACAS, Venezuela \u2014 Protesters marched on Monday.", set())
    assert loc.name == "Caracas" and loc.country == "VEN" and loc.lat is not None
