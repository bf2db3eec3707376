"""Commands for the user's own profile, goals and people."""

from __future__ import annotations

from typing import Any

import click
from django.utils.translation import gettext as _

from vernetzt.cli.app import CommandError, command, current_user, emit, main, parse_date


@main.group()
def me() -> None:
    """Your own profile: what commonalities and "upward" are measured against."""


@me.command("set")
@click.option("--title", required=True)
@click.option("--org", required=True)
@click.option("--city", default="")
@click.option("--country", default="")
@click.option("--school", "schools", multiple=True)
@click.option("--interest", "interests", multiple=True)
@click.option("--language", "languages", multiple=True)
@click.option("--association", "associations", multiple=True)
@click.option("--expertise", "expertise", multiple=True, help="A field you know well enough to share.")
@click.option("--offer", "offers", multiple=True, help="Something you can offer others.")
@click.option("--reports-to", "manager_id", type=int, help="The person id of your manager.")
@command
@click.pass_context
def me_set(
    ctx,
    title,
    org,
    city,
    country,
    schools,
    interests,
    languages,
    associations,
    expertise,
    offers,
    manager_id,
    as_json,
):
    """Set your current role, places, schools, interests, languages, what you can offer and whom you report
    to."""
    from vernetzt.cli.organizations import person_by_id
    from vernetzt.errors import DataError
    from vernetzt.people.services import UNCHANGED, set_me

    user = current_user(ctx)
    manager = UNCHANGED if manager_id is None else person_by_id(user, manager_id, option="--reports-to: ")
    try:
        person = set_me(
            owner=user,
            title=title,
            organization=org,
            city=city,
            country=country,
            schools=schools,
            interests=interests,
            languages=languages,
            associations=associations,
            expertise=expertise,
            offers=offers,
            reports_to=manager,
        )
    except DataError as error:
        option = {"manager": "reports-to"}.get(error.field, error.field)
        raise CommandError(f"--{option}: {error.message}") from None
    emit(
        {
            "person_id": person.pk,
            "title": person.title,
            "organization": person.organization_name,
            "seniority": person.seniority,
            "function": person.function,
            "country": person.country,
        },
        as_json=as_json,
        human=lambda d: _("Profile saved: %(title)s at %(organization)s (%(seniority)s, %(function)s).") % d,
    )


@main.group()
def goal() -> None:
    """Your career goals."""


@goal.command("add")
@click.argument("text")
@click.option(
    "--level", "levels", multiple=True, help="Seniority level of the people who matter (default: upward)."
)
@click.option("--function", "functions", multiple=True)
@click.option("--region", "regions", multiple=True, help='Region code or name, e.g. "Südostasien".')
@click.option(
    "--anywhere", is_flag=True, help="Without --region: do not prefer people in your country and region."
)
@click.option("--org", "organizations", multiple=True)
@click.option("--industry", "industries", multiple=True)
@click.option("--keyword", "keywords", multiple=True)
@click.option("--horizon", help="YYYY-MM-DD")
@click.option("--why", default="")
@command
@click.pass_context
def goal_add(
    ctx,
    text,
    levels,
    functions,
    regions,
    anywhere,
    organizations,
    industries,
    keywords,
    horizon,
    why,
    as_json,
):
    """Add a career goal; prints its id."""
    from vernetzt.goals.services import GoalDataError, create_goal

    try:
        created = create_goal(
            owner=current_user(ctx),
            text=text,
            why=why,
            horizon=parse_date(horizon, field="--horizon"),
            levels=levels,
            functions=functions,
            regions=regions,
            anywhere=anywhere,
            organizations=organizations,
            industries=industries,
            keywords=keywords,
        )
    except GoalDataError as error:
        option = {"levels": "level", "functions": "function", "regions": "region"}.get(
            error.field, error.field
        )
        raise CommandError(f"--{option}: {error.message}") from None
    emit({"id": created.pk}, as_json=as_json, human=lambda d: _("Goal %(id)s added.") % d)


def person_summary(person) -> dict[str, Any]:
    return {
        "person_id": person.pk,
        "name": person.display_name,
        "title": person.title,
        "organization": person.organization_name,
        "seniority": person.seniority,
        "function": person.function,
        "city": person.city,
        "country": person.country,
        "emails": person.emails,
    }


@main.command()
@click.option(
    "--search", "query", default="", help="Words that must start a name, organization, title or city."
)
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 100000))
@command
@click.pass_context
def people(ctx, query: str, limit: int, as_json: bool) -> None:
    """List people, optionally searched."""
    from vernetzt.people.models import Person
    from vernetzt.people.search import search_people

    found = search_people(Person.objects.for_user(current_user(ctx)).filter(is_me=False), query)[:limit]
    rows = [person_summary(p) for p in found]
    emit(
        rows,
        as_json=as_json,
        human=lambda rs: (
            "\n".join(
                f"{r['person_id']:>6}  {r['name']}  —  {r['title']}, {r['organization']}".rstrip(", ")
                for r in rs
            )
            or "Nobody found."
        ),
    )
