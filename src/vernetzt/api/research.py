"""Research endpoints: whom to meet for a goal, the goal's pipeline, job title classification."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status

from vernetzt.api.fields import Id, Limit, model_field, one_of, text
from vernetzt.api.schemas import Error, InputSchema
from vernetzt.core.titles import FUNCTIONS, SENIORITY_LEVELS
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


Lang = one_of(("de", "en"))


class TargetsQuery(Schema):
    event: Id | None = None
    only_event: bool = False
    limit: Limit = 50
    region: text(100) | None = None
    level: one_of(SENIORITY_LEVELS) | None = None
    function: one_of(FUNCTIONS) | None = None
    lang: Lang | None = None


class PipelineIn(InputSchema):
    person_id: Id


class PipelinePatch(InputSchema):
    stage: model_field(Target, "stage") | None = None
    priority: model_field(Target, "priority") | None = None


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
def list_targets(request, goal_id: Id, params: Query[TargetsQuery]):
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
        limit=params.limit,
        region=params.region or None,
        level=params.level or None,
        function=params.function or None,
    )
    return [_candidate_out(c) for c in found]


@router.get("/research/upward", response=list[CandidateOut])
def list_upward(request, lang: Lang | None = None, limit: Limit = 50):
    found = network_upward(owner=request.auth, lang=request_language(lang), limit=limit)
    return [_candidate_out(c) for c in found]


@router.get("/goals/{goal_id}/pipeline", response={200: list[PipelineOut], 404: Error})
def list_pipeline(request, goal_id: Id):
    goal = get_object_or_404(Goal.objects.for_user(request.auth), pk=goal_id)
    return [_pipeline_out(t) for t in goal.targets.select_related("person")]


@router.post(
    "/goals/{goal_id}/pipeline", response={200: PipelineOut, 201: PipelineOut, 404: Error, 422: Error}
)
def post_pipeline(request, goal_id: Id, payload: PipelineIn):
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
def patch_pipeline(request, goal_id: Id, target_id: Id, payload: PipelinePatch):
    target = _target(request, goal_id, target_id)
    if payload.stage is not None:
        set_target_stage(target=target, stage=payload.stage)
    if payload.priority is not None:
        set_target_priority(target=target, priority=payload.priority)
    return _pipeline_out(target)


@router.delete("/goals/{goal_id}/pipeline/{target_id}", response={204: None, 404: Error})
def delete_pipeline(request, goal_id: Id, target_id: Id):
    remove_target(target=_target(request, goal_id, target_id))
    return Status(204, None)


@router.get("/titles", response=TitleOut)
def classify(request, text: model_field(Person, "title")):
    return summarize_title(text)
