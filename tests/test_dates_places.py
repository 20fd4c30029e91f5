import datetime as dt
import unicodedata

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


@pytest.mark.parametrize("text,country", [
    ("KYIV, Feb 23 (Wire) - Talks resumed.", "UKR"),
    ("MANILA, February 20 (Example Wire) - Talks resumed.", "PHL"),
    ("WASHINGTON, Dec 8, 2021 (Wire) - Talks resumed.", "USA"),
    ("BEIJING (Wire) \u2014 Talks resumed.", "CHN"),
    ("PRISTINA, Kosovo \u2014 Talks resumed.", "XKX"),
])
def test_wire_datelines(text, country):
    loc = dateline_place(text, set())
    assert loc is not None and loc.country == country


@pytest.mark.parametrize("sentence,name,country", [
    ("Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi, "
     "Russia, on Friday.", "Sochi", "RUS"),
    ("Taliban fighters attacked Afghan police in western Herat province on Sunday.", "Herat",
     "AFG"),
    ("Pakistani troops clashed with militants near Rawalpindi on Monday.", "Rawalpindi", "PAK"),
])
def test_event_places(code_text, sentence, name, country):
    r = code_text(sentence, date="2021-10-01")
    located = [e.location for e in r.events if e.location]
    ascii_name = unicodedata.normalize("NFKD", located[0].name).encode("ascii", "ignore").decode()
    assert located and ascii_name == name and located[0].country == country
    assert located[0].lat is not None


def test_dates_follow_the_event(code_text):
    r = code_text("Germany and France signed a defence pact on Tuesday.", date="2021-12-08")
    assert r.events and all(e.date == dt.date(2021, 12, 7) for e in r.events)
    r = code_text("The Italian prime minister will visit Egypt on Thursday.", date="2021-12-08")
    future = [e for e in r.events if e.modality == "future"]
    assert future and future[0].date == dt.date(2021, 12, 9)
