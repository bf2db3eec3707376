"""Step 3 of the method: a benefit for the other person, and the give-and-take ledger that keeps it honest.

Reciprocity drives relationships (Cialdini): the ledger shows what the user offered, delivered and received
per person, and suggests introductions the user can make with little effort — people in their own network
whose field or function matches what the other person works on.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from vernetzt.core.titles import FUNCTION_LABELS
from vernetzt.journal.models import Benefit
from vernetzt.journal.services import JournalDataError, raise_targets
from vernetzt.people.models import Person, Tie, Tier

MAX_SUGGESTIONS = 5


@dataclass
class Ledger:
    entries: list[Benefit]
    planned: int = 0
    delivered: int = 0
    received: int = 0

    @property
    def balance(self) -> int:
        """Delivered minus received: above zero the user has given more than they got."""
        return self.delivered - self.received


def ledger_for(*, owner, person: Person) -> Ledger:
    entries = list(Benefit.objects.for_user(owner).filter(person=person).select_related("introduce_to"))
    ledger = Ledger(entries=entries)
    for entry in entries:
        if entry.direction == Benefit.Direction.RECEIVED:
            ledger.received += 1
        elif entry.status == Benefit.Status.DELIVERED:
            ledger.delivered += 1
        else:
            ledger.planned += 1
    return ledger


@transaction.atomic
def record_benefit(
    *,
    owner,
    person: Person,
    direction: str,
    description: str,
    kind: str = Benefit.Kind.INFORMATION,
    status: str = Benefit.Status.PLANNED,
    date: datetime.date | None = None,
    introduce_to: Person | None = None,
) -> Benefit:
    if person.owner_id != owner.pk:
        raise JournalDataError("person", f"no person with id {person.pk}")
    if direction not in Benefit.Direction.values:
        raise JournalDataError("direction", f"unknown direction {direction!r}")
    if kind not in Benefit.Kind.values:
        raise JournalDataError("kind", f"unknown kind {kind!r}")
    if status not in Benefit.Status.values:
        raise JournalDataError("status", f"unknown status {status!r}")
    description = (description or "").strip()
    if introduce_to is not None:
        if introduce_to.owner_id != owner.pk or introduce_to.pk == person.pk:
            raise JournalDataError("introduce_to", "choose another person of yours")
        description = description or _("Introduction to %(name)s") % {"name": introduce_to.display_name}
    if not description:
        raise JournalDataError("description", "describe the benefit")
    if direction == Benefit.Direction.RECEIVED:
        status = Benefit.Status.DELIVERED
    benefit = Benefit.objects.create(
        owner=owner,
        person=person,
        direction=direction,
        kind=kind,
        description=description[:500],
        status=status,
        date=date,
        introduce_to=introduce_to,
    )
    if direction == Benefit.Direction.OFFERED:
        raise_targets(person, "benefit_found")
    return benefit


def mark_delivered(*, benefit: Benefit, date: datetime.date) -> Benefit:
    if benefit.direction != Benefit.Direction.OFFERED or benefit.status == Benefit.Status.DELIVERED:
        raise JournalDataError("benefit", "only a planned benefit can be delivered")
    benefit.status = Benefit.Status.DELIVERED
    benefit.date = date
    benefit.save(update_fields=["status", "date"])
    return benefit


def delete_benefit(*, benefit: Benefit) -> None:
    benefit.delete()


@dataclass(frozen=True)
class Suggestion:
    person_id: int
    name: str
    title: str
    organization: str
    score: int
    reasons: list[str] = field(default_factory=list)


def _terms(values) -> dict[str, str]:
    return {value.strip().casefold(): value.strip() for value in values if value and value.strip()}


def suggest_introductions(
    *, owner, person: Person, lang: str, limit: int = MAX_SUGGESTIONS
) -> list[Suggestion]:
    """Contacts of the user whom ``person`` might value meeting, with the reason in ``lang``.

    A shared field of expertise counts most (they can help each other), the same function next (peers
    trade experience). People who already know ``person``, and those already offered, are left out.
    """
    wanted = _terms(person.expertise)
    if not wanted and not person.function:
        return []
    tied = set(
        Tie.objects.filter(owner=owner, from_person=person).values_list("to_person_id", flat=True)
    ) | set(Tie.objects.filter(owner=owner, to_person=person).values_list("from_person_id", flat=True))
    planned = set(
        Benefit.objects.for_user(owner)
        .filter(person=person, introduce_to__isnull=False)
        .values_list("introduce_to_id", flat=True)
    )
    network = (
        Person.objects.for_user(owner)
        .filter(is_me=False)
        .filter(~Q(tier=Tier.POOL) | Q(linkedin_connected=True) | Q(xing_connected=True))
        .exclude(pk__in={person.pk, *tied, *planned})
    )
    by_field = ~Q(expertise=[]) if wanted else Q(pk__in=[])
    by_function = (
        Q(function=person.function) if person.function and person.function != "other" else Q(pk__in=[])
    )
    rows = network.filter(by_field | by_function).values(
        "id", "display_name", "title", "organization_name", "function", "expertise"
    )
    suggestions = []
    for row in rows:
        shared = [label for key, label in _terms(row["expertise"]).items() if key in wanted]
        same_function = bool(by_function) and row["function"] == person.function
        if not shared and not same_function:
            continue
        reasons = [
            _("works on %(field)s, as %(name)s does") % {"field": label, "name": person.display_name}
            for label in shared
        ]
        if same_function:
            label = FUNCTION_LABELS.get(row["function"], {}).get(lang, row["function"])
            reasons.append(_("a peer in %(function)s") % {"function": label})
        suggestions.append(
            Suggestion(
                person_id=row["id"],
                name=row["display_name"],
                title=row["title"],
                organization=row["organization_name"],
                score=2 * len(shared) + int(same_function),
                reasons=reasons,
            )
        )
    suggestions.sort(key=lambda s: (-s.score, s.name, s.person_id))
    return suggestions[:limit]
