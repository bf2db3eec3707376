"""Network upward from reporting lines entered through the CLI: the boss's boss and the boss's peers
first, labelled; the user's own peers and reports never."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from vernetzt.cli import main
from vernetzt.people.models import Person, Tie
from vernetzt.people.reporting import ReportingDataError, manager_of, remove_manager, set_manager
from vernetzt.people.services import create_person, set_me
from vernetzt.research.services import network_upward

pytestmark = pytest.mark.django_db

ORG = "Muster Maschinenbau GmbH"
# key: (first, last, title, organization, reports to key)
COMPANY = {
    "ceo": ("Petra", "Lang", "Geschäftsführerin", ORG, None),
    "boss_boss": ("Markus", "Roth", "Bereichsleiter Operations", ORG, "ceo"),
    "boss": ("Hans", "Huber", "Leiter Supply Chain", ORG, "boss_boss"),
    "boss_peer_1": ("Ines", "Kraus", "Leiterin Produktion", ORG, "boss_boss"),
    "boss_peer_2": ("Jörg", "Brandt", "Leiter Qualität", ORG, "boss_boss"),
    "boss_peer_3": ("Anke", "Vogt", "Leiterin Einkauf", ORG, "boss_boss"),
    "my_peer": ("Tom", "Weber", "Teamleiter Lager", ORG, "boss"),
    "titled_peer": ("Lara", "Klein", "Head of Transport", ORG, "boss"),  # a big title, still a peer
    "my_report": ("Lea", "Vogel", "Disponentin", ORG, "me"),
    "report_of_report": ("Max", "Bauer", "Lagerist", ORG, "my_report"),
    "above": ("Claudia", "Wermelskirchen", "Director Finance", ORG, None),
    "assistant": ("Eva", "Sommer", "Assistant to the CEO", ORG, None),
    "outside": ("Olaf", "Roth", "CEO", "Andere AG", None),
}
BOSS_PEERS = {"Ines Kraus", "Jörg Brandt", "Anke Vogt"}
NEVER = {"Tom Weber", "Lara Klein", "Lea Vogel", "Max Bauer", "Eva Sommer", "Olaf Roth"}


def _cli(*args):
    result = CliRunner().invoke(main, ["--user", "alice", *args])
    return result


@pytest.fixture
def company(user):
    ids = {}
    for key, (first, last, title, org, _) in COMPANY.items():
        person = create_person(
            owner=user, first_name=first, last_name=last, title=title, organization_name=org
        )
        ids[key] = person.pk
    me = ["me", "set", "--title", "Teamleiter Logistik", "--org", ORG, "--reports-to", str(ids["boss"])]
    result = _cli(*me, "--json")
    assert result.exit_code == 0, result.stderr
    ids["me"] = json.loads(result.stdout)["person_id"]
    for key, (*_, manager) in COMPANY.items():
        if manager is not None:
            result = _cli("reports", str(ids[key]), "--to", str(ids[manager]), "--json")
            assert result.exit_code == 0, result.stderr
            assert json.loads(result.stdout) == {
                "person_id": ids[key],
                "reports_to": ids[manager],
                "changed": True,
            }
    return ids


def test_upward_cli_puts_the_boss_boss_in_the_first_three_with_all_boss_peers(user, company):
    result = _cli("upward", "--json", "--lang", "de")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert set(rows[0]) == {"person_id", "name", "title", "organization", "relation", "score", "reasons"}
    by_name = {row["name"]: row for row in rows}
    assert "Markus Roth" in [row["name"] for row in rows[:3]]
    assert by_name["Markus Roth"]["relation"] == "manager_of_manager"
    assert "Führungskraft Ihrer Führungskraft" in by_name["Markus Roth"]["reasons"]
    assert {name for name, row in by_name.items() if row["relation"] == "peer_of_manager"} == BOSS_PEERS
    assert by_name["Hans Huber"]["relation"] == "manager"
    assert by_name["Petra Lang"]["relation"] == "above"
    assert "Weiter oben in Ihrer Berichtslinie" in by_name["Petra Lang"]["reasons"]
    assert by_name["Claudia Wermelskirchen"]["relation"] == "above"
    assert not NEVER & set(by_name)
    first = {row["name"] for row in rows[:4]}
    assert first == {"Markus Roth", *BOSS_PEERS}, "the boss's boss and the boss's peers come first"
    # Then further up the line, then the boss, then others above the user there — each labelled.
    assert [row["name"] for row in rows[4:]] == ["Petra Lang", "Hans Huber", "Claudia Wermelskirchen"]


def test_people_the_ranking_cannot_tell_apart_are_ordered_by_name_not_by_import(user):
    set_me(owner=user, title="Logistikleiter", organization=ORG)
    for first, last in [("Zora", "Zimmer"), ("Anna", "Alt"), ("Mia", "Mohn")]:  # imported in this order
        create_person(owner=user, first_name=first, last_name=last, title="Inhaberin", organization_name=ORG)
    found = network_upward(owner=user, lang="de")
    assert [c.name for c in found] == ["Anna Alt", "Mia Mohn", "Zora Zimmer"]
    assert len({c.score for c in found}) == 1


def test_upward_human_output_and_limit(user, company):
    rows = json.loads(_cli("upward", "--limit", "2", "--json").stdout)
    assert len(rows) == 2
    text = _cli("upward", "--lang", "en").stdout
    assert "[manager_of_manager]" in text and "Your manager's manager" in text


def test_without_lines_the_managers_level_stands_in_for_the_boss_boss(user):
    set_me(owner=user, title="Logistikleiter", organization=ORG)
    boss = create_person(owner=user, first_name="Hans", last_name="Huber", title="Bereichsleiter SC",
                         organization_name=ORG)  # fmt: skip
    peer = create_person(owner=user, first_name="Ines", last_name="Kraus", title="Bereichsleiterin Vertrieb",
                         organization_name=ORG)  # fmt: skip
    create_person(
        owner=user, first_name="Tom", last_name="Weber", title="Leiter Einkauf", organization_name=ORG
    )
    set_me(owner=user, title="Logistikleiter", organization=ORG, reports_to=boss)
    found = {c.name: c for c in network_upward(owner=user, lang="en")}
    assert set(found) == {"Hans Huber", "Ines Kraus"}
    assert found[peer.display_name].relation == "peer_of_manager"
    assert "A peer of your manager" in found["Ines Kraus"].reasons


def test_a_line_replaces_the_earlier_one_and_can_be_removed(user, company):
    person = Person.objects.get(pk=company["my_peer"])
    assert manager_of(person).pk == company["boss"]
    result = _cli("reports", str(person.pk), "--to", str(company["boss_boss"]), "--json")
    assert json.loads(result.stdout)["reports_to"] == company["boss_boss"]
    assert Tie.objects.filter(from_person=person, kind="reports_to").count() == 1
    result = _cli("reports", str(person.pk), "--remove", "--json")
    assert json.loads(result.stdout) == {"person_id": person.pk, "reports_to": None, "changed": True}
    assert remove_manager(person=person) is False


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["reports", "999999", "--to", "BOSS"], "no person with id 999999"),
        (["reports", "BOSS", "--to", "999999"], "--to: no person with id 999999"),
        (["reports", "BOSS"], "--to: name the manager"),
        (["reports", "BOSS", "--to", "BOSS"], "--to: nobody reports to themselves"),
        (["reports", "CEO", "--to", "REPORT"], "--to: Lea Vogel already reports"),
        (["me", "set", "--title", "T", "--org", "O", "--reports-to", "999999"], "--reports-to: no person"),
    ],
)
def test_reporting_errors_follow_the_contract(user, company, args, message):
    names = {"BOSS": company["boss"], "CEO": company["ceo"], "REPORT": company["my_report"]}
    result = _cli(*[str(names.get(a, a)) for a in args], "--json")
    assert result.exit_code == 1 and result.stdout == ""
    assert message in json.loads(result.stderr)["error"]


def test_another_accounts_people_are_unknown(user, company, other_user):
    mine = create_person(owner=other_user, first_name="M", last_name="M")
    result = CliRunner().invoke(
        main, ["--user", "mallory", "reports", str(mine.pk), "--to", str(company["boss"])]
    )
    assert result.exit_code == 1 and "no person with id" in result.stderr
    with pytest.raises(PermissionError):
        set_manager(person=mine, manager=Person.objects.get(pk=company["boss"]))


def test_a_cycle_is_refused_in_the_service(user, company):
    ceo, report = Person.objects.get(pk=company["ceo"]), Person.objects.get(pk=company["report_of_report"])
    with pytest.raises(ReportingDataError, match="already reports"):
        set_manager(person=ceo, manager=report)


def test_titles_and_imports_never_invent_lines(user, company):
    assistant = Person.objects.get(pk=company["assistant"])
    assert manager_of(assistant) is None
    assert not Tie.objects.filter(to_person=assistant).exists()


def test_without_a_profile_upward_is_empty(other_user):
    create_person(owner=other_user, first_name="A", last_name="B", title="CEO", organization_name=ORG)
    assert network_upward(owner=other_user, lang="en") == []
    assert json.loads(CliRunner().invoke(main, ["--user", "mallory", "upward", "--json"]).stdout) == []
