"""Merging two records of one person: a side-by-side plan, then one batch that can be undone.

Everything that points at the person who goes (positions, education, interactions, snippets,
benefits, tasks, targets, attendances, ties, successes — found generically through the foreign keys,
so new kinds of history are covered too) is re-pointed to the person who stays. A row that cannot be
re-pointed because the kept person already has its twin (the same event attendance, the same goal
target) or because it would tie the person to themselves is removed and recorded, so undo puts it back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, models, transaction

from vernetzt.people.models import Person, Tier
from vernetzt.people.provenance import combine_sources, source_entry, with_source
from vernetzt.people.services import (
    EDITABLE_FIELDS,
    compose_display_name,
    refresh_derived,
    update_profile_slugs,
)
from vernetzt.research.freshness import mark_pool_stale
from vernetzt.transfer.models import ImportBatch
from vernetzt.transfer.recording import Recorder, update_rows
from vernetzt.transfer.rows import row_of

LIST_FIELDS = ("emails", "phones", "languages", "interests", "associations", "expertise")
GROUPS: dict[str, tuple[str, ...]] = {
    "birthday": ("birth_day", "birth_month", "birth_year"),
    "role": ("title", "organization_name"),
}
SINGLE_FIELDS = tuple(
    sorted(EDITABLE_FIELDS - set(LIST_FIELDS) - {"birth_day", "birth_month", "birth_year", "display_name"})
)
TIER_ORDER = [Tier.INNER, Tier.KEY, Tier.DEVELOPING, Tier.NEW, Tier.SECONDARY, Tier.POOL]


@dataclass
class FieldChoice:
    name: str  # a field name, or a group ("birthday", "role")
    keep_value: Any
    other_value: Any
    chosen: str  # "keep" | "other" | "both"
    options: tuple[str, ...]


@dataclass
class MergePlan:
    keep: Person
    other: Person
    fields: list[FieldChoice] = field(default_factory=list)
    moved: dict[str, int] = field(default_factory=dict)  # model label → rows re-pointed

    def as_dict(self) -> dict[str, Any]:
        return {
            "keep_id": self.keep.pk,
            "other_id": self.other.pk,
            "fields": [
                {"field": c.name, "keep": c.keep_value, "other": c.other_value, "chosen": c.chosen}
                for c in self.fields
            ],
            "moved": self.moved,
        }


def _empty(value: Any) -> bool:
    return value in ("", None, [], False)


def _value(person: Person, name: str) -> Any:
    if name in GROUPS:
        return [getattr(person, part) for part in GROUPS[name]]
    return getattr(person, name)


def _default(name: str, keep: Person, other: Person) -> str:
    a, b = _value(keep, name), _value(other, name)
    if name in LIST_FIELDS or name == "notes":
        return "both" if not _empty(a) and not _empty(b) else ("keep" if not _empty(a) else "other")
    if name == "birthday":
        return "keep" if keep.birth_day else "other"
    if name == "tier":
        return "keep" if TIER_ORDER.index(a) <= TIER_ORDER.index(b) else "other"
    if name in ("linkedin_connected", "xing_connected"):
        return "keep" if a else "other"
    if _empty(a) or _empty(b):
        return "keep" if not _empty(a) else "other"
    if name == "role" and all(_empty(part) for part in a):
        return "other"
    return "keep" if keep.updated_at >= other.updated_at else "other"


def plan_merge(*, owner, keep: Person, other: Person, choices: dict[str, str] | None = None) -> MergePlan:
    """What merging ``other`` into ``keep`` would do; ``choices`` overrides the default per field."""
    if keep.owner_id != owner.pk or other.owner_id != owner.pk:
        raise PermissionError("both persons must belong to the account")
    if keep.pk == other.pk:
        raise ValueError("a person cannot be merged with themselves")
    if keep.is_me or other.is_me:
        raise ValueError("your own profile cannot be merged; edit it instead")
    choices = choices or {}
    plan = MergePlan(keep=keep, other=other)
    for name in ("first_name", "last_name", *SINGLE_FIELDS, *GROUPS, *LIST_FIELDS):
        a, b = _value(keep, name), _value(other, name)
        if a == b:
            continue
        both = name in LIST_FIELDS or name == "notes"
        options = ("keep", "other", "both") if both else ("keep", "other")
        chosen = choices.get(name) or _default(name, keep, other)
        if chosen not in options:
            raise ValueError(f"{name}: choose one of {', '.join(options)}")
        plan.fields.append(FieldChoice(name, a, b, chosen, options))
    for relation in person_relations():
        count = relation.related_model._base_manager.filter(**{relation.field.name: other}).count()
        if count:
            plan.moved[relation.related_model._meta.label_lower] = (
                plan.moved.get(relation.related_model._meta.label_lower, 0) + count
            )
    return plan


def person_relations() -> list[models.ForeignObjectRel]:
    """Every foreign key to Person in every app, including hidden ones (``related_name="+"``)."""
    return [
        relation
        for relation in Person._meta.get_fields(include_hidden=True)
        if isinstance(relation, models.ForeignObjectRel) and (relation.one_to_many or relation.one_to_one)
    ]


def _merged_values(plan: MergePlan) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for choice in plan.fields:
        if choice.chosen == "both" and choice.name in LIST_FIELDS:
            seen = {str(item).casefold() for item in choice.keep_value}
            extra = [item for item in choice.other_value if str(item).casefold() not in seen]
            result = [*choice.keep_value, *extra]
        elif choice.chosen == "both":
            result = f"{choice.keep_value}\n\n{choice.other_value}".strip()
        else:
            result = choice.keep_value if choice.chosen == "keep" else choice.other_value
        if choice.name in GROUPS:
            values.update(zip(GROUPS[choice.name], result, strict=True))
        else:
            values[choice.name] = result
    keep, other = plan.keep, plan.other
    values["sources"] = combine_sources(keep.sources, other.sources)
    # Either record's objection stands: merging must never make a person contactable again.
    values["do_not_contact"] = keep.do_not_contact or other.do_not_contact
    values["do_not_contact_on"] = keep.do_not_contact_on or other.do_not_contact_on
    values["edited_fields"] = sorted(set(keep.edited_fields) | set(other.edited_fields))
    contacts = [day for day in (keep.last_contact_on, other.last_contact_on) if day]
    values["last_contact_on"] = max(contacts) if contacts else None
    return values


@transaction.atomic
def merge_persons(
    *, owner, keep: Person, other: Person, choices: dict[str, str] | None = None
) -> tuple[MergePlan, int]:
    """Merge ``other`` into ``keep`` as one undoable batch; returns the plan and the batch id."""
    keep = Person.objects.select_for_update().get(pk=keep.pk, owner=owner)
    other = Person.objects.select_for_update().get(pk=other.pk, owner=owner)
    plan = plan_merge(owner=owner, keep=keep, other=other, choices=choices)
    batch = ImportBatch.objects.create(
        owner=owner, kind=ImportBatch.Kind.MERGE, filename=f"{other.display_name} → {keep.display_name}"[:500]
    )
    recorder = Recorder(batch)
    recorder.record_delete(Person, other.pk, row_of(other))
    for relation in person_relations():
        _repoint(relation, keep=keep, other=other, recorder=recorder)
    values = _merged_values(plan)
    values["sources"] = with_source(values["sources"], source_entry("merge", batch_id=batch.pk))
    before = row_of(keep)
    for name, value in values.items():
        setattr(keep, name, value)
    keep.display_name = compose_display_name(keep.first_name, keep.last_name, keep.display_name)
    update_profile_slugs(keep)
    refresh_derived(keep)
    after = row_of(keep)
    changed = [name for name in after if after[name] != before[name] and name != "updated_at"]
    recorder.record_update(Person, keep.pk, {n: before[n] for n in changed}, {n: after[n] for n in changed})
    Person.objects.filter(pk=other.pk).delete()
    update_rows(Person, [(keep.pk, {name: getattr(keep, name) for name in changed})])
    batch.counts = {"merged": 1, **plan.moved}
    recorder.save()
    transaction.on_commit(lambda: mark_pool_stale(owner))
    return plan, batch.pk


def _repoint(relation: models.ForeignObjectRel, *, keep: Person, other: Person, recorder: Recorder) -> None:
    model, fk = relation.related_model, relation.field
    for row in list(model._base_manager.filter(**{fk.name: other})):
        try:
            with transaction.atomic():
                model._base_manager.filter(pk=row.pk).update(**{fk.attname: keep.pk})
        except IntegrityError:
            recorder.record_delete(model, row.pk, row_of(row))
            model._base_manager.filter(pk=row.pk).delete()
            continue
        recorder.record_update(model, row.pk, {fk.attname: other.pk}, {fk.attname: keep.pk})
