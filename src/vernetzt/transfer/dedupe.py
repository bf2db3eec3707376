"""Finding people who are probably the same person, across every source (the rules: core.duplicates).

Everyone of the account is read once into plain rows; the pairs the user dismissed are left out.
"""

from __future__ import annotations

from collections.abc import Iterable

from vernetzt.core.duplicates import Match, Row, find_matches
from vernetzt.core.text import normalize_org_name
from vernetzt.people.models import Person
from vernetzt.transfer.models import ImportBatch, ImportChange, NotDuplicate

DEFAULT_LIMIT = 500
# A pair as the scan found it: first_id < second_id, kind ("linkedin" | "xing" | "email" | "phone" |
# "name"), score (100 for a shared profile or address, otherwise how sure the name match is) and reasons.
DuplicatePair = Match

_FIELDS = (
    "id", "first_name", "last_name", "display_name", "organization_name", "emails", "phones",
    "linkedin_slug", "xing_slug", "country", "title_of_address",
)  # fmt: skip


def load_rows(owner) -> list[Row]:
    """Everyone of the account but the user, as the scan reads them."""
    people = Person.objects.for_user(owner).filter(is_me=False).values_list(*_FIELDS)
    org_keys: dict[str, str] = {}
    rows = []
    for pid, first, last, display, org, emails, phones, linkedin, xing, country, address in people.iterator(
        chunk_size=5000
    ):
        if org and org not in org_keys:
            org_keys[org] = normalize_org_name(org)
        rows.append(
            Row(
                id=pid,
                first_name=first,
                last_name=last,
                display_name=display,
                organization=org_keys.get(org, "") if org else "",
                organization_shown=org,
                emails=tuple(emails or ()),
                phones=tuple(phones or ()),
                linkedin=linkedin,
                xing=xing,
                country=country,
                title_of_address=address,
            )
        )
    return rows


def find_duplicates(
    *, owner, limit: int = DEFAULT_LIMIT, among: Iterable[int] | None = None
) -> list[DuplicatePair]:
    """Likely duplicates, the surest first; pairs the user dismissed are left out. With ``among``
    (person ids, e.g. the people an import created or changed), only pairs with one of them."""
    dismissed = set(NotDuplicate.objects.for_user(owner).values_list("first_id", "second_id"))
    pairs = [
        pair
        for pair in find_matches(load_rows(owner), among=among)
        if (pair.first_id, pair.second_id) not in dismissed
        and (pair.second_id, pair.first_id) not in dismissed
    ]
    return pairs[:limit]


def batch_people(batch: ImportBatch) -> set[int]:
    """The people an import created or changed: where its new duplicates are."""
    changed = ImportChange.objects.filter(batch=batch, model="people.person").values_list(
        "object_id", flat=True
    )
    return {*batch.created.get("people.person", []), *changed}


def dismiss_duplicate(*, owner, first: Person, second: Person) -> None:
    if first.owner_id != owner.pk or second.owner_id != owner.pk:
        raise PermissionError("both persons must belong to the account")
    low, high = sorted((first, second), key=lambda person: person.pk)
    NotDuplicate.objects.get_or_create(owner=owner, first=low, second=high)
