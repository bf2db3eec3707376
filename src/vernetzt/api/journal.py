"""Journal endpoints: log an interaction, today's agenda, the briefing, acting on tasks."""

from __future__ import annotations

import datetime
from typing import Annotated

from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status

from vernetzt.api.fields import Day, Id, model_field, text, text_list
from vernetzt.api.schemas import Error, InputSchema
from vernetzt.core.special_categories import special_categories_in, special_category_warning
from vernetzt.events.models import Event
from vernetzt.journal.agenda import MAX_SIZE, agenda_as_dict, build_agenda
from vernetzt.journal.briefing import briefing_as_dict, build_briefing
from vernetzt.journal.facts import open_tasks
from vernetzt.journal.models import Interaction
from vernetzt.journal.services import (
    MAX_SNIPPET_LENGTH,
    MAX_SNOOZE_DAYS,
    MAX_TOPIC_LENGTH,
    JournalDataError,
    complete_task,
    log_interaction,
    skip_task,
    snooze_task,
)
from vernetzt.language import request_language
from vernetzt.people.models import Person

router = Router(tags=["journal"])


class InteractionIn(InputSchema):
    person_id: Id
    kind: model_field(Interaction, "kind")
    date: Day
    notes: model_field(Interaction, "notes") = ""
    snippets: text_list(MAX_SNIPPET_LENGTH) = []
    their_share: model_field(Interaction, "their_share") | None = None
    meeting_agreed: bool = False
    event_id: Id | None = None
    topic: text(MAX_TOPIC_LENGTH) = ""


class TaskOut(Schema):
    id: int
    kind: str
    person_id: int | None
    due: datetime.date


class LoggedOut(Schema):
    id: int
    tasks: list[TaskOut]
    special_categories: list[str] = Field(
        default=[], description="What of Art. 9 GDPR the notes and snippets seem to touch (saved anyway)."
    )
    special_categories_warning: str = ""


@router.post("/interactions", response={201: LoggedOut, 404: Error, 422: Error})
def post_interaction(request, payload: InteractionIn):
    person = get_object_or_404(
        Person.objects.for_user(request.auth).filter(is_me=False), pk=payload.person_id
    )
    event = None
    if payload.event_id is not None:
        event = Event.objects.for_user(request.auth).filter(pk=payload.event_id).first()
        if event is None:
            return Status(422, {"error": f"no event with id {payload.event_id}", "field": "event_id"})
    try:
        result = log_interaction(
            owner=request.auth,
            person=person,
            kind=payload.kind,
            date=payload.date,
            notes=payload.notes,
            snippets=payload.snippets,
            their_share=payload.their_share,
            meeting_agreed=payload.meeting_agreed,
            event=event,
            topic=payload.topic,
            source="api",
        )
    except JournalDataError as error:
        return Status(422, {"error": error.message, "field": error.field})
    texts = [payload.notes, *payload.snippets]
    return Status(
        201,
        {
            "id": result.interaction.pk,
            "tasks": result.tasks,
            "special_categories": [h.category for h in special_categories_in(texts)],
            "special_categories_warning": special_category_warning(texts, lang=request_language()),
        },
    )


class TodayQuery(Schema):
    date: Day | None = None
    limit: int | None = Field(default=None, ge=1, le=MAX_SIZE)


@router.get("/today")
def get_today(request, params: Query[TodayQuery]):
    """The focused few tasks, counts of the rest ("later"), the next 7 days ("upcoming"), birthdays this
    week and events to prepare — as `vernetzt today --json`. Only reads."""
    agenda = build_agenda(
        owner=request.auth,
        today=params.date or timezone.localdate(),
        lang=request_language(),
        size=params.limit,
    )
    return agenda_as_dict(agenda)


@router.get("/people/{person_id}/briefing", response={200: dict, 404: Error})
def get_briefing(request, person_id: Id):
    person = get_object_or_404(Person.objects.for_user(request.auth).filter(is_me=False), pk=person_id)
    return briefing_as_dict(
        build_briefing(owner=request.auth, person=person, lang=request_language(), today=timezone.localdate())
    )


class SnoozeIn(InputSchema):
    days: Annotated[int, Field(ge=1, le=MAX_SNOOZE_DAYS)] = 1


@router.post("/tasks/{task_id}/done", response={200: TaskOut, 404: Error})
def post_task_done(request, task_id: Id):
    return complete_task(task=get_object_or_404(open_tasks(request.auth), pk=task_id))


@router.post("/tasks/{task_id}/skip", response={200: TaskOut, 404: Error})
def post_task_skip(request, task_id: Id):
    return skip_task(task=get_object_or_404(open_tasks(request.auth), pk=task_id))


@router.post("/tasks/{task_id}/snooze", response={200: TaskOut, 404: Error, 422: Error})
def post_task_snooze(request, task_id: Id, payload: SnoozeIn):
    task = get_object_or_404(open_tasks(request.auth), pk=task_id)
    try:
        return snooze_task(task=task, today=timezone.localdate(), days=payload.days)
    except JournalDataError as error:
        return Status(422, {"error": error.message, "field": error.field})
