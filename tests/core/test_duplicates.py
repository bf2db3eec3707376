"""The duplicate rules on plain rows: the cases of issue 9 as a table, and the reasons in both languages."""

from __future__ import annotations

import pytest

from vernetzt.core.duplicates import Row, describe, find_matches, org_relation, phone_key
from vernetzt.core.names import given_relation, parse_name
from vernetzt.core.text import normalize_org_name


def _row(pid: int, first: str, last: str, org: str = "", **extra) -> Row:
    return Row(
        id=pid,
        first_name=first,
        last_name=last,
        display_name=f"{first} {last}",
        organization=normalize_org_name(org) if org else "",
        organization_shown=org,
        **extra,
    )


SUGGESTED = [
    # (first a, last a, org a, first b, last b, org b)
    ("Franziska Marie", "Böhm", "Rhein Cargo GmbH", "Franziska", "Böhm", "Rhein Cargo"),
    ("Dr. Franziska", "Böhm", "Rhein Cargo", "Franziska", "Böhm", ""),
    ("Prof. Dr. Hans", "Weber", "Uni Bremen", "Hans", "Weber, MBA", "Uni Bremen"),
    ("Dipl.-Ing. Klaus", "Schulte", "Muster Maschinenbau GmbH", "Klaus", "Schulte", "Muster Maschinenbau"),
    ("Alex", "Krause", "NordLager Logistik GmbH", "Alexander", "Krause", "NordLager Logistik"),
    ("Susi", "Lehmann", "Bayern Chemie AG", "Susanne", "Lehmann", "Bayern Chemie AG"),
    ("Basti", "Vogel", "Kontor Handelsgesellschaft mbH", "Sebastian", "Vogel", ""),
    ("Tina", "Engel", "Ruhr Intralogistik GmbH", "Christina", "Engel", "Ruhr Intralogistik"),
    ("Bob", "Miller", "Harbourline Logistics Pte. Ltd.", "Robert", "Miller", "Harbourline Logistics"),
    ("Bill", "Carter", "Lion City Freight", "William", "Carter", "Lion City Freight Pte Ltd"),
    ("Kathi", "Brandt", "Autoteile Schwaben GmbH", "Katharina", "Brandt", "Autoteile Schwaben"),
    ("Steffi", "Pohl", "Elbe Terminal Services", "Stefanie", "Pohl", "Elbe Terminal Services GmbH"),
    ("Hansi", "Haas", "Spedition Kühn & Söhne KG", "Hans", "Haas", "Spedition Kühn & Söhne"),
    ("Chris", "Dietrich", "Bayern Chemie", "Christoph", "Dietrich", "Bayern Chemie AG"),
    ("Işık", "Yılmaz", "Messe Süd GmbH", "Isik", "Yilmaz", "Messe Süd"),
    ("Jürgen", "Müller", "Weser Umschlag GmbH", "Juergen", "Mueller", "Weser Umschlag"),
    ("Jürgen", "Müller", "Weser Umschlag GmbH", "Jurgen", "Muller", "Weser Umschlag"),
    ("Klaus", "Strauß", "Alster Lagerhaus", "Klaus", "Strauss", "Alster Lagerhaus GmbH"),
    ("Farid", "Aisyah", "Klang Valley Warehousing Sdn Bhd", "Farid", "Aisyah", "Klang Valley Warehousing"),
    ("Katrin", "Vogel", "Rhein Cargo GmbH", "Katrin", "Vogell", "Rhein Cargo"),
    ("Stephanie", "Koch", "Rhein Cargo", "Stefanie", "Koch", "Rhein Cargo"),
    ("Anna", "Müller-Lüdenscheidt", "Rhein Cargo", "Anna", "Müller", "Rhein Cargo"),
    ("F.", "Böhm", "Rhein Cargo", "Franziska", "Böhm", "Rhein Cargo"),
    ("Minh", "Nguyen", "Saigon Port Logistics", "Nguyen", "Minh", "Saigon Port Logistics"),
]
NOT_SUGGESTED = [
    ("Michael", "Sommer", "Muster Maschinenbau", "Michaela", "Sommer", "Muster Maschinenbau"),
    ("Daniel", "Ortmann", "Westfalen Fördertechnik AG", "Daniela", "Ortmann", "Westfalen Fördertechnik AG"),
    ("Christian", "Kühn", "Spedition Kühn", "Christiane", "Kühn", "Spedition Kühn"),
    ("Jan", "Becker", "Rhein Cargo", "Jana", "Becker", "Rhein Cargo"),
    ("Paul", "Schulz", "Rhein Cargo", "Paula", "Schulz", "Rhein Cargo"),
    ("Alexander", "Wolf", "Rhein Cargo", "Alexandra", "Wolf", "Rhein Cargo"),
    ("Katrin", "Vogel", "Rhein Cargo", "Katrin", "Vogel", "Ganz Anders AG"),
    ("Thomas", "Becker", "Rhein Cargo", "Sabine", "Becker", "Rhein Cargo"),
    ("Hans-Jürgen", "Krüger", "Rhein Cargo", "Hans", "Krüger", "Rhein Cargo"),
    ("Hans Peter", "Lange", "Rhein Cargo", "Hans Georg", "Lange", "Rhein Cargo"),
    ("Thomas", "Maier", "Rhein Cargo", "Thomas", "Meyer", "Rhein Cargo"),
    ("Anna", "Schmidt", "Deutsche Bahn AG", "Anna", "Schmidt", "Deutsche Bank AG"),
]


@pytest.mark.parametrize("case", SUGGESTED, ids=lambda c: f"{c[0]} {c[1]} ~ {c[3]} {c[4]}")
def test_suggested(case):
    first = _row(1, *case[:3])
    second = _row(2, *case[3:])
    assert [(m.first_id, m.second_id) for m in find_matches([first, second])] == [(1, 2)]


@pytest.mark.parametrize("case", NOT_SUGGESTED, ids=lambda c: f"{c[0]} {c[1]} ≁ {c[3]} {c[4]}")
def test_not_suggested(case):
    assert find_matches([_row(1, *case[:3]), _row(2, *case[3:])]) == []


def test_gender_differing_names_with_different_work_emails_at_one_company_are_two_people():
    michael = _row(1, "Michael", "Sommer", "Muster Maschinenbau", emails=("michael.sommer@muster.de",))
    michaela = _row(2, "Michaela", "Sommer", "Muster Maschinenbau", emails=("michaela.sommer@muster.de",))
    assert find_matches([michael, michaela]) == []


def test_a_shared_home_phone_of_relatives_is_no_duplicate_but_of_one_person_it_is():
    home = ("+49 40 1234567",)
    relatives = [
        _row(1, "Thomas", "Becker", phones=home),
        _row(2, "Sabine", "Becker", phones=("040 1234567",)),
    ]
    assert find_matches(relatives) == []
    one = [
        _row(1, "Thomas", "Becker", phones=home),
        _row(2, "Tom", "Becker", "Rhein Cargo", phones=("0040-1234567",)),
    ]
    assert [m.kind for m in find_matches(one)] == ["phone"]


def test_namesakes_without_organization_in_different_countries_are_two_people():
    rows = [_row(1, "Anna", "Schmidt", country="DE"), _row(2, "Anna", "Schmidt", "Rhein Cargo", country="US")]
    assert find_matches(rows) == []


def test_two_linkedin_profiles_pair_only_with_the_same_name_at_the_same_organization():
    same = [
        _row(1, "Farid", "Aisyah", "Klang Valley Warehousing", linkedin="farid-a"),
        _row(2, "Farid", "Aisyah", "Klang Valley Warehousing", linkedin="farid-b"),
    ]
    assert [r.code for r in find_matches(same)[0].reasons][-1] == "two_profiles"
    nickname = [
        _row(1, "Alex", "Krause", "Rhein Cargo", linkedin="a"),
        _row(2, "Alexander", "Krause", "Rhein Cargo", linkedin="b"),
    ]
    assert find_matches(nickname) == []


def test_exact_evidence_wins_and_a_shared_profile_is_always_one_person():
    rows = [
        _row(1, "K.", "Other", emails=("same@example.com",)),
        _row(2, "Kay", "Other", emails=("SAME@example.com",)),
    ]
    assert [m.kind for m in find_matches(rows)] == ["email"]
    profiles = [
        _row(1, "Michael", "Sommer", linkedin="msommer"),
        _row(2, "Michaela", "Sommer", linkedin="msommer"),
    ]
    assert [m.kind for m in find_matches(profiles)] == ["linkedin"]


def test_among_limits_the_pairs_to_those_people():
    rows = [
        _row(1, "Alex", "Krause", "X"),
        _row(2, "Alexander", "Krause", "X"),
        _row(3, "Susi", "Lehmann", "Y"),
        _row(4, "Susanne", "Lehmann", "Y"),
    ]
    assert [(m.first_id, m.second_id) for m in find_matches(rows, among={3})] == [(3, 4)]


REASONS = [
    (("Basti", "Vogel", "Rhein Cargo"), ("Sebastian", "Vogel", "Rhein Cargo"),
     ["Spitzname: Basti ↔ Sebastian", "Gleiche Organisation: Rhein Cargo"],
     ["Nickname: Basti ↔ Sebastian", "Same organization: Rhein Cargo"]),
    (("Franziska Marie", "Böhm", "Rhein Cargo"), ("Dr. Franziska", "Böhm", ""),
     ["Zweiter Vorname: Franziska Marie ↔ Franziska", "Titel im Namen: Dr.",
      "Organisation nur bei einem der beiden bekannt"],
     ["Middle name: Franziska Marie ↔ Franziska", "Title in the name: Dr.",
      "Organization known for only one of them"]),
    (("Işık", "Öztürk", "Messe Süd"), ("Isik", "Ozturk", "Messe Süd GmbH"),
     ["Gleicher Name, anders geschrieben: Işık Öztürk ↔ Isik Ozturk", "Gleiche Organisation: Messe Süd"],
     ["Same name, spelt differently: Işık Öztürk ↔ Isik Ozturk", "Same organization: Messe Süd"]),
    (("Katrin", "Vogel", "Rhein Cargo"), ("Katrin", "Vogell", "Rhein Cargo"),
     ["Nachname anders geschrieben: Vogel ↔ Vogell", "Gleiche Organisation: Rhein Cargo"],
     ["Family name spelt differently: Vogel ↔ Vogell", "Same organization: Rhein Cargo"]),
]  # fmt: skip


@pytest.mark.parametrize(("a", "b", "german", "english"), REASONS)
def test_reasons_read_in_both_languages(a, b, german, english):
    (match,) = find_matches([_row(1, *a), _row(2, *b)])
    assert [describe(reason, "de") for reason in match.reasons] == german
    assert [describe(reason, "en") for reason in match.reasons] == english


def test_phone_numbers_and_organizations_normalize():
    assert phone_key("+49 (40) 123 45 67") == phone_key("0049 40 1234567") == phone_key("040/1234567")
    assert phone_key("112") == ""
    assert org_relation("siemens", "siemens mobility") == "same"
    assert org_relation("deutsche bahn", "deutsche bank") == "different"


def test_given_name_relations_in_the_table():
    kinds = {
        (a, b): given_relation(parse_name(a, "X"), parse_name(b, "X")).kind
        for a, b in [
            ("Sascha", "Alex"),
            ("Hans Peter", "Hans-Peter"),
            ("Marie", "Franziska Marie"),
            ("Farid", "Farida"),
        ]
    }
    assert kinds == {
        ("Sascha", "Alex"): "nickname",
        ("Hans Peter", "Hans-Peter"): "same",
        ("Marie", "Franziska Marie"): "second_given",
        ("Farid", "Farida"): "gender",
    }
