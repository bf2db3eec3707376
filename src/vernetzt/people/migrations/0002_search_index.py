"""The full-text index behind people search (see vernetzt.people.search)."""

from django.db import migrations

SQLITE_FTS_SQL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS people_person_fts USING fts5("
    "search_text, content='people_person', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS people_person_fts_ai AFTER INSERT ON people_person BEGIN "
    "INSERT INTO people_person_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS people_person_fts_ad AFTER DELETE ON people_person BEGIN "
    "INSERT INTO people_person_fts(people_person_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS people_person_fts_au AFTER UPDATE OF search_text ON people_person BEGIN "
    "INSERT INTO people_person_fts(people_person_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO people_person_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "INSERT INTO people_person_fts(people_person_fts) VALUES ('rebuild')",
]
SQLITE_FTS_DROP_SQL = [
    "DROP TRIGGER IF EXISTS people_person_fts_ai",
    "DROP TRIGGER IF EXISTS people_person_fts_ad",
    "DROP TRIGGER IF EXISTS people_person_fts_au",
    "DROP TABLE IF EXISTS people_person_fts",
]
POSTGRES_FTS_SQL = [
    "CREATE INDEX IF NOT EXISTS people_person_search_gin ON people_person "
    "USING gin (to_tsvector('simple', search_text))",
]
POSTGRES_FTS_DROP_SQL = ["DROP INDEX IF EXISTS people_person_search_gin"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("people", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FTS_SQL, "postgresql": POSTGRES_FTS_SQL}),
            _run({"sqlite": SQLITE_FTS_DROP_SQL, "postgresql": POSTGRES_FTS_DROP_SQL}),
        )
    ]
