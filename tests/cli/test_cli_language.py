"""Every human line of the command line in the account's language, and the language given back after."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from django.utils import translation

from vernetzt.cli import main

pytestmark = pytest.mark.django_db
SAMPLES = Path(__file__).parents[1] / "data" / "samples"


def _say(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_german_account_hears_german_and_an_english_one_english(user):
    user.language = "de"
    user.save()
    before = translation.get_language()
    assert re.fullmatch(
        r"Ziel \d+ angelegt.\n", _say("goal", "add", "Bereichsleitung Logistik", "--level", "vp")
    )
    assert translation.get_language() == before  # the next command or test is not left in German
    imported = _say("import", "vcard", str(SAMPLES / "contacts.vcf"))
    assert imported.startswith("contacts.vcf importiert: ") and "rückgängig mit" in imported
    added = _say("feed", "add", "https://logistik.example/feed.xml")
    assert added.startswith("Feed ") and " abonniert: https://logistik.example/feed.xml" in added
    feed_id = added.split()[1]
    assert _say("feed", "remove", feed_id) == "Feed entfernt. 0 Erfolge gelöscht.\n"
    user.language = "en"
    user.save()
    assert re.fullmatch(r"Goal \d+ added.\n", _say("goal", "add", "Country manager Vietnam", "--level", "vp"))
    assert re.fullmatch(
        r"Feed \d+ added: https://logistik.example/feed.xml\n",
        _say("feed", "add", "https://logistik.example/feed.xml"),
    )


def test_duplicates_give_their_reasons_in_the_account_language(user):
    from vernetzt.people.services import create_person

    user.language = "de"
    user.save()
    assert _say("duplicates") == "Keine wahrscheinlichen Duplikate\n"
    basti = create_person(owner=user, first_name="Basti", last_name="Vogel", organization_name="Rhein Cargo")
    sebastian = create_person(
        owner=user, first_name="Sebastian", last_name="Vogel", organization_name="Rhein Cargo"
    )
    pair = f"{basti.pk} Basti Vogel ⇄ {sebastian.pk} Sebastian Vogel"
    assert _say("duplicates") == f"{pair}: Spitzname: Basti ↔ Sebastian; Gleiche Organisation: Rhein Cargo\n"
    user.language = "en"
    user.save()
    assert _say("duplicates") == f"{pair}: Nickname: Basti ↔ Sebastian; Same organization: Rhein Cargo\n"
