"""Where people stand in their organizations: reporting lines stated on a person's page."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vernetzt.people.models import Person
from vernetzt.people.reporting import manager_of, remove_manager, reports_of, set_manager
from vernetzt.web.formtools import save_with
from vernetzt.web.research_forms import ManagerForm

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
