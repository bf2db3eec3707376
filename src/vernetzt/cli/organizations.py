"""Commands for how people stand in their organizations: reporting lines and network upward."""

from __future__ import annotations

import click

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
            f"{person.display_name} reports to {now.display_name}." if now
            else f"{person.display_name} reports to nobody recorded."
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
