"""What the address book holds: the chosen people as vCards, with ETags and a collection tag.

Reads only. The ETag of a card is a hash of what it says (the same for vCard 3.0 and 4.0, so a
client that lists in one version and fetches in the other sees no phantom change); the collection's
tag (getctag, sync-token) is a hash over the members' ETags, so it changes exactly when a card is
added, changed or leaves the book.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q, QuerySet
from django.utils import formats, translation
from django.utils.translation import gettext as _

from vernetzt.carddav.models import AddressBookSettings
from vernetzt.events.models import Attendance
from vernetzt.goals.models import Goal, Target
from vernetzt.importers.records import ContactRecord, Photo
from vernetzt.journal.models import Interaction
from vernetzt.people.models import Person, PersonPhoto, Tier
from vernetzt.transfer.exports import person_record

SCOPES = ("relationships", "pipelines", "must_meet", "connections", "everyone")
MUST_MEET_PAST_DAYS = 30
_UID_NAMESPACE = uuid.UUID("6b3f0c7e-2f4e-4a8b-9d61-0c5a7e1f2b90")


def address_book_settings(owner) -> AddressBookSettings:
    """The account's choice, or the defaults (unsaved: reading the book never writes)."""
    return AddressBookSettings.objects.for_user(owner).first() or AddressBookSettings(owner=owner)


def book_people(owner, *, today: date) -> QuerySet[Person]:
    chosen = address_book_settings(owner)
    people = Person.objects.for_user(owner).filter(is_me=False)
    if chosen.everyone:
        return people
    parts = []
    if chosen.relationships:
        parts.append(~Q(tier=Tier.POOL) | Q(last_contact_on__isnull=False))
    if chosen.connections:
        parts.append(Q(linkedin_connected=True) | Q(xing_connected=True))
    if chosen.pipelines:
        open_goals = [Goal.Status.ACTIVE, Goal.Status.PAUSED]
        targets = Target.objects.for_user(owner).filter(goal__status__in=open_goals)
        parts.append(Q(pk__in=targets.values("person_id")))
    if chosen.must_meet:
        recent = Q(event__starts_on__isnull=True) | Q(
            event__starts_on__gte=today - timedelta(days=MUST_MEET_PAST_DAYS)
        )
        must_meet = Attendance.objects.for_user(owner).filter(recent, must_meet=True)
        parts.append(Q(pk__in=must_meet.values("person_id")))
    if not parts:
        return people.none()
    condition = parts[0]
    for part in parts[1:]:
        condition |= part
    return people.filter(condition)


@dataclass(frozen=True)
class Card:
    person_id: int
    record: ContactRecord
    etag: str

    @property
    def name(self) -> str:
        """The resource's name inside the address book collection."""
        return f"{self.person_id}.vcf"


def card_uid(owner, person_id: int) -> str:
    """Stable across restarts and restores (ids are kept), different for every account."""
    return str(uuid.uuid5(_UID_NAMESPACE, f"{owner.pk}:{person_id}"))


def _last_encounters(owner, person_ids: list[int], lang: str) -> dict[int, str]:
    latest: dict[int, str] = {}
    rows = (
        Interaction.objects.for_user(owner)
        .filter(person_id__in=person_ids)
        .order_by("person_id", "-date", "-id")
        .values_list("person_id", "kind", "date", "event__name")
    )
    with translation.override(lang):
        kinds = dict(Interaction.Kind.choices)
        for person_id, kind, day, event_name in rows.iterator(chunk_size=2000):
            if person_id in latest:
                continue
            what = str(kinds.get(kind, kind))
            if event_name:
                what = _("%(what)s (%(event)s)") % {"what": what, "event": event_name}
            latest[person_id] = _("Last encounter: %(date)s, %(what)s") % {
                "date": formats.date_format(day, "DATE_FORMAT"),
                "what": what,
            }
    return latest


def _etag(record: ContactRecord, photo_key: str) -> str:
    fields = dataclasses.asdict(dataclasses.replace(record, photo=None))
    text = json.dumps(fields, sort_keys=True, default=str, ensure_ascii=False) + photo_key
    return '"' + hashlib.sha256(text.encode("utf-8")).hexdigest()[:32] + '"'


def load_cards(
    owner, *, today: date, lang: str, person_ids: list[int] | None = None, with_photos: bool = False
) -> list[Card]:
    """The cards of the book (or of those of ``person_ids`` that are in it), ordered by id."""
    people = book_people(owner, today=today).order_by("pk")
    if person_ids is not None:
        people = people.filter(pk__in=person_ids)
    people = list(people)
    ids = [person.pk for person in people]
    encounters = _last_encounters(owner, ids, lang)
    photos = PersonPhoto.objects.for_user(owner).filter(person_id__in=ids)
    # A replaced photo is a new row (people.services.keep_photo), so its id tells versions apart.
    photo_keys = {person_id: f"photo{pk}" for person_id, pk in photos.values_list("person_id", "pk")}
    data = {}
    if with_photos:
        data = {
            person_id: Photo(data=bytes(blob), media_type=kind)
            for person_id, blob, kind in photos.values_list("person_id", "data", "media_type")
        }
    cards = []
    for person in people:
        record = person_record(person)
        record.uid = card_uid(owner, person.pk)
        record.notes = "\n".join(text for text in (encounters.get(person.pk, ""), record.notes) if text)
        etag = _etag(record, photo_keys.get(person.pk, ""))
        record.photo = data.get(person.pk)
        cards.append(Card(person_id=person.pk, record=record, etag=etag))
    return cards


def collection_tag(cards: list[Card]) -> str:
    digest = hashlib.sha256("".join(f"{card.person_id}{card.etag}" for card in cards).encode("ascii"))
    return digest.hexdigest()[:32]
