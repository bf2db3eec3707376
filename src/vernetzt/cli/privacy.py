"""Privacy commands (DESIGN §4 Additions): a person's provenance and flags, their record, forgetting."""

from __future__ import annotations

import json
from pathlib import Path

import click

from vernetzt.cli.app import CommandError, command, current_user, emit, main

LEGAL_BASES = ("legitimate_interest", "consent", "contract", "other")


def _person(user, person_id: int):
    from django.utils import translation
    from django.utils.translation import gettext as _

    from vernetzt.language import account_language
    from vernetzt.people.models import Person

    person = Person.objects.for_user(user).filter(pk=person_id, is_me=False).first()
    if person is None:
        with translation.override(account_language(user)):
            raise CommandError(_("There is no person with id %(id)s.") % {"id": person_id})
    return person


def _show_text(data: dict) -> str:
    """The person in the account's language (current_user activated it)."""
    from django.utils.translation import gettext as _

    from vernetzt.people.models import LegalBasis
    from vernetzt.people.provenance import KIND_LABELS

    lines = [f"{data['name']} (#{data['person_id']})"]
    for source in data["sources"]:
        label = KIND_LABELS.get(source["kind"], source["kind"])
        text = " ".join(part for part in (str(label), source["file"], source["date"]) if part)
        lines.append("  " + _("Source: %(source)s") % {"source": text})
    lines.append("  " + _("Legal basis: %(basis)s") % {"basis": LegalBasis(data["legal_basis"]).label})
    lines += ["  " + _("Purpose: %(purpose)s") % {"purpose": purpose} for purpose in data["purposes"]]
    if data["do_not_contact"]:
        lines.append("  " + _("Do not contact (since %(day)s)") % {"day": data["do_not_contact_on"]})
    return "\n".join(lines)


@main.group()
def person() -> None:
    """One person's provenance, legal basis, do-not-contact flag and complete record."""


@person.command("show")
@click.argument("person_id", type=int)
@command
@click.pass_context
def person_show(ctx, person_id: int, as_json: bool) -> None:
    """The person with where their data came from, the legal basis and the do-not-contact flag."""
    from vernetzt.privacy.access import person_summary

    emit(person_summary(_person(current_user(ctx), person_id)), as_json=as_json, human=_show_text)


@person.command("set")
@click.argument("person_id", type=int)
@click.option("--do-not-contact/--contact-ok", "do_not_contact", default=None, help="They objected (or not).")
@click.option("--legal-basis", type=click.Choice(LEGAL_BASES), help="Why you may keep their data.")
@click.option("--purpose", default=None, help="What you keep their data for.")
@command
@click.pass_context
def person_set(ctx, person_id: int, do_not_contact, legal_basis, purpose, as_json: bool) -> None:
    """Set the do-not-contact flag, the legal basis or the purpose of PERSON_ID."""
    from vernetzt.people.services import set_do_not_contact, update_person
    from vernetzt.privacy.access import person_summary

    found = _person(current_user(ctx), person_id)
    given = {"legal_basis": legal_basis, "purpose": purpose}
    fields = {name: value for name, value in given.items() if value is not None}
    if fields:
        update_person(person=found, **fields)
    if do_not_contact is not None:
        set_do_not_contact(person=found, do_not_contact=do_not_contact)
    emit(person_summary(found), as_json=as_json, human=_show_text)


@person.command("export")
@click.argument("person_id", type=int)
@click.argument("path", type=click.Path(dir_okay=False, writable=True))
@command
@click.pass_context
def person_export(ctx, person_id: int, path: str, as_json: bool) -> None:
    """Everything about PERSON_ID as one JSON file (an answer to an access request, GDPR Art. 15)."""
    from django.utils.translation import gettext as _

    from vernetzt.privacy.access import access_record

    record = access_record(_person(current_user(ctx), person_id))
    target = Path(path)
    try:
        target.write_text(json.dumps(record, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    except OSError as error:
        raise CommandError(f"{path}: {error.strerror or error}") from None
    counts = {label: len(rows) for label, rows in record["related"].items()}
    emit(
        {"person_id": person_id, "path": str(target), "related": counts},
        as_json=as_json,
        human=lambda d: _("Everything about the person was written to %(path)s.") % {"path": d["path"]},
    )


@main.command()
@click.argument("person_id", type=int)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@command
@click.pass_context
def forget(ctx, person_id: int, yes: bool, as_json: bool) -> None:
    """Erase PERSON_ID for good: everything about them; later imports skip them."""
    from django.utils import translation
    from django.utils.translation import gettext as _

    from vernetzt.language import account_language
    from vernetzt.privacy.erasure import erase_person

    user = current_user(ctx)
    found = _person(user, person_id)
    with translation.override(account_language(user)):
        question = _("Erase %(name)s and everything about them for good? Later imports will skip them.") % {
            "name": found.display_name
        }
        if not yes and not click.confirm(question, err=True):
            raise CommandError(_("Nothing was erased."))
        result = erase_person(owner=user, person=found)
        done = _("Erased for good.")
    emit(result, as_json=as_json, human=lambda _data: done)
