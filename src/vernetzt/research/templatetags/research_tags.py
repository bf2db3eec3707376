"""``{% pipeline_by_stage goal %}``: a goal's pipeline grouped by stage, in the method's order."""

from __future__ import annotations

from django import template

from vernetzt.goals.models import Target

register = template.Library()


@register.inclusion_tag("vernetzt/research/_pipeline.html", takes_context=True)
def pipeline_by_stage(context, goal):
    targets = Target.objects.for_user(context["request"].user).filter(goal=goal).select_related("person")
    by_stage: dict[str, list[Target]] = {stage: [] for stage in Target.Stage.values}
    for target in targets.order_by("priority", "person__display_name", "id"):
        by_stage[target.stage].append(target)
    groups = [(value, label, by_stage[value]) for value, label in Target.Stage.choices if by_stage[value]]
    return {
        "goal": goal,
        "groups": groups,
        "stage_choices": Target.Stage.choices,
        "csrf_token": context.get("csrf_token"),
    }
