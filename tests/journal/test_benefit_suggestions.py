"""Benefit suggestions on the demo and through the command line's JSON."""

from __future__ import annotations

import pytest
from django.utils import timezone

from vernetzt.core.places import REGIONS
from vernetzt.demo import load_demo
from vernetzt.journal.benefits import record_benefit, suggest_benefits
from vernetzt.journal.briefing import briefing_as_dict, build_briefing
from vernetzt.people.models import Person

pytestmark = pytest.mark.django_db


def _region(person: Person) -> str:
    specific = sorted(
        (r for r in person.regions if len(REGIONS[r].countries) <= 22),
        key=lambda r: len(REGIONS[r].countries),
    )
    return specific[0] if specific else person.country


def test_demo_people_with_different_functions_or_regions_get_different_top_three(user):
    load_demo(owner=user)
    chosen: dict[tuple[str, str], Person] = {}
    for person in Person.objects.for_user(user).filter(is_me=False).exclude(function="").order_by("id"):
        chosen.setdefault((person.function, _region(person)), person)
    assert len(chosen) >= 10
    tops = {}
    for key, person in list(chosen.items())[:10]:
        found = suggest_benefits(owner=user, person=person, lang="de")
        assert len(found) >= 3, (person, found)
        for suggestion in found:
            fit = [r for r in suggestion.reasons if not r.startswith("Sie kennen")]
            assert fit, suggestion  # every suggestion says why it fits, not only that the user knows them
        tops[key] = tuple((s.kind, s.person_id, s.text) for s in found[:3])
    assert len(set(tops.values())) == len(tops), tops


def test_the_briefing_json_has_suggestions_and_the_salutation(user):
    load_demo(owner=user)
    priya = Person.objects.for_user(user).get(first_name="Priya", last_name="Raman")
    data = briefing_as_dict(build_briefing(owner=user, person=priya, lang="en", today=timezone.localdate()))
    assert data["salutation"] == "Dear Dr Raman,"
    first = data["suggestions"][0]
    assert set(first) == {"kind", "text", "person_id", "reasons"}
    assert first["kind"] == "introduction" and first["text"].startswith("Introduce Priya Raman to ")
    assert first["reasons"][0] == "Fits what Priya Raman is looking for: “Lagerplaner in Vietnam”"
    chosen = Person.objects.get(pk=first["person_id"])
    record_benefit(
        owner=user,
        person=priya,
        direction="offered",
        kind="introduction",
        description="",
        introduce_to=chosen,
    )
    again = suggest_benefits(owner=user, person=priya, lang="de")
    assert chosen.pk not in {s.person_id for s in again}  # planned once, not suggested again
    assert again[0].text.startswith("Einen Kontakt zu ")
