"""LinkedIn's history files: messages and invitations as interactions, notes, and recommendations and
skill endorsements as the give-and-take ledger, joined by profile slug (or, where LinkedIn gives
none, by a name that is unambiguous in the network).

One interaction per person, conversation and day (a chat of fifty lines is one contact that day, not
fifty); re-importing finds the same (person, day, source, text) and adds nothing. A recommendation
is one delivered benefit, each endorsed skill another; re-importing adds none twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from vernetzt.core.text import normalize_person_name
from vernetzt.importers.linkedin import LinkedInExport
from vernetzt.journal.models import Benefit, Interaction
from vernetzt.transfer.matching import PersonIndex, PersonState
from vernetzt.transfer.recording import Recorder
from vernetzt.transfer.rows import insert_new

NOTE_LIMIT = 300
MESSAGE_SOURCE = "linkedin:message"
INVITATION_SOURCE = "linkedin:invitation"


@dataclass(eq=False)
class PlannedBenefit:
    state: PersonState
    direction: str
    description: str
    date: date | None


@dataclass(eq=False)
class PlannedInteraction:
    state: PersonState
    date: date
    notes: str
    source: str


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= NOTE_LIMIT else text[: NOTE_LIMIT - 1] + "…"


def plan_history(export: LinkedInExport, index: PersonIndex) -> list[PlannedInteraction]:
    """Only slugs of known persons count, and the user's own profile is never one of them."""
    planned: dict[tuple[int, str, date], PlannedInteraction] = {}
    for message in export.messages:
        for slug in {message.from_slug, *message.to_slugs} - {""}:
            state = index.by_linkedin.get(slug)
            if state is None:
                continue
            day = message.sent_at.date()
            key = (id(state), message.conversation_id, day)
            if key not in planned:
                text = message.subject or message.conversation_title or message.content
                planned[key] = PlannedInteraction(state, day, _short(text), MESSAGE_SOURCE)
    for invitation in export.invitations:
        slug = invitation.invitee_slug if invitation.direction == "OUTGOING" else invitation.inviter_slug
        state = index.by_linkedin.get(slug) if slug else None
        if state is not None:
            day = invitation.sent_at.date()
            planned.setdefault(
                (id(state), "invitation", day),
                PlannedInteraction(state, day, _short(invitation.message), INVITATION_SOURCE),
            )
    return list(planned.values())


def apply_notes(export: LinkedInExport, index: PersonIndex, *, overwrite_edits: bool) -> list[PersonState]:
    """Notes.csv texts appended to the persons' notes; returns the persons it touched."""
    touched = []
    for note in export.notes:
        state = _state_for(index, slug=note.slug, name=note.name)
        if state is None or ("notes" in state.values["edited_fields"] and not overwrite_edits):
            continue
        text = note.text.strip()
        if text and text not in state.values["notes"]:
            notes = state.values["notes"]
            state.values["notes"] = f"{notes}\n\n{text}" if notes else text
        touched.append(state)
    return touched


def note_last_contact(planned: list[PlannedInteraction]) -> list[PersonState]:
    touched = []
    for item in planned:
        last = item.state.values["last_contact_on"]
        if last is None or item.date > last:
            item.state.values["last_contact_on"] = item.date
        touched.append(item.state)
    return touched


def drop_known(owner, planned: list[PlannedInteraction]) -> list[PlannedInteraction]:
    ids = {item.state.person_id for item in planned if item.state.person_id is not None}
    known = set()
    if ids:
        rows = Interaction.objects.for_user(owner).filter(source__startswith="linkedin:")
        known = {
            (person_id, day, source, notes)
            for person_id, day, source, notes in rows.values_list("person_id", "date", "source", "notes")
            if person_id in ids
        }
    return [
        item for item in planned if (item.state.person_id, item.date, item.source, item.notes) not in known
    ]


def write_interactions(owner, planned: list[PlannedInteraction], recorder: Recorder) -> int:
    rows = [
        {
            "owner_id": owner.pk,
            "person_id": item.state.person_id,
            "kind": Interaction.Kind.MESSAGE,
            "date": item.date,
            "notes": item.notes,
            "source": item.source,
        }
        for item in planned
    ]
    recorder.record_created(Interaction, insert_new(Interaction, rows))
    return len(rows)


def _state_for(index: PersonIndex, *, slug: str, name: str) -> PersonState | None:
    state = index.by_linkedin.get(slug) if slug else None
    if state is None and name:
        found = index.by_name.get(normalize_person_name(name))
        state = found if isinstance(found, PersonState) else None
    return state


def plan_benefits(owner, export: LinkedInExport, index: PersonIndex, *, lang: str) -> list[PlannedBenefit]:
    """Recommendations and endorsements of known persons that the ledger does not hold yet."""
    planned: dict[tuple[int, str, str], PlannedBenefit] = {}
    for record in export.endorsements:
        state = _state_for(index, slug=record.slug, name=record.name)
        if state is None or state.person_id is None:
            continue
        direction = (
            Benefit.Direction.RECEIVED if record.direction == "received" else Benefit.Direction.OFFERED
        )
        description = _short(describe_endorsement(record.kind, record.direction, record.text, lang))[:500]
        planned.setdefault(
            (state.person_id, direction, description),
            PlannedBenefit(state, direction, description, record.date.date() if record.date else None),
        )
    if not planned:
        return []
    ids = {person_id for person_id, _, _ in planned}
    known = set(
        Benefit.objects.for_user(owner)
        .filter(person_id__in=ids, kind=Benefit.Kind.RECOMMENDATION)
        .values_list("person_id", "direction", "description")
    )
    return [item for key, item in planned.items() if key not in known]


def describe_endorsement(kind: str, direction: str, text: str, lang: str) -> str:
    if kind == "endorsement":
        if lang == "de":
            return f"LinkedIn: Kenntnis bestätigt – {text}"
        return f"LinkedIn: endorsed skill – {text}"
    label = "LinkedIn-Empfehlung" if lang == "de" else "LinkedIn recommendation"
    return f"{label}: {text}" if text else label


def write_benefits(owner, planned: list[PlannedBenefit], recorder: Recorder) -> int:
    rows = [
        {
            "owner_id": owner.pk,
            "person_id": item.state.person_id,
            "direction": item.direction,
            "kind": Benefit.Kind.RECOMMENDATION,
            "description": item.description,
            "status": Benefit.Status.DELIVERED,
            "date": item.date,
            "introduce_to_id": None,
        }
        for item in planned
    ]
    recorder.record_created(Benefit, insert_new(Benefit, rows))
    return len(rows)


def count_by_source(planned: list[PlannedInteraction]) -> dict[str, int]:
    """The report's counts of interactions read from messages.csv and Invitations.csv."""
    return {
        "interactions_from_messages": sum(1 for item in planned if item.source == MESSAGE_SOURCE),
        "interactions_from_invitations": sum(1 for item in planned if item.source == INVITATION_SOURCE),
    }
