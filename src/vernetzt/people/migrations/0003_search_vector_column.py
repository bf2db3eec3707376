"""PostgreSQL: keep the search vector in a stored generated column.

With only an expression index, a plan that walks the name index to the first page recomputes
to_tsvector for every row it passes (~130 ms at 30,000 people); a stored vector makes that filter
cheap and lets the count use the GIN index. SQLite keeps its FTS5 table (0002)."""

from django.db import migrations

POSTGRES_SQL = [
    "DROP INDEX IF EXISTS people_person_search_gin",
    "ALTER TABLE people_person ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED",
    "CREATE INDEX people_person_search_vector_gin ON people_person USING gin (search_vector)",
]
POSTGRES_REVERSE_SQL = [
    "DROP INDEX IF EXISTS people_person_search_vector_gin",
    "ALTER TABLE people_person DROP COLUMN IF EXISTS search_vector",
    "CREATE INDEX IF NOT EXISTS people_person_search_gin ON people_person "
    "USING gin (to_tsvector('simple', search_text))",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("people", "0002_search_index")]

    operations = [migrations.RunPython(_run(POSTGRES_SQL), _run(POSTGRES_REVERSE_SQL))]
