"""Provenance, legal basis, purpose and do-not-contact on the person (issue 14).

The old ``sources`` were bare words ("manual", "linkedin", "google", ...). Each becomes an entry
``{"kind", "file", "batch_id", "date"}``; where an import batch created or changed the person, the
batch's file, id and day are taken from it.
"""

from importlib import import_module

from django.db import migrations, models

# Adding NOT NULL columns makes SQLite copy the table, which drops the full-text triggers of 0002; they
# are created again (and the index rebuilt) after the new columns.
search_index = import_module("vernetzt.people.migrations.0002_search_index")

IMPORT_KINDS = {"linkedin", "vcard", "contacts", "attendees", "card"}
OLD_WORDS = {
    "google": "contacts",
    "google_legacy": "contacts",
    "outlook_en": "contacts",
    "outlook_de": "contacts",
    "csv": "contacts",
}


def _batches_by_person(apps):
    ImportBatch = apps.get_model("transfer", "ImportBatch")
    ImportChange = apps.get_model("transfer", "ImportChange")
    found: dict[int, list] = {}
    batches = {batch.pk: batch for batch in ImportBatch.objects.filter(kind__in=IMPORT_KINDS)}
    for batch in batches.values():
        for person_id in (batch.created or {}).get("people.person", []):
            found.setdefault(person_id, []).append(batch)
    changed = ImportChange.objects.filter(model="people.person", batch_id__in=list(batches))
    for person_id, batch_id in changed.values_list("object_id", "batch_id").iterator():
        found.setdefault(person_id, []).append(batches[batch_id])
    return found


def structure_sources(apps, schema_editor):
    Person = apps.get_model("people", "Person")
    batches = _batches_by_person(apps)
    for person in Person.objects.all().only("id", "sources", "created_at").iterator(chunk_size=2000):
        day = person.created_at.date().isoformat()
        entries = []
        for batch in sorted(batches.get(person.pk, []), key=lambda b: b.created_at):
            entry = {
                "kind": batch.kind,
                "file": batch.filename,
                "batch_id": batch.pk,
                "date": batch.created_at.date().isoformat(),
            }
            if (entry["kind"], entry["file"]) not in {(e["kind"], e["file"]) for e in entries}:
                entries.append(entry)
        kinds = {entry["kind"] for entry in entries}
        for word in person.sources or []:
            if isinstance(word, dict):
                entries.append(word)
                continue
            kind = OLD_WORDS.get(word, word)
            if kind not in kinds:
                entries.append({"kind": kind, "file": "", "batch_id": None, "date": day})
                kinds.add(kind)
        Person.objects.filter(pk=person.pk).update(sources=entries)


def flatten_sources(apps, schema_editor):
    Person = apps.get_model("people", "Person")
    for person in Person.objects.all().only("id", "sources").iterator(chunk_size=2000):
        words = list(dict.fromkeys(e["kind"] if isinstance(e, dict) else e for e in person.sources or []))
        Person.objects.filter(pk=person.pk).update(sources=words)


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0010_person_archived"),
        ("transfer", "0003_card_batches"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="legal_basis",
            field=models.CharField(
                choices=[
                    ("legitimate_interest", "Legitimate interest (Art. 6(1)(f))"),
                    ("consent", "Consent (Art. 6(1)(a))"),
                    ("contract", "Contract (Art. 6(1)(b))"),
                    ("other", "Other"),
                ],
                default="legitimate_interest",
                max_length=20,
                verbose_name="legal basis",
            ),
        ),
        migrations.AddField(
            model_name="person",
            name="purpose",
            field=models.CharField(
                blank=True,
                help_text="Why you keep this person's data; the goals they are part of are added by themselves.",
                max_length=300,
                verbose_name="purpose",
            ),
        ),
        migrations.AddField(
            model_name="person",
            name="do_not_contact",
            field=models.BooleanField(default=False, verbose_name="do not contact"),
        ),
        migrations.AddField(
            model_name="person",
            name="do_not_contact_on",
            field=models.DateField(blank=True, editable=False, null=True, verbose_name="do not contact since"),
        ),
        migrations.RunPython(
            search_index._run({"sqlite": search_index.SQLITE_FTS_SQL}), migrations.RunPython.noop
        ),
        migrations.RunPython(structure_sources, flatten_sources),
    ]
