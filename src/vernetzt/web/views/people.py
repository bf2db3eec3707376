from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from vernetzt.core.special_categories import special_category_warning
from vernetzt.language import request_language
from vernetzt.people.models import Person
from vernetzt.people.search import search_people
from vernetzt.people.services import create_person, delete_person, update_person
from vernetzt.web.forms import PersonForm
from vernetzt.web.formtools import form_status, save_with
from vernetzt.web.views.organizations import reporting_context
from vernetzt.web.views.privacy import privacy_context

PAGE_SIZE = 50
FORM_FIELDS = tuple(PersonForm.base_fields)


def _people(request):
    return Person.objects.for_user(request.user).filter(is_me=False)


def person_list(request):
    query = request.GET.get("q", "").strip()
    people = search_people(_people(request), query).only(
        "id",
        "display_name",
        "title",
        "organization_name",
        "city",
        "country",
        "tier",
        "do_not_contact",
        "archived_at",
    )
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "query": query, "total": _people(request).count()}
    template = (
        "vernetzt/people/_results.html" if request.headers.get("HX-Request") else "vernetzt/people/list.html"
    )
    return render(request, template, context)


def person_detail(request, pk: int):
    person = get_object_or_404(_people(request), pk=pk)
    context = {
        "person": person,
        "positions": person.positions.select_related("organization"),
        "education": person.education.all(),
        "successes": person.successes.all()[:20],
        "interactions": person.interactions.select_related("event")[:20],
        "snippets": person.snippets.all()[:20],
        "tasks": person.tasks.filter(done_at__isnull=True, skipped=False),
        "targets": person.targets.select_related("goal"),
        "attendances": person.attendances.select_related("event"),
        **reporting_context(person),
        **privacy_context(person),
    }
    return render(request, "vernetzt/people/detail.html", context)


def _warn_special_categories(request, person: Person) -> None:
    """Saved all the same: the notes may hold health, religion, … (Art. 9 GDPR); say so gently."""
    warning = special_category_warning([person.notes], lang=request_language())
    if warning:
        messages.warning(request, warning)


def _save(request, form, person: Person | None):
    data = {name: form.cleaned_data[name] for name in FORM_FIELDS}
    data = {k: ("" if v is None and k in {"first_name", "last_name"} else v) for k, v in data.items()}
    if person is None:
        return save_with(form, create_person, owner=request.user, **data)
    return save_with(form, update_person, person=person, **data)


@require_http_methods(["GET", "POST"])
def person_create(request):
    form = PersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = _save(request, form, None)
        if person is not None:
            messages.success(request, _("%(name)s was added.") % {"name": person.display_name})
            _warn_special_categories(request, person)
            return redirect("person_detail", pk=person.pk)
    return render(
        request, "vernetzt/people/form.html", {"form": form, "person": None}, status=form_status(form)
    )


@require_http_methods(["GET", "POST"])
def person_edit(request, pk: int):
    person = get_object_or_404(_people(request), pk=pk)
    initial = {name: getattr(person, name) for name in FORM_FIELDS}
    form = PersonForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid() and _save(request, form, person) is not None:
        messages.success(request, _("Changes saved."))
        _warn_special_categories(request, person)
        return redirect("person_detail", pk=person.pk)
    return render(
        request, "vernetzt/people/form.html", {"form": form, "person": person}, status=form_status(form)
    )


@require_POST
def person_delete(request, pk: int):
    person = get_object_or_404(_people(request), pk=pk)
    name = person.display_name
    delete_person(person=person)
    messages.success(request, _("%(name)s was deleted.") % {"name": name})
    return redirect("person_list")
