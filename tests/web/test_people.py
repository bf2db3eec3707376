from __future__ import annotations

import pytest
from django.urls import reverse

from vernetzt.people.models import Person, Position
from vernetzt.people.search import search_people
from vernetzt.people.services import create_person

pytestmark = pytest.mark.django_db


def _search(user, query):
    return list(search_people(Person.objects.for_user(user), query).values_list("display_name", flat=True))


def test_create_person_through_the_form(alice_client, user):
    response = alice_client.post(
        reverse("person_create"),
        {
            "first_name": "Jülide",
            "last_name": "Öztürk",
            "title": "Vertriebsleiterin",
            "organization_name": "Messe Süd GmbH",
            "city": "Stuttgart",
            "country": "Deutschland",
            "emails": "j@example.com, j2@example.com",
            "tier": "new",
            "formality": "sie",
            "birth_day": "29",
            "birth_month": "2",
        },
    )
    assert response.status_code == 302
    person = Person.objects.for_user(user).get(last_name="Öztürk")
    assert person.emails == ["j@example.com", "j2@example.com"]
    assert (person.country, person.seniority, person.function) == ("DE", "director", "sales")
    assert person.positions.get().organization.name == "Messe Süd GmbH"
    page = alice_client.get(reverse("person_detail", args=[person.pk]))
    assert "Vertriebsleiterin" in page.content.decode()


def test_invalid_person_is_refused_and_nothing_is_stored(alice_client, user):
    response = alice_client.post(
        reverse("person_create"), {"first_name": "", "last_name": "", "tier": "new", "formality": "sie"}
    )
    assert response.status_code == 422
    bad_date = alice_client.post(
        reverse("person_create"),
        {
            "first_name": "A",
            "last_name": "B",
            "tier": "new",
            "formality": "sie",
            "birth_day": "31",
            "birth_month": "2",
        },
    )
    assert bad_date.status_code == 422
    assert not Person.objects.for_user(user).exists()


def test_unknown_country_is_reported_on_its_field(alice_client, user):
    response = alice_client.post(
        reverse("person_create"),
        {"first_name": "A", "last_name": "B", "tier": "new", "formality": "sie", "country": "Mittelerde"},
    )
    assert response.status_code == 422 and "Mittelerde" in response.content.decode()
    assert not Person.objects.for_user(user).exists()


def test_editing_the_role_closes_the_old_position_and_marks_edited_fields(alice_client, user):
    person = create_person(
        owner=user,
        first_name="Martin",
        last_name="Haas",
        title="Disponent",
        organization_name="Rhein Cargo GmbH",
    )
    data = {
        "first_name": "Martin",
        "last_name": "Haas",
        "title": "Logistikleiter",
        "organization_name": "Elbe Terminal GmbH",
        "tier": "developing",
        "formality": "du",
    }
    assert alice_client.post(reverse("person_edit", args=[person.pk]), data).status_code == 302
    person.refresh_from_db()
    assert [(p.title, p.is_current) for p in Position.objects.filter(person=person).order_by("id")] == [
        ("Disponent", False),
        ("Logistikleiter", True),
    ]
    assert {"title", "organization_name", "tier", "formality"} <= set(person.edited_fields)


def test_delete_person(alice_client, user):
    person = create_person(owner=user, first_name="Weg", last_name="Damit")
    assert alice_client.get(reverse("person_delete", args=[person.pk])).status_code == 405
    assert alice_client.post(reverse("person_delete", args=[person.pk])).status_code == 302
    assert not Person.objects.filter(pk=person.pk).exists()


def test_search_uses_prefixes_and_folds_umlauts(user, other_user):
    create_person(
        owner=user,
        first_name="Björn",
        last_name="Schäfer",
        title="Bereichsleiter Logistik",
        organization_name="Weser Umschlag GmbH",
        city="Bremen",
    )
    create_person(
        owner=user, first_name="Fiona", last_name="Gallagher", organization_name="Shannon Distribution"
    )
    create_person(owner=other_user, first_name="Björn", last_name="Schäfer")
    for query in ("schäfer", "Schaefer", "schaf", "björn weser", "BEREICHSL", "bremen"):
        assert _search(user, query) == ["Björn Schäfer"], query
    assert _search(user, "gallagher shannon") == ["Fiona Gallagher"]
    assert _search(user, "nobody-like-this") == []
    assert _search(user, "'; DROP TABLE people_person; --") == []
    assert len(_search(user, "")) == 2


def test_search_follows_updates_and_deletes(user):
    from vernetzt.people.services import delete_person, update_person

    person = create_person(owner=user, first_name="Lena", last_name="Brandt")
    update_person(person=person, last_name="Kühn")
    assert _search(user, "brandt") == [] and _search(user, "kuhn") == ["Lena Kühn"]
    delete_person(person=person)
    assert _search(user, "kuhn") == []


def test_people_list_htmx_partial_and_empty_state(alice_client, user):
    empty = alice_client.get(reverse("person_list"))
    assert "empty-state" in empty.content.decode()
    create_person(owner=user, first_name="Katrin", last_name="Vogel")
    partial = alice_client.get(reverse("person_list"), {"q": "vog"}, HTTP_HX_REQUEST="true")
    body = partial.content.decode()
    assert "Katrin Vogel" in body and "<html" not in body


def test_pages_speak_german(alice_client, user):
    user.language = "de"
    user.save()
    body = alice_client.get(reverse("today")).content.decode()
    assert 'lang="de"' in body and "Heute" in body and "Personen" in body and "Veranstaltungen" in body


def test_browser_language_decides_without_account_setting(alice_client):
    body = alice_client.get(reverse("goal_list"), HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9").content.decode()
    assert "Ziele" in body
    english = alice_client.get(reverse("goal_list"), HTTP_ACCEPT_LANGUAGE="en-GB").content.decode()
    assert "Goals" in english


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>", "linkedin.com/in/x y"],
)
def test_hostile_profile_links_are_refused(user, url):
    from vernetzt.errors import DataError

    with pytest.raises(DataError) as error:
        create_person(owner=user, first_name="Eve", last_name="Hostile", linkedin_url=url)
    assert error.value.field == "linkedin_url"
    assert not Person.objects.for_user(user).exists()


def test_hostile_event_link_is_refused(user):
    from vernetzt.errors import DataError
    from vernetzt.events.services import create_event

    with pytest.raises(DataError) as error:
        create_event(owner=user, name="Forum", url="javascript:alert(1)")
    assert error.value.field == "url"
