"""The JSON API under /api/v1/: the same services as the web app, scoped to the caller."""

from __future__ import annotations

from typing import Annotated

from django.shortcuts import get_object_or_404
from ninja import Field, NinjaAPI, Query, Schema, Status
from ninja.security import django_auth

from vernetzt.api.audit import router as audit_router
from vernetzt.api.auth import TokenAuth
from vernetzt.api.errors import document_error_responses, install_error_handlers
from vernetzt.api.fields import Id, Limit, text
from vernetzt.api.journal import router as journal_router
from vernetzt.api.organizations import router as organizations_router
from vernetzt.api.privacy import router as privacy_router
from vernetzt.api.research import router as research_router
from vernetzt.api.schemas import Error, GoalIn, GoalOut, GoalPatch, PersonIn, PersonOut, PersonPatch
from vernetzt.goals.models import Goal
from vernetzt.goals.services import create_goal, delete_goal, update_goal
from vernetzt.people.models import Person
from vernetzt.people.search import search_people
from vernetzt.people.services import create_person, delete_person, update_person


class VernetztAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs):
        return document_error_responses(super().get_openapi_schema(**kwargs))


api = VernetztAPI(
    title="vernetzt API",
    version="1",
    description="Goal-driven career networking. Authenticate with a personal token "
    "(`Authorization: Bearer vz_…`, created in the settings) or the browser session.",
    auth=[TokenAuth(), django_auth],
    urls_namespace="api",
)


api.add_router("", research_router)
api.add_router("", journal_router)
api.add_router("", organizations_router)
api.add_router("", privacy_router)
api.add_router("", audit_router)
install_error_handlers(api)


NULLABLE_FIELDS = frozenset({"birth_day", "birth_month", "birth_year", "horizon"})


def _changes(payload: Schema) -> dict:
    """The fields a PATCH sent; ``null`` clears the nullable ones and is ignored elsewhere."""
    sent = payload.dict(exclude_unset=True)
    return {name: value for name, value in sent.items() if value is not None or name in NULLABLE_FIELDS}


# Pages anywhere in a network of up to ten million people.
Offset = Annotated[int, Field(ge=0, le=10_000_000)]


class PeopleQuery(Schema):
    search: text(200) = ""
    limit: Limit = 50
    offset: Offset = 0


def _people(request):
    return Person.objects.for_user(request.auth).filter(is_me=False)


@api.get("/people", response=list[PersonOut], tags=["people"])
def list_people(request, params: Query[PeopleQuery]):
    offset = params.offset
    return search_people(_people(request), params.search)[offset : offset + params.limit]


@api.get("/people/{person_id}", response={200: PersonOut, 404: Error}, tags=["people"])
def get_person(request, person_id: Id):
    return get_object_or_404(_people(request), pk=person_id)


@api.post("/people", response={201: PersonOut, 422: Error}, tags=["people"])
def post_person(request, payload: PersonIn):
    return Status(201, create_person(owner=request.auth, source="api", **payload.dict()))


@api.patch("/people/{person_id}", response={200: PersonOut, 404: Error, 422: Error}, tags=["people"])
def patch_person(request, person_id: Id, payload: PersonPatch):
    person = get_object_or_404(_people(request), pk=person_id)
    return update_person(person=person, **_changes(payload))


@api.delete("/people/{person_id}", response={204: None, 404: Error}, tags=["people"])
def remove_person(request, person_id: Id):
    delete_person(person=get_object_or_404(_people(request), pk=person_id))
    return Status(204, None)


def _goals(request):
    return Goal.objects.for_user(request.auth)


@api.get("/goals", response=list[GoalOut], tags=["goals"])
def list_goals(request):
    return _goals(request)


@api.get("/goals/{goal_id}", response={200: GoalOut, 404: Error}, tags=["goals"])
def get_goal(request, goal_id: Id):
    return get_object_or_404(_goals(request), pk=goal_id)


@api.post("/goals", response={201: GoalOut, 422: Error}, tags=["goals"])
def post_goal(request, payload: GoalIn):
    return Status(201, create_goal(owner=request.auth, **payload.dict()))


@api.patch("/goals/{goal_id}", response={200: GoalOut, 404: Error, 422: Error}, tags=["goals"])
def patch_goal(request, goal_id: Id, payload: GoalPatch):
    goal = get_object_or_404(_goals(request), pk=goal_id)
    return update_goal(goal=goal, **_changes(payload))


@api.delete("/goals/{goal_id}", response={204: None, 404: Error}, tags=["goals"])
def remove_goal(request, goal_id: Id):
    delete_goal(goal=get_object_or_404(_goals(request), pk=goal_id))
    return Status(204, None)
