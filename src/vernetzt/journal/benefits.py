"""Step 3 of the method: a benefit for the other person, and the give-and-take ledger that keeps it honest.

Reciprocity drives relationships (Cialdini): the ledger shows what the user offered, delivered and received
per person, and ``suggest_benefits`` proposes what the user can give with little effort — introductions to
well-known contacts who complement the person, the user's own information and help (``core.benefits``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from vernetzt.core.benefits import MAX_SUGGESTIONS, MIN_CLOSENESS, Holding, Profile
from vernetzt.core.benefits import suggest_benefits as core_suggest
from vernetzt.core.benefits_text import Contact, benefit_offer, describe_benefit
from vernetzt.core.text import normalize_org_name
from vernetzt.journal.models import Benefit
from vernetzt.journal.services import JournalDataError, raise_targets
from vernetzt.language import message_language
from vernetzt.people.models import TIER_CLOSENESS, Person, Success, Tie
from vernetzt.people.services import get_me


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
    """A benefit the user could give, in the user's language: ``person_id`` is whom to introduce;
    ``offer`` is information or help as the user offers it in a message to the person, in the language
    they are written to (what planning the suggestion records)."""

    kind: str
    text: str
    reasons: list[str]
    person_id: int | None = None
    offer: str = ""

    def as_dict(self) -> dict:
        return {"kind": self.kind, "text": self.text, "person_id": self.person_id, "reasons": self.reasons}


_PROFILE_FIELDS = (
    "id",
    "display_name",
    "title",
    "organization_name",
    "function",
    "seniority",
    "country",
    "regions",
    "expertise",
    "offers",
    "needs",
    "tier",
)


def _profile(row: dict, *, closeness: float = 0.0, knows=frozenset(), successes=()) -> Profile:
    return Profile(
        person_id=row["id"],
        name=row["display_name"],
        title=row["title"],
        function=row["function"],
        seniority=row["seniority"],
        country=row["country"],
        regions=frozenset(row["regions"]),
        organization=normalize_org_name(row["organization_name"]) if row["organization_name"] else "",
        fields=tuple(row["expertise"]),
        needs=tuple(row["needs"]),
        offers=tuple(row["offers"]),
        successes=tuple(successes),
        closeness=closeness,
        knows=frozenset(knows),
    )


def _my_network(owner, me: Person | None) -> tuple[list[Profile], dict[int, str]]:
    """The contacts the user knows well enough to introduce (a tie of 3 of 5 or more, or a close tier),
    and their organizations' names."""
    ties: dict[int, int] = {}
    if me is not None:
        rows = Tie.objects.filter(owner=owner, kind=Tie.Kind.KNOWS).filter(
            Q(from_person=me) | Q(to_person=me)
        )
        for a, b, strength in rows.values_list("from_person_id", "to_person_id", "strength"):
            other = b if a == me.pk else a
            ties[other] = max(strength, ties.get(other, 0))
    close_tiers = [tier for tier, value in TIER_CLOSENESS.items() if value >= MIN_CLOSENESS]
    strong = [pid for pid, strength in ties.items() if (strength - 1) / 4 >= MIN_CLOSENESS]
    rows = (
        Person.objects.for_user(owner)
        .filter(is_me=False, do_not_contact=False)  # an introduction would reach someone who objected
        .filter(Q(tier__in=close_tiers) | Q(pk__in=strong))
        .values(*_PROFILE_FIELDS)
    )
    network, organizations = [], {}
    for row in rows:
        tie = (ties[row["id"]] - 1) / 4 if row["id"] in ties else 0.0
        network.append(_profile(row, closeness=max(tie, TIER_CLOSENESS.get(row["tier"], 0.0))))
        organizations[row["id"]] = row["organization_name"]
    return network, organizations


def _holding(owner, me: Person | None, today: datetime.date) -> Holding:
    if me is None:
        return Holding()
    successes = Success.objects.filter(owner=owner, person=me, date__gte=today - datetime.timedelta(days=730))
    return Holding(
        fields=tuple(me.expertise),
        offers=tuple(me.offers),
        successes=tuple(successes.values_list("text", flat=True)),
        function=me.function,
        country=me.country,
    )


def suggest_benefits(
    *, owner, person: Person, lang: str, today: datetime.date | None = None, limit: int = MAX_SUGGESTIONS
) -> list[Suggestion]:
    """What the user could give ``person`` with little effort, best first, each with why it fits."""
    today = today or timezone.localdate()
    me = get_me(owner)
    knows = set()
    for a, b in (
        Tie.objects.filter(owner=owner)
        .filter(Q(from_person=person) | Q(to_person=person))
        .values_list("from_person_id", "to_person_id")
    ):
        knows.add(b if a == person.pk else a)
    planned = Benefit.objects.for_user(owner).filter(person=person, introduce_to__isnull=False)
    year_ago = today - datetime.timedelta(days=365)
    successes = Success.objects.filter(owner=owner, person=person, date__gte=year_ago).order_by(
        "-date", "-id"
    )
    row = Person.objects.filter(pk=person.pk).values(*_PROFILE_FIELDS).get()
    profile = _profile(row, knows=knows, successes=successes.values_list("text", flat=True))
    network, organizations = _my_network(owner, me)
    found = core_suggest(
        person=profile,
        contacts=network,
        holding=_holding(owner, me, today),
        exclude={
            *(p for p in [me.pk if me else None] if p),
            *planned.values_list("introduce_to_id", flat=True),
        },
        limit=limit,
    )
    contacts = {c.person_id: c for c in network}
    result = []
    for suggestion in found:
        contact = contacts.get(suggestion.contact_id) if suggestion.contact_id else None
        named = Contact(contact.name, contact.title, organizations[contact.person_id]) if contact else None
        text, reasons = describe_benefit(suggestion, person=person.display_name, contact=named, lang=lang)
        offer = benefit_offer(suggestion, lang=message_language(person, fallback=lang))
        result.append(
            Suggestion(
                kind=suggestion.kind, text=text, reasons=reasons, person_id=suggestion.contact_id, offer=offer
            )
        )
    return result
