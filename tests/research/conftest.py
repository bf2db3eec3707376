from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from vernetzt.events.services import add_attendee, create_event
from vernetzt.goals.services import create_goal
from vernetzt.people.models import Education, Tie
from vernetzt.people.services import create_person, set_me

# (first, last, title, organization, city, at the event)
ATTENDEES = [
    ("Priya", "Raman", "VP Supply Chain, Southeast Asia", "Harbour Logistics Pte. Ltd.", "Singapur"),
    ("Somchai", "Wong", "Director Supply Chain", "Siam Freight Co.", "Bangkok"),
    ("Linh", "Nguyen", "Head of Logistics APAC", "Mekong Trading", "Ho-Chi-Minh-Stadt"),
    ("Budi", "Santoso", "Logistics Coordinator", "Nusantara Cargo", "Jakarta"),
    ("Mei", "Tan", "Werkstudentin Logistik", "Harbour Logistics Pte. Ltd.", "Singapur"),
    ("Arjun", "Mehta", "Chief Financial Officer", "Lion City Bank", "Singapur"),
    ("Siti", "Rahman", "Head of Marketing Asia", "Batik Brands", "Kuala Lumpur"),
    ("Jonas", "Becker", "Leiter Logistik", "Nordhafen GmbH", "Hamburg"),
    ("Eva", "Schulz", "Geschäftsführerin", "Schulz Consulting GmbH", "Köln"),
]
SEA_SENIOR_SUPPLY_CHAIN = {"Priya Raman", "Somchai Wong", "Linh Nguyen"}


def seed_scenario(user) -> dict:
    """A German logistics lead, her goal "Expat in Südostasien" and a mixed attendee list."""
    me = set_me(
        owner=user,
        title="Logistikleiter",
        organization="Muster Maschinenbau GmbH",
        city="Dortmund",
        country="Deutschland",
        schools=["TU Dortmund"],
        interests=["Segeln"],
        languages=["Deutsch", "Englisch"],
    )
    goal = create_goal(
        owner=user,
        text="Expat in Südostasien",
        levels=["director", "vp", "cxo"],
        functions=["supply_chain_logistics"],
        regions=["Südostasien"],
    )
    event = create_event(
        owner=user, name="BVL Supply Chain Forum", starts_on=timezone.localdate() + timedelta(days=10)
    )
    people = {}
    for first, last, title, org, city in ATTENDEES:
        person = create_person(
            owner=user, first_name=first, last_name=last, title=title, organization_name=org, city=city
        )
        add_attendee(event=event, person=person)
        people[person.display_name] = person
    daniel = create_person(
        owner=user,
        first_name="Daniel",
        last_name="Ortmann",
        title="Key Account Manager",
        organization_name="Rhein Cargo",
        city="Duisburg",
        tier="key",
    )
    people["Daniel Ortmann"] = daniel
    Tie.objects.create(owner=user, from_person=daniel, to_person=people["Linh Nguyen"], strength=3)
    Education.objects.create(
        owner=user, person=people["Priya Raman"], school="TU Dortmund", normalized_school="tu dortmund"
    )
    return {"me": me, "goal": goal, "event": event, "people": people}


@pytest.fixture
def scenario(user):
    return seed_scenario(user)
