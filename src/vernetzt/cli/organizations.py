"""Commands for how people stand in their organizations: reporting lines and network upward."""

from __future__ import annotations

import click
from django.utils.translation import gettext as _

from vernetzt.cli.app import CommandError, command, current_user, emit, main


def person_by_id(user, person_id: int, *, option: str):
    """One of the account's people (the user's own profile included), or the CLI's error."""
    from vernetzt.people.models import Person

    person = Person.objects.for_user(user).filter(pk=person_id).first()
    if person is None:
        raise CommandError(f"{option}no person with id {person_id}")
    return person


@main.command()
@click.argument("person_id", type=int)
@click.option("--to", "manager_id", type=int, help="The person PERSON_ID reports to.")
@click.option("--remove", is_flag=True, help="Remove the line (to --to only, when given).")
@command
@click.pass_context
def reports(ctx, person_id: int, manager_id: int | None, remove: bool, as_json: bool) -> None:
    """State that PERSON_ID reports to --to (replacing an earlier line), or --remove it."""
    from vernetzt.people.reporting import ReportingDataError, manager_of, remove_manager, set_manager

    user = current_user(ctx)
    person = person_by_id(user, person_id, option="")
    manager = person_by_id(user, manager_id, option="--to: ") if manager_id is not None else None
    if remove:
        changed = remove_manager(person=person, manager=manager)
    elif manager is None:
        raise CommandError("--to: name the manager (or use --remove)")
    else:
        try:
            changed = set_manager(person=person, manager=manager)
        except ReportingDataError as error:
            raise CommandError(f"--to: {error.message}") from None
    now = manager_of(person)
    emit(
        {"person_id": person.pk, "reports_to": now.pk if now else None, "changed": changed},
        as_json=as_json,
        human=lambda d: (
            _("%(person)s reports to %(manager)s.")
            % {"person": person.display_name, "manager": now.display_name}
            if now
            else _("%(person)s reports to nobody recorded.") % {"person": person.display_name}
        ),
    )  # fmt: skip


def _upward_line(rank: int, row: dict) -> list[str]:
    role = ", ".join(part for part in (row["title"], row["organization"]) if part)
    head = f"{rank:>3}. {row['score']:5.1f}  {row['name']} (#{row['person_id']})  {role}  [{row['relation']}]"
    return [head, *(f"            · {reason}" for reason in row["reasons"])]


@main.command()
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 10000))
@click.option("--lang", type=click.Choice(["de", "en"]), help="Language of the reasons (default: account's).")
@command
@click.pass_context
def upward(ctx, limit: int, lang: str | None, as_json: bool) -> None:
    """Network upward: your manager's manager and peers, your manager, and who is above you."""
    from vernetzt.language import account_language
    from vernetzt.research.services import network_upward

    user = current_user(ctx)
    found = network_upward(owner=user, lang=lang or account_language(user), limit=limit)
    rows = [
        {
            "person_id": c.person_id, "name": c.name, "title": c.title, "organization": c.organization,
            "relation": c.relation, "score": c.score, "reasons": c.reasons,
        }
        for c in found
    ]  # fmt: skip
    emit(
        rows,
        as_json=as_json,
        human=lambda rs: (
            "\n".join(line for rank, r in enumerate(rs, 1) for line in _upward_line(rank, r))
            or "Nobody above you yet: set your profile (vernetzt me set) and whom you report to."
        ),
    )


@main.group()
def org() -> None:
    """Organizations: find them, and tag their industry (which tags everyone who works there)."""


def organization_by_id(user, organization_id: int):
    from django.utils.translation import gettext as _

    from vernetzt.people.models import Organization

    organization = Organization.objects.for_user(user).filter(pk=organization_id).first()
    if organization is None:
        raise CommandError(_("ORG_ID: no organization with id %(id)s") % {"id": organization_id})
    return organization


def _organization_line(row: dict) -> str:
    from django.utils.translation import gettext as _

    industry = row["industry"] or _("industry unknown")
    people = _("%(count)d people") % {"count": row["people"]}
    return f"{row['organization_id']:>6}  {row['name']}  ({industry}; {people})"


@org.command("list")
@click.option("--search", default="", help="Words the name contains (umlauts and case do not matter).")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1, 10000))
@command
@click.pass_context
def org_list(ctx, search: str, limit: int, as_json: bool) -> None:
    """The organizations, most people first → list of {"organization_id","name","industry",...}."""
    from django.utils import translation
    from django.utils.translation import gettext as _

    from vernetzt.language import account_language
    from vernetzt.people.organizations import list_organizations

    user = current_user(ctx)
    lang = account_language(user)
    with translation.override(lang):
        rows = [o.as_json(lang) for o in list_organizations(owner=user, search=search, limit=limit)]
        emit(
            rows,
            as_json=as_json,
            human=lambda rs: "\n".join(map(_organization_line, rs)) or _("No organization found."),
        )


@org.command("show")
@click.argument("organization_id", type=int)
@command
@click.pass_context
def org_show(ctx, organization_id: int, as_json: bool) -> None:
    """One organization with its people and who reports to whom there."""
    from django.utils import translation

    from vernetzt.language import account_language
    from vernetzt.people.organizations import people_at, summarize_organization
    from vernetzt.people.reporting import managers_among

    user = current_user(ctx)
    lang = account_language(user)
    with translation.override(lang):
        organization = organization_by_id(user, organization_id)
        people = list(people_at(organization))
        managers = managers_among(people)
        data = summarize_organization(organization).as_json(lang) | {
            "staff": [
                {
                    "person_id": p.pk,
                    "name": p.display_name,
                    "title": p.title,
                    "reports_to": managers.get(p.pk),
                }
                for p in people
            ]
        }
        emit(
            data,
            as_json=as_json,
            human=lambda d: "\n".join(
                [_organization_line(d)]
                + [f"        #{p['person_id']} {p['name']}  {p['title']}" for p in d["staff"]]
            ),
        )


@org.command("tag")
@click.argument("organization_id", type=int)
@click.option("--industry", required=True, help="An industry: its name in German or English, or its code.")
@command
@click.pass_context
def org_tag(ctx, organization_id: int, industry: str, as_json: bool) -> None:
    """Set the organization's industry (see `vernetzt org industries`); everyone there is tagged by it."""
    from django.utils import translation
    from django.utils.translation import gettext as _

    from vernetzt.language import account_language
    from vernetzt.people.organizations import OrganizationDataError, set_industry, summarize_organization

    user = current_user(ctx)
    lang = account_language(user)
    with translation.override(lang):
        organization = organization_by_id(user, organization_id)
        try:
            changed = set_industry(organization=organization, industry=industry)
        except OrganizationDataError as error:
            raise CommandError(f"--industry: {error.message}") from None
        data = summarize_organization(organization).as_json(lang) | {"changed": changed}
        emit(
            data,
            as_json=as_json,
            human=lambda d: (
                _("%(name)s: industry %(industry)s (%(count)d people tagged).")
                % {"name": d["name"], "industry": d["industry"], "count": d["people"]}
            ),
        )


@org.command("industries")
@command
@click.pass_context
def org_industries(ctx, as_json: bool) -> None:
    """The industries to choose from (LinkedIn's list, grouped by NACE/WZ section)."""
    from vernetzt.core.industries import INDUSTRIES, SECTIONS, industry_choices
    from vernetzt.language import account_language

    lang = account_language(current_user(ctx))
    rows = [
        {"code": code, "name": name, "section": INDUSTRIES[code].section,
         "section_name": SECTIONS[INDUSTRIES[code].section][lang]}
        for code, name in industry_choices(lang)
    ]  # fmt: skip
    emit(rows, as_json=as_json, human=lambda rs: "\n".join(f"{r['code']:>4}  {r['name']}" for r in rs))
