"""Drafts from the journal in the recipient's language: salutation from Frau/Herr and academic title, the
encounter a thank-you follows, the planned benefit by name, and the places the user must still fill in."""

from __future__ import annotations

from datetime import date

import pytest

from vernetzt.events.services import create_event
from vernetzt.journal.benefits import record_benefit, suggest_benefits
from vernetzt.journal.messages import compose_draft, draft_for_task, send_draft
from vernetzt.journal.models import Task
from vernetzt.journal.services import JournalDataError, log_interaction
from vernetzt.people.services import create_person, set_me

pytestmark = pytest.mark.django_db
FRIDAY = date(2026, 3, 13)


@pytest.fixture
def priya_de(user):
    """A German-speaking Priya in Singapore, formal, Frau Dr."""
    user.first_name, user.last_name, user.email = "Thomas", "Berger", "thomas@example.org"
    user.save()
    return create_person(
        owner=user,
        first_name="Priya",
        last_name="Raman",
        title_of_address="Frau",
        academic_title="Dr.",
        city="Singapur",
        languages=["Deutsch", "Englisch"],
        emails=["priya@example.com"],
    )


@pytest.fixture
def daniel(user):
    return create_person(
        owner=user,
        first_name="Daniel",
        last_name="Ortmann",
        title="Head of Intralogistics",
        organization_name="Westfalen Fördertechnik AG",
        city="Bielefeld",
    )


def test_thank_you_after_an_encounter_is_german_sie_refers_to_it_and_names_the_benefit(
    user, priya_de, daniel
):
    event = create_event(owner=user, name="Logistik-Forum Rhein-Ruhr 2026", starts_on=FRIDAY)
    record_benefit(
        owner=user,
        person=priya_de,
        direction="offered",
        kind="introduction",
        description="",
        introduce_to=daniel,
    )
    result = log_interaction(
        owner=user,
        person=priya_de,
        kind="event_conversation",
        date=FRIDAY,
        event=event,
        meeting_agreed=True,
        snippets=["Tochter studiert an der NUS"],
    )
    task = next(t for t in result.tasks if t.kind == "thank_you_email")
    draft = draft_for_task(owner=user, task=task, ui_lang="en")
    assert draft.lang == "de"
    assert draft.subject == "Danke für das Gespräch bei „Logistik-Forum Rhein-Ruhr 2026“"
    assert draft.body.startswith(
        "Sehr geehrte Frau Dr. Raman,\n\nvielen Dank für das anregende Gespräch bei der "
        "Veranstaltung „Logistik-Forum Rhein-Ruhr 2026“ am 13. März 2026"
    )
    assert "dass Ihre Tochter an der NUS studiert." in draft.body
    assert (
        "Wie angesprochen würde ich Ihnen gern einen Kontakt zu Daniel Ortmann (Head of Intralogistics bei "
        "Westfalen Fördertechnik) vermitteln."
    ) in draft.body
    assert draft.placeholders == ()
    assert draft.body.endswith("Mit freundlichen Grüßen\nThomas Berger")


def test_english_lunch_invitation_marks_what_the_user_must_still_say(user, daniel):
    priya = create_person(
        owner=user,
        first_name="Priya",
        last_name="Raman",
        title_of_address="Frau",
        city="Singapur",
        languages=["Englisch", "Tamil"],
        emails=["priya@example.com"],
    )
    log_interaction(
        owner=user, person=priya, kind="meeting", date=FRIDAY, snippets=["Tochter studiert an der NUS"]
    )
    lunch = Task.objects.get(person=priya, kind="propose_lunch")
    draft = draft_for_task(owner=user, task=lunch, ui_lang="de")
    assert draft.lang == "en"
    assert draft.body.startswith(
        "Dear Ms Raman,\n\nI would like to invite you to lunch to talk about [[Thema: "
    )
    assert "[[in eigenen Worten auf Englisch: „Tochter studiert an der NUS“]]" in draft.body
    assert len(draft.placeholders) == 3  # topic, the snippet to rephrase, the benefit
    with pytest.raises(JournalDataError, match=r"\[\["):  # refused before any mail server is asked
        send_draft(
            owner=user,
            person=priya,
            kind="lunch_invitation",
            to="priya@example.com",
            subject=draft.subject,
            body=draft.body,
            task=lunch,
        )
    lunch.refresh_from_db()
    assert lunch.is_open


def test_topic_from_the_meeting_and_the_introduction_fill_the_lunch_invitation(user, daniel):
    priya = create_person(
        owner=user,
        first_name="Priya",
        last_name="Raman",
        formality="du",
        languages=["English"],
        title_of_address="Frau",
    )
    record_benefit(
        owner=user,
        person=priya,
        direction="offered",
        kind="introduction",
        description="",
        introduce_to=daniel,
    )
    log_interaction(owner=user, person=priya, kind="meeting", date=FRIDAY, topic="cold chains in Vietnam")
    draft = draft_for_task(owner=user, task=Task.objects.get(kind="propose_lunch"), ui_lang="de")
    assert draft.body.startswith(
        "Dear Priya,\n\nI would like to invite you to lunch to talk about cold chains in Vietnam."
    )
    assert (
        "Over lunch, I would be glad to introduce you to Daniel Ortmann (Head of Intralogistics at "
        "Westfalen Fördertechnik)."
    ) in draft.body
    assert draft.placeholders == ()


def test_without_frau_or_herr_the_formal_german_greeting_stays_neutral_and_says_so(user):
    jan = create_person(owner=user, first_name="Jan", last_name="Roth", city="Köln")
    draft = compose_draft(owner=user, person=jan, kind="thank_you_email", ui_lang="de")
    assert draft.body.startswith("Guten Tag Jan Roth,")
    assert draft.salutation_known is False


def test_the_draft_page_shows_the_places_to_fill_in(alice_client, user):
    priya = create_person(owner=user, first_name="Priya", last_name="Raman", languages=["English"])
    page = alice_client.get(f"/people/{priya.pk}/draft/?kind=lunch_invitation")
    assert page.status_code == 200
    assert "Before sending, fill in the places marked [[…]]:" in page.content.decode()


@pytest.mark.parametrize(
    ("languages", "ui_lang", "sentence"),
    [
        (
            ["Deutsch"],
            "de",
            "Wie besprochen würde ich Ihnen gern anbieten, meine Erfahrung mit Intralogistik zu teilen.",
        ),
        (
            ["Deutsch"],
            "en",
            "Wie besprochen würde ich Ihnen gern anbieten, meine Erfahrung mit Intralogistik zu teilen.",
        ),
        (["English"], "de", "As discussed, I would be glad to share my experience with intralogistics."),
    ],
)
def test_information_planned_from_a_suggestion_reads_as_the_users_own_offer(
    alice_client, user, languages, ui_lang, sentence
):
    set_me(
        owner=user,
        title="Logistikleiter",
        organization="Muster Maschinenbau GmbH",
        city="Dortmund",
        expertise=["Intralogistik"],
    )
    user.language = ui_lang
    user.save()
    anna = create_person(
        owner=user,
        first_name="Anna",
        last_name="Weber",
        title_of_address="Frau",
        title="Head of Intralogistics",
        organization_name="Rhein Cargo GmbH",
        expertise=["Intralogistik"],
        languages=languages,
    )
    shown = suggest_benefits(owner=user, person=anna, lang=ui_lang)
    information = next(s for s in shown if s.kind == "information")
    page = alice_client.get(f"/people/{anna.pk}/benefits/").content.decode()
    assert f'name="description" value="{information.offer}"' in page  # what "Plan this" records
    alice_client.post(
        f"/people/{anna.pk}/benefits/add/",
        {
            "direction": "offered",
            "kind": "information",
            "description": information.offer,
            "status": "planned",
        },
    )
    draft = compose_draft(owner=user, person=anna, kind="thank_you_email", ui_lang=ui_lang)
    assert sentence in draft.body
    assert draft.placeholders == ()
