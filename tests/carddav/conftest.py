from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from tests_support.dav import jpeg_bytes
from vernetzt.accounts.models import ApiToken
from vernetzt.events.preparation import mark_must_meet
from vernetzt.events.services import create_event
from vernetzt.goals.services import add_target, create_goal
from vernetzt.journal.services import log_interaction
from vernetzt.people.services import create_person, keep_photo, set_me


@pytest.fixture
def book(user, other_user):
    """Alice's network: three people who belong in the phone's address book and three who do not."""
    today = timezone.localdate()
    set_me(owner=user, title="Logistikleiter", organization="Muster Maschinenbau GmbH")
    event = create_event(owner=user, name="Logistik-Forum 2026", starts_on=today + timedelta(days=3))
    met = create_person(
        owner=user,
        first_name="Katrin",
        last_name="Vogel",
        title="Leiterin Kontraktlogistik",
        organization_name="Elbe Terminal GmbH",
        emails=["katrin.vogel@elbe-terminal.de"],
        phones=["+49 40 1234567"],
        birth_day=15,
        birth_month=3,
    )
    log_interaction(owner=user, person=met, kind="event_conversation", date=date(2026, 3, 13), event=event)
    keep_photo(person=met, data=jpeg_bytes(), media_type="image/jpeg")
    goal = create_goal(owner=user, text="Expat in Südostasien", regions=["Südostasien"])
    target = create_person(
        owner=user,
        first_name="Priya",
        last_name="Raman",
        title="Regional Director APAC",
        organization_name="Harbour Logistics Pte. Ltd.",
        birth_day=2,
        birth_month=11,
        birth_year=1978,
    )
    add_target(goal=goal, person=target)
    must = create_person(
        owner=user, first_name="Jörg", last_name="Özdemir", organization_name="Rhein Cargo AG"
    )
    mark_must_meet(owner=user, event=event, person=must, must_meet=True)
    pool = create_person(owner=user, first_name="Pool", last_name="Nobody", organization_name="Far Away Inc.")
    connection = create_person(owner=user, first_name="Linked", last_name="Only", linkedin_connected=True)
    stranger = create_person(owner=other_user, first_name="Mallory", last_name="Secret", tier="key")
    _token, secret = ApiToken.issue(user=user, name="phone")
    _other, other_secret = ApiToken.issue(user=other_user, name="phone")
    return {
        "in": [met, target, must],
        "out": [pool, connection, stranger],
        "event": event,
        "secret": secret,
        "other_secret": other_secret,
    }
