"""The research pages: whom to meet, pipeline by stage, network upward, the user's profile."""

from __future__ import annotations

import pytest
from django.utils import translation

from vernetzt.goals.models import Target
from vernetzt.people.reporting import manager_of
from vernetzt.people.services import get_me

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def german(user):
    user.language = "de"
    user.save()
    yield
    translation.activate("en")


def test_whom_to_meet_shows_ranked_people_with_reasons(alice_client, scenario):
    goal = scenario["goal"]
    page = alice_client.get(f"/goals/{goal.pk}/research/").content.decode()
    assert "<h1>Wen treffen</h1>" in page
    assert page.index("Priya Raman") < page.index("Budi Santoso")
    assert ">Leitet Supply Chain &amp; Logistik · Südostasien</li>" in page
    assert 'title="Leitet Supply Chain &amp; Logistik in Südostasien"' in page
    assert "Daniel Ortmann" in page and "<meter" in page


def test_filters_answer_htmx_with_the_list_only(alice_client, scenario):
    goal = scenario["goal"]
    response = alice_client.get(f"/goals/{goal.pk}/research/?level=vp", HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "<html" not in body and "Priya Raman" in body and "Somchai Wong" not in body
    bad = alice_client.get(f"/goals/{goal.pk}/research/?only_event=on")
    assert bad.status_code == 422


def test_add_to_pipeline_then_change_stage_and_remove(alice_client, scenario):
    goal, priya = scenario["goal"], scenario["people"]["Priya Raman"]
    response = alice_client.post(
        f"/goals/{goal.pk}/pipeline/", {"person_id": priya.pk}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200 and "Identifiziert" in response.content.decode()
    target = Target.objects.get(goal=goal, person=priya)
    alice_client.post(f"/goals/{goal.pk}/pipeline/{target.pk}/stage/", {"stage": "benefit_found"})
    target.refresh_from_db()
    assert target.stage == "benefit_found"
    detail = alice_client.get(f"/goals/{goal.pk}/").content.decode()
    assert "Nutzen gefunden" in detail and "Priya Raman" in detail
    alice_client.post(f"/goals/{goal.pk}/pipeline/{target.pk}/remove/")
    assert not Target.objects.filter(pk=target.pk).exists()


def test_someone_of_another_account_cannot_be_added(alice_client, scenario, other_user):
    from vernetzt.people.services import create_person

    stranger = create_person(owner=other_user, first_name="Not", last_name="Yours")
    response = alice_client.post(f"/goals/{scenario['goal'].pk}/pipeline/", {"person_id": stranger.pk})
    assert response.status_code == 404


def test_profile_form_sets_me_and_whom_i_report_to(alice_client, user, scenario):
    boss = scenario["people"]["Eva Schulz"]
    response = alice_client.post(
        "/me/",
        {
            "title": "Leiterin Logistik",
            "organization": "Muster Maschinenbau GmbH",
            "city": "Dortmund",
            "country": "Deutschland",
            "schools": "TU Dortmund, WHU",
            "interests": "Segeln",
            "reports_to": f"{boss.display_name} (#{boss.pk})",
        },
    )
    assert response.status_code == 302 and response.url == "/research/upward/"
    assert get_me(user).title == "Leiterin Logistik"
    assert manager_of(get_me(user)) == boss
    unknown = alice_client.post("/me/", {"title": "X", "organization": "Y", "reports_to": "Niemand Bekannt"})
    assert unknown.status_code == 422 and "Niemand Bekannt" in unknown.content.decode()


def test_upward_page_without_a_profile_says_what_to_do(mallory_client):
    page = mallory_client.get("/research/upward/").content.decode()
    assert "vernetzt me set" in page and 'href="/me/"' in page


def test_goal_form_saves_weights(alice_client, scenario):
    goal = scenario["goal"]
    form = alice_client.get(f"/goals/{goal.pk}/edit/").content.decode()
    assert 'name="weights_2"' in form
    response = alice_client.post(
        f"/goals/{goal.pk}/edit/",
        {"text": goal.text, "status": "active", "regions": ["southeast_asia"], "weights_3": "6"},
    )
    assert response.status_code == 302
    goal.refresh_from_db()
    assert goal.weights == {"reachability": 6.0}


def test_whom_to_meet_pages_by_fifty_with_compact_chips_in_the_pages_language(alice_client, user):
    from vernetzt.goals.services import create_goal
    from vernetzt.people.services import create_person, set_me

    set_me(owner=user, title="Logistikleiter", organization="Muster Maschinenbau GmbH", city="Dortmund")
    for index in range(120):
        create_person(
            owner=user, first_name="Lea", last_name=f"Person{index:03d}", title="Head of Supply Chain",
            organization_name=f"Harbour {index} Pte. Ltd.", city="Singapur",
        )  # fmt: skip
    goal = create_goal(owner=user, text="Expat", functions=["supply_chain_logistics"], regions=["SEA"])
    user.language = "en"
    user.save()
    first = alice_client.get(f"/goals/{goal.pk}/research/").content.decode()
    assert first.count('<li class="candidate">') == 50
    assert '<ol class="people candidates" start="1">' in first
    assert "· Singapore</span>" in first and "Singapur" not in first
    assert '<li class="chip chip-fit" title="Leads Supply chain &amp; logistics in Southeast Asia">' in first
    assert "1–50" in first and 'rel="next" href="?page=2"' in first and 'rel="prev"' not in first
    user.language = "de"
    user.save()
    third = alice_client.get(f"/goals/{goal.pk}/research/?level=director&page=3").content.decode()
    assert third.count('<li class="candidate">') == 20 and 'start="101"' in third
    assert 'rel="prev" href="?level=director&amp;page=2"' in third and 'rel="next"' not in third
    assert ">Leitet Supply Chain &amp; Logistik · Südostasien</li>" in third


@pytest.mark.parametrize("page", ["0", "abc", "201"])
def test_a_page_out_of_range_is_a_clear_error(alice_client, scenario, page):
    response = alice_client.get(f"/goals/{scenario['goal'].pk}/research/?page={page}")
    assert response.status_code == 422
    assert "Seite:" in response.content.decode()
