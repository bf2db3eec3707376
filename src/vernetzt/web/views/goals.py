from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from vernetzt.goals.models import Goal, Target
from vernetzt.goals.services import create_goal, delete_goal, pipeline_by_stage, update_goal
from vernetzt.web.forms import GoalForm
from vernetzt.web.formtools import form_status, save_with

FORM_FIELDS = tuple(GoalForm.base_fields)


def _goals(request):
    return Goal.objects.for_user(request.user)


def goal_list(request):
    goals = _goals(request)
    return render(request, "vernetzt/goals/list.html", {"goals": goals})


def goal_detail(request, pk: int):
    goal = get_object_or_404(_goals(request), pk=pk)
    stages = pipeline_by_stage(goal)
    context = {
        "goal": goal,
        "stages": stages,
        "pipeline_size": sum(group.count for group in stages),
        "widest_stage": max(group.count for group in stages) or 1,
        "stage_choices": Target.Stage.choices,
    }
    return render(request, "vernetzt/goals/detail.html", context)


def _save(request, form, goal: Goal | None):
    data = {name: form.cleaned_data[name] for name in FORM_FIELDS}
    if goal is None:
        return save_with(form, create_goal, owner=request.user, **data)
    return save_with(form, update_goal, goal=goal, **data)


@require_http_methods(["GET", "POST"])
def goal_create(request):
    form = GoalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        goal = _save(request, form, None)
        if goal is not None:
            messages.success(request, _("Your goal is set. Now find the people who matter for it."))
            return redirect("goal_detail", pk=goal.pk)
    return render(request, "vernetzt/goals/form.html", {"form": form, "goal": None}, status=form_status(form))


@require_http_methods(["GET", "POST"])
def goal_edit(request, pk: int):
    goal = get_object_or_404(_goals(request), pk=pk)
    form = GoalForm(request.POST or None, initial={name: getattr(goal, name) for name in FORM_FIELDS})
    if request.method == "POST" and form.is_valid() and _save(request, form, goal) is not None:
        messages.success(request, _("Changes saved."))
        return redirect("goal_detail", pk=goal.pk)
    return render(request, "vernetzt/goals/form.html", {"form": form, "goal": goal}, status=form_status(form))


@require_POST
def goal_delete(request, pk: int):
    goal = get_object_or_404(_goals(request), pk=pk)
    delete_goal(goal=goal)
    messages.success(request, _("The goal was deleted."))
    return redirect("goal_list")
