"""Arbitrary people survive export → import unchanged, in vCard and in CSV."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st

from vernetzt.exporters.csv import write_contacts_csv
from vernetzt.exporters.vcard import render_vcards
from vernetzt.importers.contacts_csv import parse_contacts_csv
from vernetzt.importers.records import Birthday, ContactRecord, clean_text, compose_full_name
from vernetzt.importers.vcard import parse_vcards

# Any printable Unicode (quotes, separators, backslashes, emoji, RTL, combining marks) plus line breaks and
# tabs; control characters are dropped by clean_text on both sides and are covered by the fuzz tests.
_chars = st.characters(exclude_categories=("Cs", "Cc")) | st.sampled_from("\n\t\"';,:\\=+-@ ")
_text = st.text(_chars, max_size=40).map(clean_text)
_tricky = st.sampled_from(
    [
        '=HYPERLINK("http://x")',
        "+49 40 123",
        "-1",
        "@SUM(A1)",
        "'=x",
        "''+y",
        "a ::: b",
        "Weiß, Jürgen",
        "O'Neill",
        "C:\\temp\\n",
        "שלום עולם",
        "🚢 Hafen",
        "a;b\\;c",
        "\\",
    ]
)
_value = _text | _tricky
_slug = st.from_regex(r"[a-z0-9][a-z0-9-]{1,20}", fullmatch=True)
_email = st.from_regex(r"[a-z0-9._%+-]{1,12}@[a-z0-9-]{1,10}\.(de|com|vn)", fullmatch=True)
_birthday = st.builds(
    Birthday,
    month=st.integers(1, 12),
    day=st.integers(1, 28),
    year=st.none() | st.integers(1900, 2010),
) | st.just(Birthday(2, 29))


@st.composite
def records(draw):
    first, last = draw(_value), draw(_value)
    full = draw(_value) or compose_full_name(first, last) or "Nobody"
    return ContactRecord(
        line=0,
        source="export",
        first_name=first,
        last_name=last,
        full_name=full,
        emails=draw(st.lists(_email, max_size=3, unique=True)),
        phones=draw(
            st.lists(
                st.from_regex(r"\+?[0-9][0-9 ()/-]{3,15}[0-9]", fullmatch=True).map(clean_text),
                max_size=2,
                unique=True,
            )
        ),
        organization=draw(_value),
        department=draw(_value),
        title=draw(_value),
        city=draw(_value),
        country=draw(_value),
        linkedin_url=draw(st.just("") | _slug.map(lambda s: f"https://www.linkedin.com/in/{s}")),
        xing_url=draw(st.just("") | _slug.map(lambda s: f"https://www.xing.com/profile/{s.title()}")),
        other_urls=draw(st.lists(_slug.map(lambda s: f"https://example.com/{s}"), max_size=2, unique=True)),
        birthday=draw(st.none() | _birthday),
        notes=draw(_value),
        labels=draw(
            st.lists(
                _value.filter(lambda v: v and ":::" not in v and not v.startswith("* ")),
                max_size=3,
                unique=True,
            )
        ),
    )


def _comparable(record: ContactRecord) -> ContactRecord:
    record.line, record.source, record.source_key = 0, "export", ""
    return record


@settings(max_examples=150, deadline=None)
@given(st.lists(records(), min_size=1, max_size=4))
def test_vcard_round_trip(people):
    text = render_vcards(people)
    back = parse_vcards(text.encode("utf-8"), filename="export.vcf")
    assert back.errors == []
    assert [_comparable(r) for r in back.records] == people


@settings(max_examples=150, deadline=None)
@given(st.lists(records(), min_size=1, max_size=4))
def test_csv_round_trip(people):
    stream = io.StringIO(newline="")
    assert write_contacts_csv(people, stream) == len(people)
    back = parse_contacts_csv(stream.getvalue().encode("utf-8-sig"), filename="export.csv")
    assert back.format == "google" and back.errors == []
    assert [_comparable(r) for r in back.records] == people
