"""The user's place in their organization: whom they report to (the start of "network upward")."""

from __future__ import annotations

from django.db import transaction

from vernetzt.people.models import Person, Tie
from vernetzt.people.services import get_me


@transaction.atomic
def set_reports_to(*, owner, manager: Person | None) -> None:
    """Make ``manager`` the one person the user reports to (``None``: nobody). Needs a profile."""
    me = get_me(owner)
    if me is None:
        raise LookupError("set your own profile first")
    if manager is not None and (manager.owner_id != owner.pk or manager.pk == me.pk):
        raise PermissionError("the manager must be another person of this account")
    current = Tie.objects.for_user(owner).filter(from_person=me, kind=Tie.Kind.REPORTS_TO)
    if manager is not None and current.filter(to_person=manager).exists():
        current.exclude(to_person=manager).delete()
        return
    current.delete()
    if manager is not None:
        Tie.objects.create(
            owner=owner, from_person=me, to_person=manager, kind=Tie.Kind.REPORTS_TO, strength=4, source="me"
        )


def get_reports_to(owner) -> Person | None:
    me = get_me(owner)
    if me is None:
        return None
    tie = (
        Tie.objects.for_user(owner)
        .filter(from_person=me, kind=Tie.Kind.REPORTS_TO)
        .select_related("to_person")
        .order_by("id")
        .first()
    )
    return tie.to_person if tie else None
