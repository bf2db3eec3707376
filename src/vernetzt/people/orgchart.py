"""The chart of one organization, from the reporting lines stated in the account (see core.orgchart)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from vernetzt.core.orgchart import Chart, ChartPerson, layout_chart
from vernetzt.core.titles import SENIORITY_LEVELS
from vernetzt.people.models import Organization, Person, Tie, Tier
from vernetzt.people.organizations import people_at

MAX_PEOPLE = 400  # an organization's chart shows its people with lines; the rest are counted

_RANK = {code: rank for rank, code in enumerate(SENIORITY_LEVELS)}


def _account_lines(owner) -> dict[int, int]:
    return dict(
        Tie.objects.for_user(owner).filter(kind=Tie.Kind.REPORTS_TO).values_list("from_person", "to_person")
    )


def relations_to_me(lines: dict[int, int], me_id: int | None) -> dict[int, str]:
    """{person id: relation} around the user: manager, manager_of_manager, higher_in_line (further
    up), peer_of_manager, peer (reports to the same manager), report."""
    if me_id is None:
        return {}
    relations: dict[int, str] = {}
    chain, current = [], lines.get(me_id)
    while current is not None and current != me_id and current not in chain and len(chain) < 20:
        chain.append(current)
        current = lines.get(current)
    names = ("manager", "manager_of_manager")
    for level, pid in enumerate(chain):
        relations[pid] = names[level] if level < len(names) else "higher_in_line"
    for person, manager in lines.items():
        if person in relations or person == me_id:
            continue
        if len(chain) > 1 and manager == chain[1]:
            relations[person] = "peer_of_manager"
        elif chain and manager == chain[0]:
            relations[person] = "peer"
        elif manager == me_id:
            relations[person] = "report"
    return relations


RELATION_LABELS = {
    "manager": lambda: _("Your manager"),
    "manager_of_manager": lambda: _("Your manager's manager"),
    "above": lambda: _("Above you"),
    "higher_in_line": lambda: _("Higher up your line"),
    "peer_of_manager": lambda: _("Peer of your manager"),
    "peer": lambda: _("Your peer"),
    "report": lambda: _("Reports to you"),
}


def _state(person: Person) -> str:
    if person.is_me:
        return _("You")
    return str(Tier(person.tier).label) if person.tier in Tier.values else ""


def organization_chart(organization: Organization) -> Chart:
    """The chart in the active language: everyone at the organization joined by a stated line, the
    managers elsewhere they report to, the user highlighted, and the gaps."""
    owner = organization.owner
    lines = _account_lines(owner)
    if not lines:
        return Chart()
    staff = list(people_at(organization)[:MAX_PEOPLE])
    at_org = {person.pk for person in staff}
    elsewhere_ids = {lines[pid] for pid in at_org if pid in lines} - at_org
    elsewhere = list(Person.objects.for_user(owner).filter(pk__in=elsewhere_ids))
    me_id = next(iter(Person.objects.for_user(owner).filter(is_me=True).values_list("pk", flat=True)), None)
    relations = relations_to_me(lines, me_id)
    people = [
        ChartPerson(
            person_id=person.pk,
            name=person.display_name,
            title=person.title,
            rank=_RANK.get(person.seniority, -1),
            state=_state(person),
            at_organization=person.pk in at_org,
            is_me=person.is_me,
            relation=relations.get(person.pk, ""),
            relation_label=RELATION_LABELS[relations[person.pk]]() if person.pk in relations else "",
        )
        for person in [*staff, *elsewhere]
    ]
    return layout_chart(people, {pid: manager for pid, manager in lines.items() if pid in at_org})
