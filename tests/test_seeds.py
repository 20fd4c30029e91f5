"""The two seed articles (in ../shared/seeds, skipped without it) must come out right."""

import datetime as dt

from conftest import needs_shared

pytestmark = needs_shared

WAR = ("18", "19", "20")


def events(seed_results, name, modality="asserted"):
    return [e for e in seed_results[name].events if e.modality == modality]


def test_five_sanctioning_countries(seed_results):
    evs = events(seed_results, "000_40cb76c66a3e4242.txt")
    sanctions = {e.source.country for e in evs
                 if e.cameo == "163" and e.target and e.target.country == "RUS"}
    assert sanctions == {"USA", "GBR", "DEU", "CAN", "JPN"}
    assert all(e.date == dt.date(2022, 2, 23) for e in evs if e.cameo == "163")


def test_recognition_dated_a_day_before(seed_results):
    evs = events(seed_results, "000_40cb76c66a3e4242.txt")
    rec = [e for e in evs if e.cameo == "054" and e.source.code == "RUSGOV"]
    assert rec and rec[0].target.country == "UKR"
    assert rec[0].date == dt.date(2022, 2, 22) and rec[0].date_text == "a day after"


def test_no_asserted_invasion_attack_or_threatened_sanctions(seed_results):
    for name in seed_results:
        for e in events(seed_results, name):
            assert e.root not in WAR, e
    second = events(seed_results, "003_e4aa8caf2cbbbad0.txt")
    # "would impose large-scale economic sanctions on Russia should it invade": a threat
    assert any(e.root == "13" and e.source.country == "USA" and e.target.country == "RUS"
               for e in second)
    assert not any(e.root == "16" for e in second)
    hypothetical = events(seed_results, "003_e4aa8caf2cbbbad0.txt", "hypothetical")
    assert any(e.root == "16" for e in hypothetical) and any(e.root == "19" for e in hypothetical)


def test_summit_dated_tuesday(seed_results):
    evs = events(seed_results, "003_e4aa8caf2cbbbad0.txt")
    summit = [e for e in evs if e.root == "04" and e.date_text == "Tuesday"]
    assert summit
    assert {summit[0].source.code, summit[0].target.code} == {"RUSGOV", "USAGOV"}
    assert summit[0].date == dt.date(2021, 12, 7)


def test_france_warns_russia(seed_results):
    evs = events(seed_results, "003_e4aa8caf2cbbbad0.txt")
    assert any(e.source.country == "FRA" and e.target.country == "RUS" and e.root == "13"
               for e in evs)


def test_boilerplate_is_gone(seed_results):
    text = seed_results["000_40cb76c66a3e4242.txt"].document.text
    assert "Also Read" not in text


def test_seed_quotes_have_their_speakers(seed_results):
    quotes = seed_results["000_40cb76c66a3e4242.txt"].quotes + \
        seed_results["003_e4aa8caf2cbbbad0.txt"].quotes
    direct = [q for q in quotes if q.kind == "direct"]

    def speaker(prefix):
        q = next(q for q in direct if q.text.startswith(prefix))
        return q.speaker.name if q.speaker else None
    assert speaker("Our country is always open") == "Vladimir Putin"
    assert speaker("We will continue to develop") == "Vladimir Putin"
    assert speaker("behaving like thugs") == "Scott Morrison"
    assert speaker("Our president informed") == "Yury Ushakov"
    assert speaker("open and constructive") == "Vladimir Putin"
    strong = next(q for q in quotes if q.text.startswith("Strong messages"))
    assert strong.speaker is not None and strong.speaker.code == "FRAGOV"
