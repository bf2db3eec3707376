"""Do-not-contact: the person stays, with a badge, but nothing reaches out to them — no draft, no task
after an encounter, no calendar rule, no digest line, no news candidate, no introduction; exports and
the phone's address book mark them."""

from __future__ import annotations

import io

import pytest
from django.utils import timezone

from vernetzt.journal.agenda import build_agenda
from vernetzt.journal.digest import render_digest
from vernetzt.journal.messages import compose_draft, send_draft
from vernetzt.journal.models import Task
from vernetzt.journal.services import DoNotContact, log_interaction, run_calendar_playbook
from vernetzt.people.services import create_person, set_do_not_contact, set_me
from vernetzt.sources.candidates import match_items
from vernetzt.sources.models import Feed, FeedItem
from vernetzt.transfer.exports import export_csv, export_vcard


@pytest.fixture
def pair(user):
    """Jana objected, Petra did not; otherwise alike (so every check could fail)."""
    set_me(owner=user, title="Logistikleiter", organization="Muster Maschinenbau GmbH")
    today = timezone.localdate()
    people = {}
    for first, last in (("Jana", "Sommer"), ("Petra", "Lang")):
        people[first] = create_person(
            owner=user, first_name=first, last_name=last, organization_name="Rhein Cargo GmbH",
            title="Leiterin Logistik", emails=[f"{first.lower()}@rhein-cargo.example"], tier="developing",
            birth_day=today.day, birth_month=today.month,
        )  # fmt: skip
    set_do_not_contact(person=people["Jana"], do_not_contact=True)
    return people


def test_logging_an_encounter_plans_no_outreach(user, pair):
    day = timezone.localdate()
    kept = log_interaction(
        owner=user, person=pair["Petra"], kind="event_conversation", date=day, meeting_agreed=True
    )
    assert kept.tasks  # the playbook plans follow-ups for someone who did not object
    quiet = log_interaction(
        owner=user, person=pair["Jana"], kind="event_conversation", date=day, meeting_agreed=True
    )
    assert quiet.tasks == [] and quiet.interaction.pk  # the conversation itself is recorded
    assert not Task.objects.for_user(user).filter(person=pair["Jana"]).exists()


def test_drafts_refuse_with_a_message_in_the_users_language(user, pair):
    assert compose_draft(owner=user, person=pair["Petra"], kind="thank_you_email", ui_lang="en").body
    with pytest.raises(DoNotContact, match="Jana Sommer asked not to be contacted"):
        compose_draft(owner=user, person=pair["Jana"], kind="thank_you_email", ui_lang="en")
    with pytest.raises(DoNotContact, match="Jana Sommer möchte nicht kontaktiert werden"):
        compose_draft(owner=user, person=pair["Jana"], kind="lunch_invitation", ui_lang="de")
    with pytest.raises(DoNotContact):
        send_draft(
            owner=user, person=pair["Jana"], kind="thank_you_email", to="jana@rhein-cargo.example",
            subject="Danke", body="Danke",
        )  # fmt: skip


def test_the_draft_page_refuses_and_the_person_page_shows_the_badge(alice_client, pair):
    refused = alice_client.get(f"/people/{pair['Jana'].pk}/draft/", HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 409 and "asked not to be contacted" in refused.content.decode()
    assert alice_client.get(f"/people/{pair['Petra'].pk}/draft/").status_code == 200
    page = alice_client.get(f"/people/{pair['Jana'].pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'class="badge dnc">Do not contact<' in page and f"/people/{pair['Jana'].pk}/draft/" not in page
    listed = alice_client.get("/people/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert listed.count('class="badge dnc">Nicht kontaktieren<') == 1


def test_calendar_rules_digest_and_today_skip_them(user, pair):
    today = timezone.localdate()
    tasks = run_calendar_playbook(owner=user, today=today, force=True)
    assert {task.person_id for task in tasks if task.person_id} == {pair["Petra"].pk}  # birthdays
    Task.objects.create(owner=user, person=pair["Jana"], kind="custom", due=today, title="Jana anrufen")
    agenda = build_agenda(owner=user, today=today, lang="en")
    _, body = render_digest(agenda, "en")
    assert "Petra Lang" in body and "Jana" not in body
    assert [b.person.pk for b in agenda.birthdays] == [pair["Petra"].pk]


def test_news_about_them_becomes_no_candidate(user, pair):
    feed = Feed.objects.create(owner=user, url="https://press.example/feed.xml", name="Logistik heute")
    titles = (
        "Rhein Cargo: Petra Lang wird Geschäftsführerin",
        "Rhein Cargo: Jana Sommer wird Geschäftsführerin",
    )
    items = [
        FeedItem.objects.create(
            owner=user, feed=feed, key=f"k{n}", title=title, url=f"https://press.example/{n}"
        )
        for n, title in enumerate(titles)
    ]
    found = match_items(owner=user, items=items)
    # the headline about Jana still tells of her organization, so it goes to Petra there
    assert [candidate.person_id for candidate in found] == [pair["Petra"].pk, pair["Petra"].pk]


def test_exports_mark_them(user, pair):
    out = io.StringIO()
    export_vcard(owner=user, fileobj=out)
    cards = out.getvalue().split("END:VCARD")
    assert "CATEGORIES:Do not contact" in next(card for card in cards if "Jana" in card)
    assert "CATEGORIES" not in next(card for card in cards if "Petra" in card)
    out = io.StringIO()
    export_csv(owner=user, fileobj=out)
    assert "Do not contact" in next(line for line in out.getvalue().splitlines() if "Jana" in line)


def test_rankings_keep_them_visible_with_the_mark(alice_client, user, pair):
    from vernetzt.goals.services import create_goal
    from vernetzt.research.services import rank_for_goal

    goal = create_goal(owner=user, text="Leitung Logistik", functions=["supply_chain_logistics"])
    ranked = {c.person_id: c.do_not_contact for c in rank_for_goal(owner=user, goal=goal, lang="en")}
    assert ranked == {pair["Jana"].pk: True, pair["Petra"].pk: False}
    page = alice_client.get(f"/goals/{goal.pk}/research/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert page.count('class="badge dnc">Do not contact<') == 1


def test_a_job_change_is_recorded_without_a_congratulation_task(user):
    from tests.importers.test_import_linkedin_later import _export

    from vernetzt.people.models import Person, Success
    from vernetzt.transfer.services import import_linkedin

    import_linkedin(owner=user, source=_export("first_Connections.csv"), filename="first.zip")
    tim = Person.objects.for_user(user).get(last_name="Wongsakul")
    set_do_not_contact(person=tim, do_not_contact=True)
    import_linkedin(owner=user, source=_export("later_Connections.csv"), filename="later.zip")
    assert Success.objects.filter(person=tim).exists()  # the new role is known
    assert not Task.objects.filter(person=tim).exists()
    anna = Person.objects.for_user(user).get(last_name="Krause")
    assert Task.objects.filter(person=anna).exists()


def test_the_phones_address_book_marks_them(user, pair):
    from vernetzt.carddav.book import load_cards
    from vernetzt.exporters.vcard import render_vcards

    cards = {card.person_id: card for card in load_cards(user, today=timezone.localdate(), lang="en")}
    assert "CATEGORIES:Do not contact" in render_vcards([cards[pair["Jana"].pk].record])
    assert "CATEGORIES" not in render_vcards([cards[pair["Petra"].pk].record])
    before = cards[pair["Petra"].pk].etag
    set_do_not_contact(person=pair["Petra"], do_not_contact=True)
    [petra] = load_cards(user, today=timezone.localdate(), lang="en", person_ids=[pair["Petra"].pk])
    assert petra.etag != before  # the phone fetches the marked card again
