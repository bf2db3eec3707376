"""Indexed people search: SQLite FTS5 or PostgreSQL full-text, prefix-matching every word.

30,000 contacts must search instantly, so search never scans ``search_text`` with LIKE; the
index is an FTS5 table kept by triggers (SQLite, migration people/0002) or a stored generated
tsvector column with a GIN index (PostgreSQL, people/0003), both fed from ``Person.search_text``.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import BooleanField, QuerySet
from django.db.models.expressions import RawSQL

from vernetzt.core.text import fold, words
from vernetzt.people.models import Person


def query_words(query: str) -> list[str]:
    return words(query)[:8]


def search_people(queryset: QuerySet[Person], query: str) -> QuerySet[Person]:
    """Narrow an (already owner-scoped) queryset to persons matching every word of ``query`` as a
    prefix of a name, organization, title, city or e-mail word."""
    terms = query_words(query)
    if not terms:
        return queryset
    if connection.vendor == "sqlite":
        match = " AND ".join(f'"{term}"*' for term in terms)
        return queryset.filter(
            id__in=RawSQL("SELECT rowid FROM people_person_fts WHERE people_person_fts MATCH %s", [match])
        )
    if connection.vendor == "postgresql":
        tsquery = " & ".join(f"{term}:*" for term in terms)
        matches = RawSQL(
            "people_person.search_vector @@ to_tsquery('simple', %s)",
            [tsquery],
            output_field=BooleanField(),
        )
        return queryset.alias(search_match=matches).filter(search_match=True)
    for term in terms:
        queryset = queryset.filter(search_text__contains=fold(term))
    return queryset
