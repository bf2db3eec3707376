"""News items matched to the network, and the user's one-click verdict on each.

A confirmed candidate becomes a dated success with its source (through the journal's ``add_success``,
which also moves the person's pipeline targets to "researched"), and so feeds the prepared questions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from vernetzt.core.mentions import KnownOrganization, KnownPerson, MentionFinder
from vernetzt.errors import DataError
from vernetzt.goals.models import Target
from vernetzt.journal.services import add_success
from vernetzt.people.models import Organization, Person, Position, Success, Tier
from vernetzt.people.provenance import record_source, source_entry
from vernetzt.sources.lookup import find_owned
from vernetzt.sources.models import Candidate, FeedItem

# Whom a headline about an organization is for: the closest contact there.
_TIER_ORDER = [Tier.INNER, Tier.KEY, Tier.DEVELOPING, Tier.NEW, Tier.SECONDARY]


class CandidateError(DataError):
    pass


def build_finder(owner) -> tuple[MentionFinder, dict[int, list[int]]]:
    """The network as the matcher sees it, and per organization its people (for headline mentions)."""
    employers: dict[int, list[int]] = defaultdict(list)
    rows = Position.objects.for_user(owner).filter(is_current=True, organization__isnull=False)
    for person_id, organization_id in rows.values_list("person_id", "organization_id"):
        employers[person_id].append(organization_id)
    people = [
        KnownPerson(pk, first, last, tuple(employers[pk]))
        for pk, first, last in Person.objects.for_user(owner)
        .filter(is_me=False, do_not_contact=False, pk__in=list(employers))
        .values_list("pk", "first_name", "last_name")
    ]
    organizations = [
        KnownOrganization(pk, (name, *[a for a in aliases or [] if isinstance(a, str)]))
        for pk, name, aliases in Organization.objects.for_user(owner).values_list("pk", "name", "aliases")
    ]
    staff: dict[int, list[int]] = defaultdict(list)
    for person in people:
        for organization_id in person.organization_ids:
            staff[organization_id].append(person.person_id)
    return MentionFinder(people=people, organizations=organizations), staff


def _closest_contact(owner, person_ids: list[int]) -> int | None:
    """The one to congratulate when only the organization is in the news: someone one is in touch with
    or is pursuing for a goal; nobody when the organization is all strangers."""
    if not person_ids:
        return None
    targets = set(
        Target.objects.for_user(owner).filter(person_id__in=person_ids).values_list("person_id", flat=True)
    )
    rows = (
        Person.objects.for_user(owner)
        .filter(pk__in=person_ids)
        .filter(~Q(tier=Tier.POOL) | Q(pk__in=targets))
    )
    ranked = sorted(
        rows.values_list("pk", "tier", "last_contact_on"),
        key=lambda row: (
            _TIER_ORDER.index(row[1]) if row[1] in _TIER_ORDER else len(_TIER_ORDER),
            -(row[2].toordinal() if row[2] else 0),
            row[0],
        ),
    )
    return ranked[0][0] if ranked else None


def match_items(*, owner, items: Iterable[FeedItem], finder=None) -> list[Candidate]:
    """Candidates for new items; a person already offered the same article (same link) is not asked twice."""
    items = list(items)
    if not items:
        return []
    finder, staff = finder or build_finder(owner)
    urls = {item.url for item in items if item.url}
    offered = set(
        Candidate.objects.for_user(owner).filter(item__url__in=urls).values_list("person_id", "item__url")
    ) | set(
        Success.objects.for_user(owner).filter(source_url__in=urls).values_list("person_id", "source_url")
    )
    rows = []
    for item in items:
        for mention in finder.find(title=item.title, text=item.summary):
            person_id = mention.person_id or _closest_contact(owner, staff.get(mention.organization_id, []))
            if person_id is None or (item.url and (person_id, item.url) in offered):
                continue
            offered.add((person_id, item.url))
            rows.append(
                Candidate(
                    owner=owner,
                    item=item,
                    person_id=person_id,
                    organization_id=mention.organization_id,
                    named=mention.person_id is not None,
                    evidence=mention.evidence[:200],
                )
            )
    Candidate.objects.bulk_create(rows, ignore_conflicts=True)
    return list(
        Candidate.objects.for_user(owner)
        .filter(item__in=items, status=Candidate.Status.PENDING)
        .select_related("item", "person")
        .order_by("id")
    )


def pending_candidates(owner, *, person: Person | None = None):
    rows = Candidate.objects.for_user(owner).filter(status=Candidate.Status.PENDING)
    if person is not None:
        rows = rows.filter(person=person)
    return rows.select_related("item", "person", "organization").order_by("-item__published", "-id")


def find_candidate(*, owner, candidate_id) -> Candidate:
    rows = Candidate.objects.select_related("item", "person")
    return find_owned(rows, owner=owner, value=candidate_id, field="candidate", error=CandidateError)


def _check_pending(owner, candidate: Candidate) -> None:
    if candidate.owner_id != owner.pk:
        raise CandidateError("candidate", f"no candidate with id {candidate.pk}")
    if candidate.status != Candidate.Status.PENDING:
        raise CandidateError("candidate", "this candidate was already decided")


@transaction.atomic
def confirm_candidate(*, owner, candidate: Candidate) -> Success:
    """The news becomes a dated success of the person, with the article as its source."""
    _check_pending(owner, candidate)
    item = candidate.item
    success = add_success(
        owner=owner,
        person=candidate.person,
        date=item.published or timezone.localdate(),
        text=item.title[:500],
        source_url=item.url,
    )
    candidate.status, candidate.success, candidate.decided_at = (
        Candidate.Status.CONFIRMED,
        success,
        timezone.now(),
    )
    candidate.save(update_fields=["status", "success", "decided_at"])
    feed = str(item.feed) if item.feed else item.url  # an article added by hand has no feed
    record_source(owner=owner, person_ids=[candidate.person_id], entry=source_entry("feed", file=feed))
    return success


def dismiss_candidate(*, owner, candidate: Candidate) -> Candidate:
    _check_pending(owner, candidate)
    candidate.status, candidate.decided_at = Candidate.Status.DISMISSED, timezone.now()
    candidate.save(update_fields=["status", "decided_at"])
    return candidate


def candidate_as_dict(candidate: Candidate) -> dict:
    """The CLI's and API's shape (DESIGN §4 Additions)."""
    return {
        "id": candidate.pk,
        "person_id": candidate.person_id,
        "organization_id": candidate.organization_id,
        "title": candidate.item.title,
        "url": candidate.item.url,
        "published": candidate.item.published,
        "person": candidate.person.display_name,
        "named": candidate.named,
        "status": candidate.status,
    }
