import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

from vernetzt.core.places import (
    REGIONS,
    Place,
    countries_in_text,
    country_name,
    place_of,
    region_name,
    regions_in_text,
    regions_of_country,
    resolve_country,
    resolve_region,
)

ISO_CODES = {country.alpha_2 for country in pycountry.countries} | {"XK"}

PLACES = [
    ("Deutschland", "DE"),
    ("Germany", "DE"),
    ("DE", "DE"),
    ("germany", "DE"),
    ("Österreich", "AT"),
    ("Austria", "AT"),
    ("Schweiz", "CH"),
    ("Switzerland", "CH"),
    ("Vereinigte Staaten", "US"),
    ("USA", "US"),
    ("United States", "US"),
    ("UK", "GB"),
    ("Großbritannien", "GB"),
    ("Vereinigtes Königreich", "GB"),
    ("Vietnam", "VN"),
    ("Viet Nam", "VN"),
    ("Singapur", "SG"),
    ("Singapore", "SG"),
    ("Thailand", "TH"),
    ("Malaysia", "MY"),
    ("Indonesien", "ID"),
    ("Philippinen", "PH"),
    ("Niederlande", "NL"),
    ("Holland", "NL"),
    ("Frankreich", "FR"),
    ("Spanien", "ES"),
    ("Italien", "IT"),
    ("Polen", "PL"),
    ("Tschechien", "CZ"),
    ("Südkorea", "KR"),
    ("Japan", "JP"),
    ("China", "CN"),
    ("Indien", "IN"),
    ("Vereinigte Arabische Emirate", "AE"),
    ("Ho-Chi-Minh-Stadt", "VN"),
    ("Ho Chi Minh City", "VN"),
    ("Saigon", "VN"),
    ("Hanoi", "VN"),
    ("Köln", "DE"),
    ("Cologne", "DE"),
    ("München", "DE"),
    ("Munich", "DE"),
    ("Wien", "AT"),
    ("Vienna", "AT"),
    ("Zürich", "CH"),
    ("Zurich", "CH"),
    ("Genf", "CH"),
    ("Göteborg", "SE"),
    ("Gothenburg", "SE"),
    ("Bangkok", "TH"),
    ("Kuala Lumpur", "MY"),
    ("Jakarta", "ID"),
    ("Manila", "PH"),
    ("Mailand", "IT"),
    ("Rom", "IT"),
    ("Prag", "CZ"),
    ("Warschau", "PL"),
    ("Peking", "CN"),
    ("Neu-Delhi", "IN"),
    ("Kopenhagen", "DK"),
    ("Brüssel", "BE"),
    ("Lissabon", "PT"),
    ("Moskau", "RU"),
    ("Dortmund", "DE"),
    ("Duisburg, Germany", "DE"),
    ("Dortmund, North Rhine-Westphalia, Germany", "DE"),
    ("Greater Munich Metropolitan Area", "DE"),
    ("Hamburg und Umgebung", "DE"),
    ("Region Stuttgart", "DE"),
    ("Großraum Frankfurt", "DE"),
    ("Frankfurt am Main", "DE"),
    ("San Francisco, CA", "US"),
    ("London Area, United Kingdom", "GB"),
    ("Singapore, Singapore", "SG"),
    ("Paris", "FR"),
    ("Remote", None),
    ("", None),
    ("   ", None),
    ("Weltweit", None),
    ("Südostasien", None),
]


@pytest.mark.parametrize(("text", "expected"), PLACES)
def test_resolve_country(text, expected):
    assert resolve_country(text) == expected


@pytest.mark.parametrize("country", ["VN", "SG", "TH", "MY", "ID", "PH", "KH", "LA", "MM", "BN", "TL"])
def test_southeast_asia_members(country):
    assert {"southeast_asia", "asia", "apac"} <= regions_of_country(country)


@pytest.mark.parametrize("country", ["DE", "AT", "CH"])
def test_dach_members(country):
    assert {"dach", "europe", "western_europe", "emea"} <= regions_of_country(country)


def test_region_membership_boundaries():
    assert "southeast_asia" not in regions_of_country("CN")
    assert "dach" not in regions_of_country("NL")
    assert "benelux" in regions_of_country("nl")
    assert "nordics" in regions_of_country("SE")
    assert "mena" in regions_of_country("AE")
    assert regions_of_country("XX") == frozenset()
    assert REGIONS["southeast_asia"].countries == frozenset(
        {"BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN", "TL"}
    )


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Südostasien", "southeast_asia"),
        ("Southeast Asia", "southeast_asia"),
        ("South-East Asia", "southeast_asia"),
        ("SEA", "southeast_asia"),
        ("SE Asia", "southeast_asia"),
        ("ASEAN", "southeast_asia"),
        ("APAC", "apac"),
        ("Asia-Pacific", "apac"),
        ("Asien-Pazifik", "apac"),
        ("DACH", "dach"),
        ("D-A-CH", "dach"),
        ("MENA", "mena"),
        ("Naher Osten", "mena"),
        ("Middle East", "mena"),
        ("Nordamerika", "north_america"),
        ("LATAM", "latin_america"),
        ("Lateinamerika", "latin_america"),
        ("Osteuropa", "eastern_europe"),
        ("CEE", "eastern_europe"),
        ("Skandinavien", "nordics"),
        ("Nordics", "nordics"),
        ("Benelux", "benelux"),
        ("Ozeanien", "oceania"),
        ("Europa", "europe"),
        ("Afrika", "africa"),
        ("Asien", "asia"),
        ("Ostasien", "east_asia"),
        ("Südasien", "south_asia"),
        ("EMEA", "emea"),
        ("southeast_asia", "southeast_asia"),
        ("Atlantis", None),
    ],
)
def test_resolve_region(text, code):
    assert resolve_region(text) == code


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Regional Director APAC", {"apac"}),
        ("Head of Supply Chain Southeast Asia", {"southeast_asia", "asia", "apac"}),
        ("Vertriebsleiter DACH", {"dach", "europe", "western_europe", "emea"}),
        ("Leiter Vertrieb Südostasien", {"southeast_asia", "asia", "apac"}),
        ("Head of Sales SEA", {"southeast_asia", "asia", "apac"}),
        ("Seafreight Manager", set()),
        ("Sea Freight Manager", set()),
        ("Head of Research", set()),
        ("Dachdecker", set()),
        ("Director EMEA", {"emea"}),
    ],
)
def test_regions_in_text(title, expected):
    assert regions_in_text(title) == expected


def test_countries_in_text():
    assert countries_in_text("Country Manager Vietnam") == {"VN"}
    assert countries_in_text("Geschäftsführer Deutschland") == {"DE"}
    assert countries_in_text("Country Manager USA") == {"US"}
    assert countries_in_text("Head of Logistics") == frozenset()


def test_place_of_combines_residence_and_title():
    assert place_of(city="Ho-Chi-Minh-Stadt") == Place(
        country="VN", regions=frozenset({"southeast_asia", "asia", "apac"})
    )
    place = place_of(city="Dortmund", country="Deutschland", title="VP Supply Chain, Southeast Asia")
    assert place.country == "DE"
    assert {"dach", "europe", "southeast_asia", "apac"} <= place.regions
    assert place_of(title="Country Manager Vietnam") == Place(
        country=None, regions=frozenset({"southeast_asia", "asia", "apac"})
    )
    assert place_of() == Place(country=None, regions=frozenset())
    assert "southeast_asia" in place_of(city="Südostasien").regions


def test_names_in_both_languages():
    assert country_name("VN", "de") == "Vietnam"
    assert country_name("DE", "en") == "Germany"
    assert country_name("CH", "de") == "Schweiz"
    for code in REGIONS:
        assert region_name(code, "de") and region_name(code, "en")
    assert region_name("southeast_asia", "de") == "Südostasien"


@given(st.text(max_size=80))
def test_any_text_resolves_to_none_or_an_iso_code(text):
    code = resolve_country(text)
    assert code is None or code in ISO_CODES
    assert regions_in_text(text) <= set(REGIONS)
    assert resolve_region(text) in {None, *REGIONS}
