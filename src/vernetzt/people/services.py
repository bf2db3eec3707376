"""Write paths for people, organizations and the user's own profile.

Web, API, CLI and importers all change people through these functions, so derived columns
(seniority, function, country, regions, search text) are always computed the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from vernetzt.core.places import place_of, resolve_country
from vernetzt.core.text import normalize_org_name, search_words
from vernetzt.core.titles import classify_title
from vernetzt.errors import DataError
from vernetzt.importers.records import is_linkedin_url, is_xing_url, slug_of
from vernetzt.people.models import (
    Education,
    LegalBasis,
    Organization,
    Person,
    PersonPhoto,
    Position,
    TitleOfAddress,
)
from vernetzt.people.organizations import guessed_industry
from vernetzt.people.provenance import source_entry
from vernetzt.people.reporting import remove_manager, set_manager
from vernetzt.validation import clean_web_url

EDITABLE_FIELDS = frozenset(
    {
        "first_name",
        "last_name",
        "display_name",
        "title_of_address",
        "academic_title",
        "emails",
        "phones",
        "linkedin_url",
        "xing_url",
        "birth_day",
        "birth_month",
        "birth_year",
        "city",
        "country",
        "languages",
        "interests",
        "associations",
        "expertise",
        "needs",
        "offers",
        "notes",
        "tier",
        "formality",
        "linkedin_connected",
        "xing_connected",
        "connected_on",
        "legal_basis",
        "purpose",
    }
)
ROLE_FIELDS = frozenset({"title", "organization_name"})


UNCHANGED = object()  # an optional argument that was not given


class PersonDataError(DataError):
    """A value for a person, their role or the profile that cannot be stored."""


def update_profile_slugs(person: Person) -> None:
    """The same slugs the importers compute, so a person typed in and the same person imported match."""
    person.linkedin_slug = slug_of(person.linkedin_url) if is_linkedin_url(person.linkedin_url) else ""
    person.xing_slug = slug_of(person.xing_url) if is_xing_url(person.xing_url) else ""


def compose_display_name(first_name: str, last_name: str, fallback: str = "") -> str:
    name = " ".join(part for part in (first_name.strip(), last_name.strip()) if part)
    return name or fallback.strip()


def get_or_create_organization(*, owner, name: str) -> Organization | None:
    name = name.strip()
    if not name:
        return None
    key = normalize_org_name(name)
    industry, source = guessed_industry(name)
    defaults = {"name": name, "industry": industry, "industry_source": source}
    organization, _ = Organization.objects.get_or_create(owner=owner, normalized_name=key, defaults=defaults)
    return organization


def _resolve_country_field(value: str) -> str:
    value = (value or "").strip()
    if not value:
        return ""
    code = resolve_country(value)
    if code is None:
        raise PersonDataError("country", f"unknown country {value!r}")
    return code


def refresh_derived(person: Person) -> None:
    """Recompute the denormalised columns from the person's own fields and current role."""
    role = classify_title(person.title)
    person.seniority, person.function = role.seniority, role.function
    place = place_of(city=person.city, country=person.country, title=person.title)
    if not person.country and place.country:
        person.country = place.country
    person.regions = sorted(place.regions)
    person.search_text = " ".join(
        search_words(
            " ".join(
                [person.display_name, person.organization_name, person.title, person.city, *person.emails]
            )
        )
    )


def _apply_fields(person: Person, fields: dict[str, Any]) -> set[str]:
    unknown = set(fields) - EDITABLE_FIELDS - ROLE_FIELDS
    if unknown:
        raise PersonDataError(sorted(unknown)[0], "not a field of a person")
    changed = set()
    if "country" in fields:
        fields = {**fields, "country": _resolve_country_field(fields["country"])}
    if "title_of_address" in fields or "academic_title" in fields:
        fields = {**fields, **_clean_address(fields)}
    for name in ("needs", "offers"):
        if name in fields:
            fields = {**fields, name: _clean_statements(name, fields[name])}
    if "legal_basis" in fields and fields["legal_basis"] not in LegalBasis.values:
        raise PersonDataError("legal_basis", f"use one of {', '.join(LegalBasis.values)}")
    if "purpose" in fields:
        fields = {**fields, "purpose": _clean_purpose(fields["purpose"])}
    for url_field in ("linkedin_url", "xing_url"):
        if url_field in fields:
            fields = {**fields, url_field: clean_web_url(fields[url_field], field=url_field)}
    for name, value in fields.items():
        if name in ROLE_FIELDS:
            continue
        if getattr(person, name) != value:
            setattr(person, name, value)
            changed.add(name)
    if {"linkedin_url", "xing_url"} & set(fields):
        update_profile_slugs(person)
    person.display_name = compose_display_name(person.first_name, person.last_name, person.display_name)
    if not person.display_name:
        raise PersonDataError("last_name", "a person needs a name")
    _validate_birthday(person)
    return changed


def _clean_address(fields: dict[str, Any]) -> dict[str, str]:
    """Frau/Herr (or nothing) and an academic title as a salutation uses it ("Dr.", "Prof. Dr.")."""
    cleaned = {}
    if "title_of_address" in fields:
        value = (fields["title_of_address"] or "").strip()
        if value not in TitleOfAddress.values:
            raise PersonDataError("title_of_address", f"use Frau, Herr or nothing, not {value!r}")
        cleaned["title_of_address"] = value
    if "academic_title" in fields:
        value = " ".join((fields["academic_title"] or "").split())
        if len(value) > 40 or "\x00" in value:
            raise PersonDataError("academic_title", "at most 40 characters, e.g. Dr. or Prof. Dr.")
        cleaned["academic_title"] = value
    return cleaned


MAX_STATEMENTS, MAX_STATEMENT_LENGTH = 20, 300


def _clean_purpose(value) -> str:
    if not isinstance(value, str):
        raise PersonDataError("purpose", "a text")
    value = " ".join(value.split())
    if len(value) > 300 or "\x00" in value:
        raise PersonDataError("purpose", "at most 300 characters")
    return value


def _clean_statements(name: str, values) -> list[str]:
    """What someone is looking for or offers: short texts, each at most once."""
    if isinstance(values, str) or not all(isinstance(value, str) for value in values or []):
        raise PersonDataError(name, "a list of texts")
    cleaned = list(dict.fromkeys(" ".join(value.split()) for value in values or [] if value.strip()))
    if len(cleaned) > MAX_STATEMENTS or any(len(v) > MAX_STATEMENT_LENGTH or "\x00" in v for v in cleaned):
        raise PersonDataError(name, f"at most {MAX_STATEMENTS} entries of {MAX_STATEMENT_LENGTH} characters")
    return cleaned


def _validate_birthday(person: Person) -> None:
    if (person.birth_day is None) != (person.birth_month is None):
        raise PersonDataError("birth_day", "give both day and month of the birthday")
    if person.birth_day is None:
        if person.birth_year is not None:
            raise PersonDataError("birth_year", "a birth year needs a day and month")
        return
    try:
        # 2000 is a leap year, so 29 February is valid without a year.
        date(person.birth_year or 2000, person.birth_month, person.birth_day)
    except (ValueError, TypeError) as error:
        raise PersonDataError("birth_day", "not a valid date") from error


@transaction.atomic
def set_current_role(*, person: Person, title: str, organization_name: str) -> None:
    """Make (title, organization) the person's current position, closing a different current one."""
    title, organization_name = title.strip(), organization_name.strip()
    if title == person.title and organization_name == person.organization_name:
        return
    organization = get_or_create_organization(owner=person.owner, name=organization_name)
    current = person.positions.filter(is_current=True).first() if person.pk else None
    if current and current.organization_id == (organization.pk if organization else None):
        current.title = title
        update_position_derived(current)
        current.save()
    else:
        if current:
            current.is_current = False
            current.end_date = current.end_date or timezone.localdate()
            current.save(update_fields=["is_current", "end_date"])
        if title or organization:
            position = Position(owner=person.owner, person=person, organization=organization, title=title)
            update_position_derived(position)
            position.save()
    person.title, person.organization_name = title, organization_name


def update_position_derived(position: Position) -> None:
    role = classify_title(position.title)
    position.seniority, position.function = role.seniority, role.function
    position.regions = sorted(place_of(city=position.location, title=position.title).regions)


@transaction.atomic
def create_person(*, owner, source: str = "manual", source_file: str = "", **fields: Any) -> Person:
    """``source``: where the data comes from (people.provenance), "manual" for typed in."""
    person = Person(owner=owner)
    _apply_fields(person, fields)
    person.sources = [source_entry(source, file=source_file)]
    person.save()
    set_current_role(
        person=person, title=fields.get("title", ""), organization_name=fields.get("organization_name", "")
    )
    refresh_derived(person)
    person.save()
    return person


@transaction.atomic
def update_person(*, person: Person, by_hand: bool = True, **fields: Any) -> Person:
    changed = _apply_fields(person, fields)
    if ROLE_FIELDS & set(fields):
        before = (person.title, person.organization_name)
        set_current_role(
            person=person,
            title=fields.get("title", person.title),
            organization_name=fields.get("organization_name", person.organization_name),
        )
        if before != (person.title, person.organization_name):
            changed |= {"title", "organization_name"}
    if by_hand and changed:
        person.edited_fields = sorted(set(person.edited_fields) | changed)
    refresh_derived(person)
    person.save()
    return person


def delete_person(*, person: Person) -> None:
    person.delete()


@transaction.atomic
def set_do_not_contact(*, person: Person, do_not_contact: bool) -> Person:
    """The person objected or asked not to be contacted (or withdrew that): from now on no draft,
    outreach task, digest line or suggestion reaches them. The day it was set is kept."""
    if person.do_not_contact != do_not_contact:
        person.do_not_contact = do_not_contact
        person.do_not_contact_on = timezone.localdate() if do_not_contact else None
        person.save(update_fields=["do_not_contact", "do_not_contact_on", "updated_at"])
    return person


def get_me(owner) -> Person | None:
    return Person.objects.for_user(owner).filter(is_me=True).first()


@transaction.atomic
def set_me(
    *,
    owner,
    title: str,
    organization: str,
    city: str = "",
    country: str = "",
    schools: Iterable[str] = (),
    interests: Iterable[str] = (),
    languages: Iterable[str] = (),
    associations: Iterable[str] = (),
    expertise: Iterable[str] = (),
    offers: Iterable[str] = (),
    reports_to: Person | object | None = UNCHANGED,
) -> Person:
    """The user's own profile is a Person row (``is_me``) so positions, schools and ties work for
    "me" exactly as for everyone else: commonalities and the reports-to chain need no special case.
    ``reports_to``: the user's manager, ``None`` for nobody; left out, the line stays as it is."""
    me = get_me(owner)
    name_fields = {"display_name": owner.get_full_name() or owner.get_username()}
    data = {
        "city": city,
        "country": country,
        "interests": list(interests),
        "languages": list(languages),
        "associations": list(associations),
        "expertise": list(expertise),
        "offers": list(offers),
    }
    if me is None:
        me = Person(owner=owner, is_me=True, tier="inner")
        _apply_fields(me, {**name_fields, **data})
        me.sources = [source_entry("me")]
        me.save()
    else:
        _apply_fields(me, data)
    set_current_role(person=me, title=title, organization_name=organization)
    schools = [s.strip() for s in schools if s.strip()]
    if schools:
        known = set(me.education.values_list("normalized_school", flat=True))
        for school in schools:
            key = normalize_org_name(school)
            if key not in known:
                Education.objects.create(owner=owner, person=me, school=school, normalized_school=key)
                known.add(key)
    refresh_derived(me)
    me.save()
    if reports_to is None:
        remove_manager(person=me)
    elif reports_to is not UNCHANGED:
        set_manager(person=me, manager=reports_to)
    return me


PHOTO_TYPES = ("image/jpeg", "image/png")
MAX_PHOTO_BYTES = 512 * 1024


def keep_photo(*, person: Person, data: bytes, media_type: str) -> PersonPhoto:
    """Keep ``data`` as the person's picture, replacing an earlier one (a new row, so its id is new and
    the address book's ETag changes)."""
    if media_type not in PHOTO_TYPES:
        raise DataError("photo", f"a photo must be one of {', '.join(PHOTO_TYPES)}")
    if not data or len(data) > MAX_PHOTO_BYTES:
        raise DataError("photo", f"a photo must have between 1 byte and {MAX_PHOTO_BYTES // 1024} KB")
    with transaction.atomic():
        PersonPhoto.objects.filter(person=person).delete()
        return PersonPhoto.objects.create(owner=person.owner, person=person, data=data, media_type=media_type)
