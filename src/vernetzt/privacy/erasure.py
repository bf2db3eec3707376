"""Forgetting a person for good (GDPR Art. 17), and keeping them forgotten.

``erase_person`` deletes the person and everything that points at them (found through the foreign keys,
as Django's delete cascades), the undo records of those rows, the preview lines of import jobs, the
news items about them, and the research pool files on disk; SQLite deletes with ``secure_delete`` and
the full-text index is merged afterwards, so not even the free pages of the database file keep their
name. What stays is an ``Erasure`` with keyed hashes (HMAC-SHA256) of their identifiers — normalized
e-mail addresses, LinkedIn/XING profile slugs, the folded name with each organization — so that an
import can recognise and skip them without anyone being able to read who it was.

The key lives in ``$VERNETZT_HOME/erasure.key`` (like ``sources.key``), never in the database: a
stolen database or backup cannot be tested against guessed names. The hashes are also appended to
``$VERNETZT_HOME/erasures.jsonl``, which a restore does not touch: ``reapply_erasures`` (called by every
restore) erases again whoever a restored older backup brings back.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import secrets
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import OperationalError, connection, router, transaction
from django.db.models.deletion import Collector
from django.utils import timezone

from vernetzt.accounts.audit import record
from vernetzt.core.text import fold, normalize_org_name, normalize_person_name
from vernetzt.people.models import Person, Position
from vernetzt.privacy.models import ErasedIdentifier, Erasure
from vernetzt.research.freshness import mark_pool_stale

log = logging.getLogger(__name__)

KEY_FILE = "erasure.key"
LOG_FILE = "erasures.jsonl"


def _home() -> Path:
    return Path(settings.CONFIG.home)


def erasure_key() -> bytes:
    path = _home() / KEY_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it a moment ago
            return path.read_bytes().strip()
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(secrets.token_hex(32).encode())
    return path.read_bytes().strip()


def identifiers_of(
    *, emails: Iterable[str], linkedin_slug: str, xing_slug: str, name: str, organizations: Iterable[str]
) -> set[str]:
    """The identifiers by which a person is recognised again (before hashing)."""
    found = {f"email:{email.strip().casefold()}" for email in emails if email.strip()}
    if linkedin_slug:
        found.add(f"linkedin:{linkedin_slug.casefold()}")
    if xing_slug:
        found.add(f"xing:{xing_slug.casefold()}")
    folded = normalize_person_name(name)
    if folded:
        orgs = {normalize_org_name(org) for org in organizations if org.strip()} or {""}
        found |= {f"name:{folded}|{org}" for org in orgs}
    return found


def digests_of(identifiers: Iterable[str], key: bytes) -> set[str]:
    return {hmac.new(key, text.encode(), hashlib.sha256).hexdigest() for text in identifiers}


def record_digests(values: dict[str, Any], key: bytes) -> set[str]:
    """The digests of an import's planned person (transfer.matching's columns). A record with a
    profile slug is known by it, as the importers match: two slugs are two people, even with the same
    name at the same organization — so then the name does not count."""
    has_profile = bool(values["linkedin_slug"] or values["xing_slug"])
    return digests_of(
        identifiers_of(
            emails=values["emails"],
            linkedin_slug=values["linkedin_slug"],
            xing_slug=values["xing_slug"],
            name="" if has_profile else values["display_name"],
            organizations=[values["organization_name"]],
        ),
        key,
    )


def person_digests(
    person: Person, key: bytes, *, organizations: Iterable[str] | None = None, matching: bool = False
) -> set[str]:
    """What an erasure keeps of ``person``; with ``matching``, what recognises them again (the name
    only without a profile slug, as in ``record_digests``). ``organizations``: the names of their
    employers (read from their positions when None)."""
    if organizations is None:
        organizations = person.positions.values_list("organization__name", flat=True)
    organizations = [person.organization_name, *organizations]
    found = identifiers_of(
        emails=person.emails,
        linkedin_slug=person.linkedin_slug,
        xing_slug=person.xing_slug,
        name="" if matching and (person.linkedin_slug or person.xing_slug) else person.display_name,
        organizations=[org for org in organizations if org],
    )
    return digests_of(found | {f"person:{person.pk}"}, key)


def erased_digests(owner) -> dict[str, date]:
    """Every erased digest of the account, with the day of its erasure (for the import report)."""
    rows = ErasedIdentifier.objects.for_user(owner).values_list("digest", "erasure__erased_on")
    return dict(rows.iterator(chunk_size=5000))


def account_key(owner) -> str:
    """Id and creation time: the same account after a restore, never another one with a reused id."""
    return f"{owner.pk}@{owner.date_joined.isoformat()}"


def _append_log(owner, day: date, digests: set[str]) -> None:
    line = {"account": account_key(owner), "erased_on": day.isoformat(), "digests": sorted(digests)}
    path = _home() / LOG_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(descriptor, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(line) + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def _doomed_rows(person: Person) -> set[tuple[str, int]]:
    """(model label, id) of the person and of every row their deletion takes with it."""
    collector = Collector(using=router.db_for_write(Person))
    collector.collect([person])
    rows = {(obj._meta.label_lower, obj.pk) for objs in collector.data.values() for obj in objs}
    for queryset in collector.fast_deletes:
        label = queryset.model._meta.label_lower
        rows |= {(label, pk) for pk in queryset.values_list("pk", flat=True)}
    return rows


def _forget_history(owner, person: Person, doomed: set[tuple[str, int]], texts: list[str]) -> None:
    """Undo records, batch lists and import job previews keep nothing of the person."""
    from vernetzt.transfer.models import ImportBatch, ImportChange, ImportJob

    changes = ImportChange.objects.for_user(owner)
    merges = set(
        changes.filter(
            model="people.person", object_id=person.pk, batch__kind=ImportBatch.Kind.MERGE
        ).values_list("batch_id", flat=True)
    )
    # A merge's record holds the whole merged-away twin and both names in its title: it goes whole.
    ImportBatch.objects.for_user(owner).filter(pk__in=merges).delete()
    by_model: dict[str, list[int]] = {}
    for label, pk in doomed:
        by_model.setdefault(label, []).append(pk)
    for label, ids in by_model.items():
        for start in range(0, len(ids), 5000):
            changes.filter(model=label, object_id__in=ids[start : start + 5000]).delete()
    for batch in ImportBatch.objects.for_user(owner).only("id", "created", "errors"):
        listed = (batch.created or {}).items()
        created = {label: [pk for pk in ids if (label, pk) not in doomed] for label, ids in listed}
        errors = [error for error in batch.errors or [] if not _mentions(error, texts)]
        if created != batch.created or errors != batch.errors:
            ImportBatch.objects.filter(pk=batch.pk).update(created=created, errors=errors)
    for job in ImportJob.objects.for_user(owner).only("id", "result"):
        result = job.result or {}
        cleaned = {
            key: [item for item in value if not _mentions(item, texts) and _other(item, person)]
            if isinstance(value, list)
            else value
            for key, value in result.items()
        }
        if cleaned != result:
            ImportJob.objects.filter(pk=job.pk).update(result=cleaned)


def _other(item: Any, person: Person) -> bool:
    return not (isinstance(item, dict) and item.get("person_id") == person.pk)


def _mentions(value: Any, texts: list[str]) -> bool:
    folded = fold(json.dumps(value, ensure_ascii=False))
    return any(text in folded for text in texts)


def _news_about(owner, person: Person) -> list[int]:
    """The news items matched to the person and to nobody else: they were about them, so they go."""
    from vernetzt.sources.models import Candidate

    candidates = Candidate.objects.for_user(owner)
    theirs = set(candidates.filter(person=person).values_list("item_id", flat=True))
    others = candidates.filter(item_id__in=theirs).exclude(person=person)
    shared = set(others.values_list("item_id", flat=True))
    return sorted(theirs - shared)


def _identifying_texts(person: Person) -> list[str]:
    names = [person.display_name, f"{person.first_name} {person.last_name}".strip(), *person.emails]
    return [fold(text) for text in dict.fromkeys(names) if len(text.strip()) >= 3]


def _remove_pool_files(owner) -> None:
    from vernetzt.research.pool_cache import cache_dir

    for path in cache_dir().glob(f"pool-{owner.pk}-*"):
        path.unlink(missing_ok=True)


def _compact_sqlite() -> None:
    """Merge the full-text index (deleted words stay in old segments until then) — run inside the
    erasure with secure_delete on, so the pages it frees are zeroed."""
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO people_person_fts(people_person_fts) VALUES ('optimize')")


def _rewrite_sqlite() -> None:
    """Rebuild the database file from its live rows (VACUUM), then write the WAL back and empty it.

    secure_delete zeroes what the erasure deletes, but not the copies earlier updates of the person left
    in free space inside pages, and the WAL still holds old page images; only a rebuild is sure. A
    database busy with another writer keeps its residue until the next erasure (logged)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("VACUUM")
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except OperationalError as error:
        log.warning("the database file could not be rebuilt after an erasure: %s", error)


def _set_secure_delete(on: bool) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA secure_delete = {'ON' if on else 'OFF'}")


def _erase(owner, person: Person, *, day: date, remember: bool) -> set[str]:
    key = erasure_key()
    digests = person_digests(person, key)
    texts = _identifying_texts(person)
    doomed = _doomed_rows(person)
    news = _news_about(owner, person)
    _forget_history(owner, person, doomed, texts)
    from vernetzt.journal.models import Benefit
    from vernetzt.sources.models import FeedItem

    # An introduction *to* the erased person names them in another person's history.
    Benefit.objects.for_user(owner).filter(introduce_to=person).delete()
    FeedItem.objects.for_user(owner).filter(pk__in=news).delete()
    person.delete()
    if remember:
        erasure = Erasure.objects.create(owner=owner, erased_on=day)
        ErasedIdentifier.objects.bulk_create(
            [ErasedIdentifier(owner=owner, erasure=erasure, digest=digest) for digest in sorted(digests)]
        )
    return digests


def erase_person(*, owner, person: Person) -> dict[str, int]:
    """Erase ``person`` of ``owner`` for good; returns ``{"erased": 1}``. The audit log notes that one
    person was erased, not who."""
    erased = _erase_all(owner, [person], remember=True)
    record(owner, "erasure", {"count": erased})
    return {"erased": erased}


def erase_people(*, owner, people: Iterable[Person]) -> int:
    """Erase many people without a trace as retention deletes them (Art. 5): everything about them goes
    (history, undo records, caches), but no digests are kept — they did not object, so a later import
    may bring them back. One database rebuild for all. Returns how many were erased."""
    return _erase_all(owner, list(people), remember=False)


def _erase_all(owner, people: list[Person], *, remember: bool) -> int:
    for person in people:
        if person.owner_id != owner.pk:
            raise PermissionError("the person belongs to another account")
        if person.is_me:
            raise ValueError("your own profile cannot be erased; delete the account instead")
    if not people:
        return 0
    sqlite = connection.vendor == "sqlite"
    day = timezone.localdate()
    if sqlite:
        _set_secure_delete(True)
    try:
        with transaction.atomic():
            digests: set[str] = set()
            for person in people:
                digests |= _erase(owner, person, day=day, remember=remember)
            if sqlite:
                _compact_sqlite()
            if remember:
                transaction.on_commit(lambda: _append_log(owner, day, digests))
    finally:
        if sqlite:
            _set_secure_delete(False)
    mark_pool_stale(owner)
    _remove_pool_files(owner)
    if sqlite and not connection.in_atomic_block:
        _rewrite_sqlite()
    return len(people)


def _read_log() -> list[dict[str, Any]]:
    path = _home() / LOG_FILE
    if not path.exists():
        return []
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            entry = json.loads(line)
            entries.append(
                {"account": str(entry["account"]), "erased_on": date.fromisoformat(entry["erased_on"]),
                 "digests": set(entry["digests"])}
            )  # fmt: skip
        except (ValueError, KeyError, TypeError):
            log.warning("%s line %d is not an erasure record; skipped", path, number)
    return entries


def reapply_erasures() -> int:
    """After a restore: erase again everyone the erasure log names whom the restored data brings back,
    and restore the erasure records made since the backup. Returns how many people were erased."""
    from vernetzt.accounts.models import User

    entries = _read_log()
    if not entries:
        return 0
    users = {account_key(user): user for user in User.objects.all()}
    key = erasure_key()
    erased = 0
    sqlite = connection.vendor == "sqlite"
    if sqlite:
        _set_secure_delete(True)
    try:
        with transaction.atomic():
            for account, owner in users.items():
                mine = [entry for entry in entries if entry["account"] == account]
                if not mine:
                    continue
                erased += _reapply_for(owner, mine, key)
            if sqlite and erased:
                _compact_sqlite()
    finally:
        if sqlite:
            _set_secure_delete(False)
    return erased


def _reapply_for(owner, entries: list[dict[str, Any]], key: bytes) -> int:
    known = set(ErasedIdentifier.objects.for_user(owner).values_list("digest", flat=True))
    for entry in entries:
        missing = entry["digests"] - known
        if missing:
            erasure = Erasure.objects.create(owner=owner, erased_on=entry["erased_on"])
            ErasedIdentifier.objects.bulk_create(
                [ErasedIdentifier(owner=owner, erasure=erasure, digest=d) for d in sorted(missing)]
            )
            known |= missing
    wanted = set().union(*(entry["digests"] for entry in entries))
    employers: dict[int, list[str]] = {}
    positions = Position.objects.for_user(owner).filter(organization__isnull=False)
    for person_id, name in positions.values_list("person_id", "organization__name").iterator(chunk_size=5000):
        employers.setdefault(person_id, []).append(name)
    people = Person.objects.for_user(owner).filter(is_me=False).iterator(chunk_size=2000)
    returned = [
        person for person in people
        if person_digests(person, key, organizations=employers.get(person.pk, []), matching=True) & wanted
    ]  # fmt: skip
    for person in returned:
        _erase(owner, person, day=timezone.localdate(), remember=False)
    erased = len(returned)
    if erased:
        transaction.on_commit(lambda: (mark_pool_stale(owner), _remove_pool_files(owner)))
    return erased
