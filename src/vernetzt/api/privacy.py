"""A person's privacy over the API: do-not-contact, legal basis and purpose, the complete record
(GDPR Art. 15) and erasure for good (Art. 17)."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from vernetzt.api.fields import Id, model_field
from vernetzt.api.schemas import Error, InputSchema, PersonOut
from vernetzt.people.models import Person
from vernetzt.people.services import set_do_not_contact, update_person
from vernetzt.privacy.access import access_record
from vernetzt.privacy.erasure import erase_person

router = Router(tags=["privacy"])


class PrivacyIn(InputSchema):
    do_not_contact: bool | None = None
    legal_basis: model_field(Person, "legal_basis") | None = None
    purpose: model_field(Person, "purpose") | None = None


class ErasedOut(Schema):
    erased: int


def _person(request, person_id: int) -> Person:
    return get_object_or_404(Person.objects.for_user(request.auth).filter(is_me=False), pk=person_id)


@router.patch("/people/{person_id}/privacy", response={200: PersonOut, 404: Error, 422: Error})
def patch_privacy(request, person_id: Id, payload: PrivacyIn):
    """Set the do-not-contact flag (the person objected), the legal basis or the purpose."""
    person = _person(request, person_id)
    sent = {name: value for name, value in payload.dict(exclude_unset=True).items() if value is not None}
    fields = {name: sent[name] for name in ("legal_basis", "purpose") if name in sent}
    if fields:
        update_person(person=person, **fields)
    if "do_not_contact" in sent:
        set_do_not_contact(person=person, do_not_contact=sent["do_not_contact"])
    return person


@router.get("/people/{person_id}/record", response={200: dict[str, Any], 404: Error})
def get_record(request, person_id: Id):
    """Everything stored about the person, as ``vernetzt person export`` writes it."""
    return access_record(_person(request, person_id))


@router.post("/people/{person_id}/erase", response={200: ErasedOut, 404: Error})
def post_erase(request, person_id: Id):
    """Erase the person for good; later imports skip them ("skipped: erased on …")."""
    return erase_person(owner=request.auth, person=_person(request, person_id))
