"""Where people stand in their organizations: reporting lines stated on a person's page, and an
organization's page with its industry (one click tags everyone there) and its org chart."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vernetzt.core.industries import SOURCE_USER, industry_choices
from vernetzt.language import request_language
from vernetzt.people.models import Organization, Person
from vernetzt.people.organizations import (
    industry_of,
    organization_of,
    people_at,
    set_industry,
    summarize_organization,
)
from vernetzt.people.orgchart import organization_chart
from vernetzt.people.reporting import manager_of, remove_manager, reports_of, set_manager
from vernetzt.web.formtools import save_with
from vernetzt.web.research_forms import IndustryForm, ManagerForm

COLLEAGUES_OFFERED = 300


def colleagues_of(person: Person) -> list[tuple[int, str, str]]:
    """(id, name, title) of the people at the person's organization: the likely managers."""
    if not person.organization_name:
        return []
    return list(
        Person.objects.for_user(person.owner)
        .filter(organization_name__iexact=person.organization_name)
        .exclude(pk=person.pk)
        .order_by("display_name")
        .values_list("pk", "display_name", "title")[:COLLEAGUES_OFFERED]
    )


def reporting_context(person: Person, form: ManagerForm | None = None) -> dict:
    manager = manager_of(person)
    initial = {"manager": f"{manager.display_name} (#{manager.pk})" if manager else ""}
    return {
        "organization": organization_of(person),
        "manager": manager,
        "reports": reports_of(person),
        "manager_form": form or ManagerForm(person=person, initial=initial),
        "colleagues": colleagues_of(person),
    }


@require_POST
def person_manager(request, pk: int):
    person = get_object_or_404(Person.objects.for_user(request.user).filter(is_me=False), pk=pk)
    form = ManagerForm(request.POST, person=person)
    if form.is_valid():
        manager = form.cleaned_data["manager"]
        if manager is None:
            remove_manager(person=person)
            messages.success(request, _("%(name)s reports to nobody now.") % {"name": person.display_name})
            return redirect("person_detail", pk=person.pk)
        if save_with(form, set_manager, person=person, manager=manager) is not None:
            names = {"name": person.display_name, "manager": manager.display_name}
            messages.success(request, _("%(name)s reports to %(manager)s.") % names)
            return redirect("person_detail", pk=person.pk)
    context = {"person": person, **reporting_context(person, form)}
    return render(request, "vernetzt/people/manager.html", context, status=422)


STAFF_SHOWN = 200


def _organization_context(request, organization: Organization, form: IndustryForm | None = None) -> dict:
    summary = summarize_organization(organization)
    initial = {"industry": summary.industry or ""}
    return {
        "organization": organization,
        "summary": summary,
        "industry_label": summary.as_json(request_language())["industry"],
        "industry_guessed": bool(summary.industry) and organization.industry_source != SOURCE_USER,
        "industry_form": form or IndustryForm(choices=industry_choices(request_language()), initial=initial),
        "chart": organization_chart(organization),
        "staff": people_at(organization)[:STAFF_SHOWN],
    }


def organization_detail(request, pk: int):
    organization = get_object_or_404(Organization.objects.for_user(request.user), pk=pk)
    context = _organization_context(request, organization)
    return render(request, "vernetzt/organizations/detail.html", context)


@require_POST
def organization_industry(request, pk: int):
    organization = get_object_or_404(Organization.objects.for_user(request.user), pk=pk)
    form = IndustryForm(request.POST, choices=industry_choices(request_language()))
    if form.is_valid():
        chosen = form.cleaned_data["industry"]
        if save_with(form, set_industry, organization=organization, industry=chosen or None) is not None:
            summary = summarize_organization(organization)
            if industry_of(organization) is None:
                text = _("%(name)s: industry removed.") % {"name": organization.name}
            else:
                text = _("%(name)s: industry %(industry)s, for the %(count)d people who work there.") % {
                    "name": organization.name,
                    "industry": summary.as_json(request_language())["industry"],
                    "count": summary.people,
                }
            messages.success(request, text)
            return redirect("organization_detail", pk=organization.pk)
    context = _organization_context(request, organization, form)
    return render(request, "vernetzt/organizations/detail.html", context, status=422)
