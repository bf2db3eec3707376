"""Industries and keywords steer a goal: `vernetzt org tag`, guesses from the name, reasons, ranking."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from vernetzt.cli import main
from vernetzt.core.industries import SOURCE_DATA, SOURCE_NAME, SOURCE_USER
from vernetzt.people.models import Organization
from vernetzt.people.organizations import set_industry
from vernetzt.people.services import create_person, set_me

pytestmark = pytest.mark.django_db


def _run(*args):
    return CliRunner().invoke(main, ["--user", "alice", *args])


def _json(*args):
    result = _run(*args, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _org(user, name):
    return Organization.objects.for_user(user).get(name=name)


@pytest.fixture
def supplier_world(user):
    """Four supply-chain directors in Germany: one at an automotive supplier whose name does not tell
    (the user tags it), one at a supplier whose name does, one at a bank, one at a retailer."""
    set_me(owner=user, title="Logistikleiter", organization="Muster Maschinenbau GmbH", city="Dortmund")
    people = {}
    for first, last, title, org, city in [
        ("Anna", "Albers", "Leiterin Supply Chain", "Retail Partners GmbH", "Essen"),
        ("Bernd", "Brandt", "Director Supply Chain", "Nordbank AG", "Hamburg"),
        ("Clara", "Claus", "Head of Supply Chain", "Kessler Werke GmbH", "Stuttgart"),
        ("Dirk", "Decker", "Leiter Logistik JIT-Versorgung", "Autoteile Decker KG", "Köln"),
    ]:
        people[first] = create_person(
            owner=user, first_name=first, last_name=last, title=title, organization_name=org, city=city
        )
    return people


def test_new_organizations_get_the_industry_their_name_tells(user, supplier_world):
    decker = _org(user, "Autoteile Decker KG")
    assert (decker.industry, decker.industry_source) == ("53", SOURCE_NAME)
    assert _org(user, "Nordbank AG").industry == "41"
    assert _org(user, "Kessler Werke GmbH").industry == ""


def test_org_tag_sets_the_industry_in_either_language_and_list_finds_it(user, supplier_world):
    found = _json("org", "list", "--search", "kessler")
    assert [row["name"] for row in found] == ["Kessler Werke GmbH"]
    assert found[0]["industry"] is None
    tagged = _json("org", "tag", str(found[0]["organization_id"]), "--industry", "Automobilzulieferer")
    assert (tagged["industry"], tagged["industry_code"], tagged["changed"]) == ("Automotive", 53, True)
    again = _json("org", "tag", str(found[0]["organization_id"]), "--industry", "Automotive")
    assert again["changed"] is False
    assert _org(user, "Kessler Werke GmbH").industry_source == SOURCE_USER


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["org", "tag", "99999", "--industry", "Logistik"], "ORG_ID: no organization with id 99999"),
        (["org", "tag", "{org}", "--industry", "Zauberei"], "--industry: unknown industry 'Zauberei'"),
    ],
)
def test_org_tag_refuses_unknown_ids_and_industries(user, supplier_world, args, message):
    org_id = str(_org(user, "Kessler Werke GmbH").pk)
    result = _run(*[arg.replace("{org}", org_id) for arg in args], "--json")
    assert result.exit_code == 1
    assert message in json.loads(result.stderr)["error"]
    assert _org(user, "Kessler Werke GmbH").industry == ""


def test_a_guess_never_replaces_the_users_choice_and_data_beats_a_guess(user, supplier_world):
    decker = _org(user, "Autoteile Decker KG")
    assert set_industry(organization=decker, industry="Logistik", source=SOURCE_DATA) is True
    assert set_industry(organization=decker, industry="Automotive", source=SOURCE_NAME) is False
    assert set_industry(organization=decker, industry="Banking", source=SOURCE_USER) is True
    assert set_industry(organization=decker, industry="Logistik", source=SOURCE_DATA) is False
    decker.refresh_from_db()
    assert (decker.industry, decker.industry_source) == ("41", SOURCE_USER)


def test_industry_and_keyword_reasons_appear_and_change_the_ranking(user, supplier_world):
    kessler = _org(user, "Kessler Werke GmbH")
    _json("org", "tag", str(kessler.pk), "--industry", "Automotive")
    plain = _json("goal", "add", "Supply Chain bei Zulieferern", "--function", "supply_chain_logistics")["id"]
    steered = _json(
        "goal", "add", "Supply Chain bei Zulieferern", "--function", "supply_chain_logistics",
        "--industry", "Automobilzulieferer", "--keyword", "jit",
    )["id"]  # fmt: skip
    without = _json("targets", str(plain), "--lang", "en")
    with_them = _json("targets", str(steered), "--lang", "en")
    assert [row["name"] for row in without] != [row["name"] for row in with_them]
    by_name = {row["name"]: row for row in with_them}
    assert [row["name"] for row in with_them][:2] == ["Dirk Decker", "Clara Claus"]
    assert "Industry: Automotive" in by_name["Clara Claus"]["reasons"]
    assert "Matches “jit”" in by_name["Dirk Decker"]["reasons"]
    assert not any(reason.startswith("Industry") for reason in by_name["Bernd Brandt"]["reasons"])
    assert not any("Industry" in reason for row in without for reason in row["reasons"])
    german = {row["name"]: row for row in _json("targets", str(steered), "--lang", "de")}
    assert "Branche: Automobilindustrie" in german["Clara Claus"]["reasons"]


def test_a_goal_naming_an_unknown_industry_is_refused(user, supplier_world):
    result = _run("goal", "add", "Irgendwas", "--industry", "Zauberei", "--json")
    assert result.exit_code == 1
    assert "unknown industry 'Zauberei'" in json.loads(result.stderr)["error"]


def test_keywords_hit_notes_and_successes_umlauts_and_compounds_folded(user, supplier_world):
    from vernetzt.people.models import Success
    from vernetzt.people.services import update_person

    update_person(person=supplier_world["Anna"], notes="Baut gerade eine KÜHLKETTENLOGISTIK für Pharma auf.")
    Success.objects.create(
        owner=user, person=supplier_world["Bernd"], date="2026-10-01",
        text="Just-in-time-Belieferung (JIT) gestartet",
    )  # fmt: skip
    goal = _json("goal", "add", "Kühlkette", "--function", "supply_chain_logistics", "--keyword", "Kühlkette")
    goal = goal["id"]
    rows = {row["name"]: row for row in _json("targets", str(goal), "--lang", "de")}
    assert "Passt zu „Kühlkette“" in rows["Anna Albers"]["reasons"]
    assert not any("Passt zu" in reason for reason in rows["Clara Claus"]["reasons"])
    jit = _json("goal", "add", "JIT", "--function", "supply_chain_logistics", "--keyword", "jit")["id"]
    found = [row["name"] for row in _json("targets", str(jit))]
    assert found.index("Bernd Brandt") < found.index("Anna Albers")
