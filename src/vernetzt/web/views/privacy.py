"""A person's privacy on the web: provenance, legal basis, do-not-contact, their record (Art. 15) and
forgetting them for good (Art. 17, with a confirmation page)."""

from __future__ import annotations

import json

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from vernetzt.people.models import LegalBasis, Person
from vernetzt.people.provenance import describe_sources, person_purposes
from vernetzt.people.services import set_do_not_contact, update_person
from vernetzt.privacy.access import access_record
from vernetzt.privacy.erasure import erase_person
from vernetzt.transfer.merge import person_relations


class PrivacyForm(forms.Form):
    legal_basis = forms.ChoiceField(label=gettext_lazy("Legal basis"), choices=LegalBasis.choices)
    purpose = forms.CharField(label=gettext_lazy("Purpose"), max_length=300, required=False)
    do_not_contact = forms.BooleanField(label=gettext_lazy("Do not contact (they objected)"), required=False)


def _person(request, pk: int) -> Person:
    return get_object_or_404(Person.objects.for_user(request.user).filter(is_me=False), pk=pk)


def privacy_context(person: Person) -> dict:
    """What the person page's privacy card shows (people/_privacy.html)."""
    return {
        "privacy_sources": describe_sources(person),
        "privacy_purposes": person_purposes(person),
        "privacy_form": PrivacyForm(
            initial={
                "legal_basis": person.legal_basis,
                "purpose": person.purpose,
                "do_not_contact": person.do_not_contact,
            }
        ),
    }


@require_POST
def person_privacy(request, pk: int):
    person = _person(request, pk)
    form = PrivacyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Legal basis: choose one of the listed options."))
        return redirect("person_detail", pk=pk)
    data = form.cleaned_data
    update_person(person=person, legal_basis=data["legal_basis"], purpose=data["purpose"])
    set_do_not_contact(person=person, do_not_contact=data["do_not_contact"])
    messages.success(request, _("Changes saved."))
    return redirect("person_detail", pk=pk)


def person_record_json(request, pk: int):
    person = _person(request, pk)
    response = HttpResponse(
        json.dumps(access_record(person), ensure_ascii=False, indent=2, default=str),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="person-{person.pk}.json"'
    return response


def _labels(model) -> dict[str, str]:
    """Column → its name in the reader's language (the model field's verbose name)."""
    return {field.attname: str(field.verbose_name) for field in model._meta.concrete_fields}


def _related_sections(record: dict) -> list[dict]:
    models = {
        relation.related_model._meta.label_lower: relation.related_model for relation in person_relations()
    }
    sections = []
    for label, rows in record["related"].items():
        model = models[label]
        names = _labels(model) | {f.name: str(f.verbose_name) for f in model._meta.concrete_fields}
        # What a row points at is shown by name (access.related_rows adds it), not by id.
        keys = list(dict.fromkeys(key for row in rows for key in row))
        by_name = {key for key in keys if f"{key}_id" in keys}
        hidden = {"via", "id", "person", "person_id"} | {f"{key}_id" for key in by_name}
        columns = [key for key in keys if key not in hidden and any(_cell(row.get(key)) for row in rows)]
        sections.append(
            {
                "label": label,
                "title": str(model._meta.verbose_name_plural).capitalize(),
                "columns": [names.get(name, name) for name in columns],
                "rows": [[_cell(row.get(name)) for name in columns] for row in rows],
            }
        )
    return sections


def _cell(value) -> str:
    if value in (None, "", [], {}):
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, dict) and "base64" in value:
        return _("(picture, %(size)d bytes)") % {"size": len(value["base64"]) * 3 // 4}
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return ", ".join(value)
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def person_record(request, pk: int):
    """The record as a page to read and print (or save as PDF from the browser's print dialog)."""
    person = _person(request, pk)
    record = access_record(person)
    names = _labels(Person)
    fields = [
        (names.get(name, name), _cell(value))
        for name, value in record["record"].items()
        if name != "sources" and _cell(value)
    ]
    context = {
        "person": person,
        "record": record,
        "sources": describe_sources(person),
        "fields": fields,
        "sections": _related_sections(record),
    }
    return render(request, "vernetzt/privacy/record.html", context)


@require_http_methods(["GET", "POST"])
def person_forget(request, pk: int):
    person = _person(request, pk)
    if request.method == "POST":
        name = person.display_name
        erase_person(owner=request.user, person=person)
        messages.success(request, _("%(name)s was erased for good.") % {"name": name})
        return redirect("person_list")
    related = sum(len(rows) for rows in access_record(person)["related"].values())
    return render(request, "vernetzt/privacy/forget.html", {"person": person, "related": related})
