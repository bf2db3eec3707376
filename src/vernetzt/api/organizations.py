"""Reporting lines ("X reports to Y") for any of the account's people."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from vernetzt.api.fields import Id
from vernetzt.api.schemas import Error, InputSchema
from vernetzt.people.models import Person
from vernetzt.people.reporting import manager_of, remove_manager, reports_of, set_manager

router = Router(tags=["organizations"])

class ManagerIn(InputSchema):
    manager_id: Id


class ReportingOut(Schema):
    person_id: int
    manager_id: int | None
    reports: list[int]  # the people who report to this person


def _person(request, person_id: int) -> Person:
    return get_object_or_404(Person.objects.for_user(request.auth), pk=person_id)


def _reporting_out(person: Person) -> dict:
    manager = manager_of(person)
    return {
        "person_id": person.pk,
        "manager_id": manager.pk if manager else None,
        "reports": [report.pk for report in reports_of(person)],
    }


@router.get("/people/{person_id}/manager", response={200: ReportingOut, 404: Error})
def get_manager(request, person_id: Id):
    return _reporting_out(_person(request, person_id))


@router.put("/people/{person_id}/manager", response={200: ReportingOut, 404: Error, 422: Error})
def put_manager(request, person_id: Id, payload: ManagerIn):
    person = _person(request, person_id)
    set_manager(person=person, manager=_person(request, payload.manager_id))
    return _reporting_out(person)


@router.delete("/people/{person_id}/manager", response={204: None, 404: Error})
def delete_manager(request, person_id: Id):
    remove_manager(person=_person(request, person_id))
    return Status(204, None)
