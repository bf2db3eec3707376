"""Whom to meet for a goal, the goal's pipeline, network upward and the user's own profile."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from vernetzt.errors import DataError
from vernetzt.events.models import Event
from vernetzt.goals.models import Goal, Target
from vernetzt.goals.services import add_target, remove_target, set_target_stage
from vernetzt.language import request_language
from vernetzt.people.models import Person
from vernetzt.people.reporting import manager_of
from vernetzt.people.services import get_me, set_me
from vernetzt.research.services import network_upward, rank_for_goal
from vernetzt.web.research_forms import MeForm, StageForm, TargetFilterForm

RESULTS = 30
PAGE_SIZE = 50  # per page of whom to meet
PEOPLE_AT_MY_ORG = 300


def _goal(request, pk: int) -> Goal:
    return get_object_or_404(Goal.objects.for_user(request.user), pk=pk)


def goal_research(request, pk: int):
    goal = _goal(request, pk)
    form = TargetFilterForm(request.GET or None, owner=request.user)
    candidates, event, page = [], None, 1
    if not form.is_bound or form.is_valid():
        filters = form.cleaned_data if form.is_bound else {}
        page = filters.get("page") or 1
        if filters.get("event"):
            event = get_object_or_404(Event.objects.for_user(request.user), pk=filters["event"])
        candidates = rank_for_goal(
            owner=request.user,
            goal=goal,
            lang=request_language(),
            event=event,
            only_event=bool(filters.get("only_event")),
            limit=page * PAGE_SIZE + 1,  # one more tells whether a next page exists
            region=filters.get("region") or None,
            level=filters.get("level") or None,
            function=filters.get("function") or None,
        )
    stages = dict(Target.Stage.choices)
    pipeline = dict(Target.objects.for_user(request.user).filter(goal=goal).values_list("person_id", "stage"))
    first = (page - 1) * PAGE_SIZE
    shown = candidates[first : first + PAGE_SIZE]
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "goal": goal,
        "form": form,
        "rows": [(c, stages.get(pipeline.get(c.person_id))) for c in shown],
        "first_rank": first + 1,
        "last_rank": first + len(shown),
        "page": page,
        "previous_page": page - 1 if page > 1 else None,
        "next_page": page + 1 if len(candidates) > first + PAGE_SIZE else None,
        "query": query.urlencode(),
        "event": event,
        "has_me": get_me(request.user) is not None,
    }
    if request.headers.get("HX-Request"):
        return render(request, "vernetzt/research/_results.html", context)
    return render(request, "vernetzt/research/goal.html", context, status=422 if form.errors else 200)


@require_POST
def pipeline_add(request, pk: int):
    goal = _goal(request, pk)
    people = Person.objects.for_user(request.user).filter(is_me=False)
    person = get_object_or_404(people, pk=request.POST.get("person_id") or 0)
    target, _created = add_target(goal=goal, person=person)
    if request.headers.get("HX-Request"):
        return render(request, "vernetzt/research/_in_pipeline.html", {"target": target, "goal": goal})
    messages.success(request, _("%(name)s is now in the pipeline.") % {"name": person.display_name})
    return redirect("goal_research", pk=goal.pk)


def _target(request, pk: int, target_pk: int) -> Target:
    return get_object_or_404(Target.objects.for_user(request.user), pk=target_pk, goal_id=pk)


@require_POST
def pipeline_stage(request, pk: int, target_pk: int):
    target = _target(request, pk, target_pk)
    form = StageForm(request.POST)
    if form.is_valid():
        set_target_stage(target=target, stage=form.cleaned_data["stage"])
        messages.success(
            request,
            _("%(name)s: %(stage)s.")
            % {"name": target.person.display_name, "stage": target.get_stage_display()},
        )
    else:
        messages.error(request, _("Choose one of the stages."))
    return redirect(reverse("goal_detail", args=[pk]) + "#pipeline-heading")


@require_POST
def pipeline_remove(request, pk: int, target_pk: int):
    target = _target(request, pk, target_pk)
    name = target.person.display_name
    remove_target(target=target)
    messages.success(request, _("%(name)s was removed from the pipeline.") % {"name": name})
    return redirect(reverse("goal_detail", args=[pk]) + "#pipeline-heading")


def upward(request):
    me = get_me(request.user)
    context = {
        "me": me,
        "manager": manager_of(me) if me else None,
        "candidates": network_upward(owner=request.user, lang=request_language(), limit=RESULTS)
        if me
        else [],
    }
    return render(request, "vernetzt/research/upward.html", context)


def _profile_initial(owner, me: Person | None) -> dict:
    if me is None:
        return {}
    manager = manager_of(me)
    return {
        "title": me.title,
        "organization": me.organization_name,
        "city": me.city,
        "country": me.country,
        "schools": list(me.education.values_list("school", flat=True)),
        "interests": me.interests,
        "languages": me.languages,
        "associations": me.associations,
        "expertise": me.expertise,
        "offers": me.offers,
        "reports_to": f"{manager.display_name} (#{manager.pk})" if manager else "",
    }


@require_http_methods(["GET", "POST"])
def my_profile(request):
    me = get_me(request.user)
    form = MeForm(request.POST or None, owner=request.user, initial=_profile_initial(request.user, me))
    if request.method == "POST" and form.is_valid():
        try:
            me = set_me(owner=request.user, **form.cleaned_data)
        except DataError as error:
            field = {"manager": "reports_to"}.get(error.field, error.field)
            form.add_error(field if field in form.fields else None, error.message)
        else:
            messages.success(request, _("Your profile is saved."))
            return redirect("upward")
    colleagues = []
    if me is not None and me.organization_name:
        colleagues = (
            Person.objects.for_user(request.user)
            .filter(is_me=False, organization_name__iexact=me.organization_name)
            .values_list("pk", "display_name", "title")[:PEOPLE_AT_MY_ORG]
        )
    context = {"form": form, "me": me, "colleagues": colleagues}
    return render(request, "vernetzt/research/me.html", context, status=422 if form.errors else 200)
