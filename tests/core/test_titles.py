import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vernetzt.core.titles import (
    FUNCTION_LABELS,
    FUNCTIONS,
    SENIORITY_LABELS,
    SENIORITY_LEVELS,
    TitleClass,
    classify_title,
    classify_titles,
    seniority_rank,
)

DATA = Path(__file__).parent.parent / "data"
# titles.tsv: the first 1,009 titles; titles_heldback.tsv: written before the 2026 rule changes
# (Manager titles, civil-service grades, academia, legal, treasury), measured, then fixed;
# titles_unseen.tsv: written after those changes and measured once before any further fix (README).
TABLES = ("titles.tsv", "titles_heldback.tsv", "titles_unseen.tsv")


def load_table(name: str | None = None) -> list[dict[str, str]]:
    rows = []
    for table in (name,) if name else TABLES:
        with (DATA / table).open(encoding="utf-8", newline="") as handle:
            rows.extend(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows


def test_table_is_broad_and_valid():
    rows = load_table()
    assert len(rows) >= 1190
    assert {row["seniority"] for row in rows} == set(SENIORITY_LEVELS)
    assert {row["function"] for row in rows} == set(FUNCTIONS)
    assert len({row["title"] for row in rows}) == len(rows)


@pytest.mark.parametrize("name", TABLES)
def test_table_agreement_is_at_least_95_percent(name):
    rows = load_table(name)
    wrong = []
    for row in rows:
        got = classify_title(row["title"])
        if (got.seniority, got.function) != (row["seniority"], row["function"]):
            wrong.append(f"{row['title']!r}: want {row['seniority']}/{row['function']}, "
                         f"got {got.seniority}/{got.function}")
    agreement = 1 - len(wrong) / len(rows)
    print(f"{name} agreement: {agreement:.1%} of {len(rows)}")
    print("\n".join(wrong))
    assert agreement >= 0.95, "\n".join(wrong)


# DESIGN §3's orientation examples and the brief's must-pass cases.
MUST_PASS = [
    ("Praktikant", "unpaid", "other"),
    ("Intern", "unpaid", "other"),
    ("Auszubildende", "training", "other"),
    ("Werkstudent", "training", "other"),
    ("Trainee", "training", "other"),
    ("Sachbearbeiter Einkauf", "entry", "procurement"),
    ("Referentin Marketing", "entry", "marketing"),
    ("Specialist Logistics", "entry", "supply_chain_logistics"),
    ("Disponent", "entry", "supply_chain_logistics"),
    ("Senior Software Engineer", "senior", "information_technology"),
    ("Lead Developer", "senior", "information_technology"),
    ("Principal Consultant", "senior", "consulting"),
    ("Staff Engineer", "senior", "engineering"),
    ("Teamleiter Disposition", "manager", "supply_chain_logistics"),
    ("Gruppenleiter Wareneingang", "manager", "supply_chain_logistics"),
    ("Schichtleiter Produktion", "manager", "manufacturing"),
    ("Leiter Logistik", "director", "supply_chain_logistics"),
    ("Leiterin Kontraktlogistik", "director", "supply_chain_logistics"),
    ("Head of Intralogistics", "director", "supply_chain_logistics"),
    ("Director Sales EMEA", "director", "sales"),
    ("Abteilungsleiter Einkauf", "director", "procurement"),
    ("Logistikleiter", "director", "supply_chain_logistics"),
    ("Einkaufsleiterin", "director", "procurement"),
    ("Vertriebsleiterin", "director", "sales"),
    ("Vertriebsleiter DACH", "director", "sales"),
    ("Lagerleiter", "director", "supply_chain_logistics"),
    ("Niederlassungsleiter", "director", "general_management"),
    ("VP Supply Chain, Southeast Asia", "vp", "supply_chain_logistics"),
    ("Bereichsleiter Logistik", "vp", "supply_chain_logistics"),
    ("Country Manager Vietnam", "vp", "general_management"),
    ("General Manager", "vp", "general_management"),
    ("CEO", "cxo", "general_management"),
    ("CFO", "cxo", "finance"),
    ("Geschäftsführerin", "cxo", "general_management"),
    ("Vorstand", "cxo", "general_management"),
    ("Managing Director", "cxo", "general_management"),
    ("Partnerin", "partner", "general_management"),
    ("Gesellschafter", "partner", "general_management"),
    ("Inhaber", "owner", "general_management"),
    ("Founder", "owner", "general_management"),
    ("Gründerin", "owner", "general_management"),
    ("Founder & CEO", "owner", "general_management"),
    ("Stellvertretender Leiter Logistik", "manager", "supply_chain_logistics"),
    ("stellv. GF", "vp", "general_management"),
    ("Deputy Head of Procurement", "manager", "procurement"),
    ("Assistant to the CEO", "entry", "administrative"),
    ("Assistenz der Geschäftsführung", "entry", "administrative"),
    ("Head of Logistik", "director", "supply_chain_logistics"),
    ("Leiter Supply Chain", "director", "supply_chain_logistics"),
    ("Manager Einkauf", "manager", "procurement"),
    ("Projektleiter", "manager", "program_project_management"),
    ("Logistikleiter | Hochregallager | Lean Warehousing", "director", "supply_chain_logistics"),
    ("Head of Supply Chain Southeast Asia", "director", "supply_chain_logistics"),
    ("Regional Director APAC", "director", "other"),
    ("Product Owner", "senior", "product"),
    # issue 9: an X Manager looks after a subject, not people; the cases reported as wrong
    ("CSCO", "cxo", "supply_chain_logistics"),
    ("Key Account Manager", "senior", "sales"),
    ("Customer Success Manager", "entry", "customer_service"),
    ("Social Media Managerin", "entry", "marketing"),
    ("Senior Product Manager", "senior", "product"),
    ("Team Manager Kundenservice", "manager", "customer_service"),
    ("Store Manager", "manager", "sales"),
    ("Senior Manager Procurement", "manager", "procurement"),
    ("Plant Manager", "director", "manufacturing"),
    ("Bereichsvorständin Privatkunden", "cxo", "general_management"),
    ("Lehrstuhlinhaber", "director", "education"),
    ("Chief Scientist", "vp", "research_development"),
    ("Treasurer", "director", "finance"),
    ("Counsel", "senior", "legal"),
    ("General Counsel", "cxo", "legal"),
    ("Regierungsdirektor", "director", "administrative"),
]


@pytest.mark.parametrize(("title", "seniority", "function"), MUST_PASS)
def test_must_pass(title, seniority, function):
    assert classify_title(title) == TitleClass(seniority=seniority, function=function)


@pytest.mark.parametrize("title", ["", "   ", "???", "xyzzy", "-", "|"])
def test_empty_or_unknown_is_entry_other(title):
    assert classify_title(title) == TitleClass(seniority="entry", function="other")


def test_gendered_and_marked_forms_agree():
    base = classify_title("Leiter Logistik")
    for variant in ["Leiterin Logistik", "Leiter*in Logistik", "Leiter/in Logistik", "Leiter:in Logistik",
                    "Leiter Logistik (m/w/d)", "Leiterin Logistik (w/m/d)", "Leiter Logistik (all genders)"]:
        assert classify_title(variant) == base, variant


def test_region_words_do_not_change_the_function():
    for title in ["Head of Sales", "Leiter Einkauf", "Supply Chain Manager", "Director Marketing"]:
        base = classify_title(title)
        for region in ["APAC", "DACH", "Southeast Asia", "Südostasien", "EMEA", "SEA", "LATAM", "MENA"]:
            assert classify_title(f"{title} {region}") == base, (title, region)


def test_classify_titles_matches_single_calls_and_keeps_order():
    titles = ["CEO", "Disponent", "CEO", "Head of HR", "Disponent"]
    assert classify_titles(titles) == [classify_title(title) for title in titles]


def test_seniority_rank_orders_levels():
    assert [seniority_rank(level) for level in SENIORITY_LEVELS] == list(range(10))
    with pytest.raises(KeyError):
        seniority_rank("boss")


def test_labels_cover_every_code_in_both_languages():
    for labels, codes in ((SENIORITY_LABELS, SENIORITY_LEVELS), (FUNCTION_LABELS, FUNCTIONS)):
        assert set(labels) == set(codes)
        for names in labels.values():
            assert set(names) == {"de", "en"} and all(names.values())
    assert SENIORITY_LABELS["cxo"]["de"] == "Geschäftsführung / C-Level"
    assert FUNCTION_LABELS["supply_chain_logistics"]["de"] == "Supply Chain & Logistik"


@given(st.text(max_size=120))
def test_any_text_classifies_into_valid_codes(text):
    result = classify_title(text)
    assert result.seniority in SENIORITY_LEVELS
    assert result.function in FUNCTIONS


@given(st.sampled_from([row["title"] for row in load_table()]), st.sampled_from(["", " (m/w/d)", " (w/m/d)",
       " (m/f/d)", " (all genders)"]))
def test_case_and_gender_markers_are_ignored(title, marker):
    expected = classify_title(title)
    assert classify_title(title.upper() + marker) == expected
    assert classify_title(title.lower() + marker) == expected
