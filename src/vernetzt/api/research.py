"""Research endpoints: whom to meet for a goal, the goal's pipeline, job title classification."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status

from vernetzt.api.schemas import Error
from vernetzt.events.models import Event
from vernetzt.goals.models import Goal, Target
from vernetzt.goals.services import add_target, remove_target, set_target_priority, set_target_stage
from vernetzt.language import request_language
from vernetzt.people.models import Person
from vernetzt.research.services import network_upward, rank_for_goal, summarize_title

router = Router(tags=["research"])


class CandidateOut(Schema):
    person_id: int
    name: str
    title: str
    organization: str
    seniority: str
    function: str
    country: str
    score: float
    reasons: list[str]
    components: dict[str, float]
    introducer_id: int | None
    introducer: str | None
    in_pipeline: bool
    relation: str | None


class TargetsQuery(Schema):
    event: int | None = None
    only_event: bool = False
    limit: int = 50
    region: str | None = None
    level: str | None = None
    function: str | None = None
    lang: str | None = None


class PipelineIn(Schema):
    person_id: int


class PipelinePatch(Schema):
    stage: str | None = None
    priority: int | None = None


class PipelineOut(Schema):
    id: int
    goal_id: int
    person_id: int
    name: str
    stage: str
    priority: int


class TitleOut(Schema):
    title: str
    seniority: str
    function: str


def _candidate_out(candidate) -> dict:
    return {**candidate.__dict__, "introducer": candidate.introducer_name}


def _pipeline_out(target: Target) -> dict:
    return {
        "id": target.pk,
        "goal_id": target.goal_id,
        "person_id": target.person_id,
        "name": target.person.display_name,
        "stage": target.stage,
        "priority": target.priority,
    }


@router.get("/goals/{goal_id}/targets", response={200: list[CandidateOut], 404: Error, 422: Error})
def list_targets(request, goal_id: int, params: Query[TargetsQuery]):
    goal = get_object_or_404(Goal.objects.for_user(request.auth), pk=goal_id)
    event = None
    if params.event is not None:
        event = get_object_or_404(Event.objects.for_user(request.auth), pk=params.event)
    found = rank_for_goal(
        owner=request.auth,
        goal=goal,
        lang=request_language(params.lang),
        event=event,
        only_event=params.only_event,
        limit=max(1, min(params.limit, 1000)),
        region=params.region or None,
        level=params.level or None,
        function=params.function or None,
    )
    return [_candidate_out(c) for c in found]


@router.get("/research/upward", response=list[CandidateOut])
def list_upward(request, lang: str | None = None, limit: int = 50):
    found = network_upward(owner=request.auth, lang=request_language(lang), limit=max(1, min(limit, 1000)))
    return [_candidate_out(c) for c in found]


@router.get("/goals/{goal_id}/pipeline", response={200: list[PipelineOut], 404: Error})
def list_pipeline(request, goal_id: int):
    goal = get_object_or_404(Goal.objects.for_user(request.auth), pk=goal_id)
    return [_pipeline_out(t) for t in goal.targets.select_related("person")]


@router.post(
    "/goals/{goal_id}/pipeline", response={200: PipelineOut, 201: PipelineOut, 404: Error, 422: Error}
)
def post_pipeline(request, goal_id: int, payload: PipelineIn):
    goal = get_object_or_404(Goal.objects.for_user(request.auth), pk=goal_id)
    person = get_object_or_404(
        Person.objects.for_user(request.auth).filter(is_me=False), pk=payload.person_id
    )
    target, created = add_target(goal=goal, person=person)
    return Status(201 if created else 200, _pipeline_out(target))


def _target(request, goal_id: int, target_id: int) -> Target:
    targets = Target.objects.for_user(request.auth).select_related("person")
    return get_object_or_404(targets, pk=target_id, goal_id=goal_id)


@router.patch("/goals/{goal_id}/pipeline/{target_id}", response={200: PipelineOut, 404: Error, 422: Error})
def patch_pipeline(request, goal_id: int, target_id: int, payload: PipelinePatch):
    target = _target(request, goal_id, target_id)
    if payload.stage is not None:
        set_target_stage(target=target, stage=payload.stage)
    if payload.priority is not None:
        set_target_priority(target=target, priority=payload.priority)
    return _pipeline_out(target)


@router.delete("/goals/{goal_id}/pipeline/{target_id}", response={204: None, 404: Error})
def delete_pipeline(request, goal_id: int, target_id: int):
    remove_target(target=_target(request, goal_id, target_id))
    return Status(204, None)


@router.get("/titles", response=TitleOut)
def classify(request, text: str):
    return summarize_title(text)
