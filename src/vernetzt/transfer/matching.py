"""Which existing person a record describes, and what the record would change about them.

Everyone of the account is loaded once into plain dicts and indexed by LinkedIn slug, XING slug,
e-mail, name + organization and name, so matching 30,000 rows costs dictionary look-ups, never
queries. Persons planned earlier in the same file are indexed the same way, so a file that lists a
person twice yields one person.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from vernetzt.core.duplicates import domain_names, work_domains
from vernetzt.core.places import resolve_country
from vernetzt.core.text import normalize_org_name, normalize_person_name
from vernetzt.importers.records import ContactRecord, slug_of
from vernetzt.people.models import Person
from vernetzt.people.provenance import with_source
from vernetzt.people.services import compose_display_name

# The columns an import reads and may write; derived ones follow from the others (refresh_derived).
PERSON_COLUMNS = (
    "first_name",
    "last_name",
    "display_name",
    "title_of_address",
    "academic_title",
    "emails",
    "phones",
    "linkedin_url",
    "linkedin_slug",
    "xing_url",
    "xing_slug",
    "birth_day",
    "birth_month",
    "birth_year",
    "city",
    "country",
    "regions",
    "notes",
    "linkedin_connected",
    "connected_on",
    "sources",
    "edited_fields",
    "title",
    "organization_name",
    "seniority",
    "function",
    "search_text",
    "last_contact_on",
)
# Scalar fields a record fills; "keep non-empty, newest source wins" unless edited by hand.
SCALAR_FIELDS = (
    "first_name", "last_name", "title_of_address", "academic_title", "linkedin_url", "xing_url", "city",
    "country", "connected_on",
)
_AMBIGUOUS = object()


@dataclass(eq=False)
class PersonState:
    """A person as the import would leave them; ``original`` is None for a person it creates."""

    values: dict[str, Any]
    person_id: int | None = None
    original: dict[str, Any] | None = None
    lines: list[int] = field(default_factory=list)
    department: str = ""

    @property
    def is_new(self) -> bool:
        return self.original is None

    def changed_fields(self) -> list[str]:
        if self.original is None:
            return []
        return [name for name, value in self.values.items() if self.original[name] != value]


def empty_values() -> dict[str, Any]:
    values: dict[str, Any] = {name: "" for name in PERSON_COLUMNS}
    values.update(
        emails=[],
        phones=[],
        regions=[],
        sources=[],
        edited_fields=[],
        birth_day=None,
        birth_month=None,
        birth_year=None,
        connected_on=None,
        last_contact_on=None,
        linkedin_connected=False,
    )
    return values


def name_key(values: dict[str, Any]) -> str:
    return normalize_person_name(values["display_name"])


class PersonIndex:
    def __init__(self) -> None:
        self.by_linkedin: dict[str, PersonState] = {}
        self.by_xing: dict[str, PersonState] = {}
        self.by_email: dict[str, PersonState] = {}
        self.by_name_org: dict[tuple[str, str], Any] = {}
        self.by_name: dict[str, Any] = {}
        self.namesakes: dict[str, list[PersonState]] = {}  # everyone under one name key, to tell apart
        self.states: list[PersonState] = []
        self.orgs_of_domain: dict[str, set[str]] = {}  # work e-mail domain -> organizations seen with it
        self._org_keys: dict[str, str] = {}

    def org_key(self, name: str) -> str:
        key = self._org_keys.get(name)
        if key is None:
            key = self._org_keys[name] = normalize_org_name(name) if name else ""
        return key

    def add(self, state: PersonState) -> None:
        self.states.append(state)
        self.reindex(state)

    def reindex(self, state: PersonState) -> None:
        values = state.values
        if values["linkedin_slug"]:
            self.by_linkedin.setdefault(values["linkedin_slug"], state)
        if values["xing_slug"]:
            self.by_xing.setdefault(values["xing_slug"].casefold(), state)
        for email in values["emails"]:
            self.by_email.setdefault(email.casefold(), state)
        if values["organization_name"] and values["emails"]:
            org = self.org_key(values["organization_name"])
            for domain in work_domains(values["emails"]):
                self.orgs_of_domain.setdefault(domain, set()).add(org)
        key = name_key(values)
        if key:
            pair = (key, self.org_key(values["organization_name"]))
            if self.by_name_org.get(pair, state) is not state:
                self.by_name_org[pair] = _AMBIGUOUS
            else:
                self.by_name_org[pair] = state
            if self.by_name.get(key, state) is not state:
                self.by_name[key] = _AMBIGUOUS
            else:
                self.by_name[key] = state
            namesakes = self.namesakes.setdefault(key, [])
            if state not in namesakes:
                namesakes.append(state)

    def find(self, record: ContactRecord, values: dict[str, Any]) -> PersonState | None:
        """Strong keys first (profile slugs, e-mail); a name only when nothing contradicts it."""
        slug, xing = values["linkedin_slug"], values["xing_slug"].casefold()
        candidates = [self.by_linkedin.get(slug) if slug else None, self.by_xing.get(xing) if xing else None]
        candidates += [self.by_email.get(email.casefold()) for email in values["emails"]]
        for candidate in candidates:
            if candidate is not None and _compatible(candidate.values, values):
                return candidate
        key = name_key(values)
        if not key:
            return None
        org = self.org_key(values["organization_name"])
        found = self.by_name_org.get((key, org))
        if found is None and not org:
            found = self.by_name.get(key)
        if found is _AMBIGUOUS:
            found = self._told_apart(key, org, values)
        if found is None or not _compatible(found.values, values):
            return None
        if (
            org
            and found.values["organization_name"]
            and self.org_key(found.values["organization_name"]) != org
        ):
            return None
        if self._name_contradicted(found.values, values):
            return None
        return found

    def _told_apart(self, key: str, org: str, incoming: dict[str, Any]) -> PersonState | None:
        """The one namesake the record agrees with (same Anrede or work domain) while its evidence
        contradicts all the others — so Frau and Herr Kim Wagner, kept apart, are found again by a
        re-import of the same file. Without such evidence a shared name stays ambiguous."""
        fitting = [
            state
            for state in self.namesakes[key]
            if (not org or self.org_key(state.values["organization_name"]) == org)
            and _compatible(state.values, incoming)
            and not self._name_contradicted(state.values, incoming)
        ]
        if len(fitting) != 1:
            return None
        known = fitting[0].values
        same_address = (
            bool(incoming["title_of_address"]) and known["title_of_address"] == incoming["title_of_address"]
        )
        if same_address or work_domains(known["emails"]) & work_domains(incoming["emails"]):
            return fitting[0]
        return None

    def _name_contradicted(self, known: dict[str, Any], incoming: dict[str, Any]) -> bool:
        """Whether the rest of the record says a namesake is someone else.

        Many people share a name, and a wrong merge is silent: the second person's e-mail, phone and
        history end up on the first, and nobody sees two people anymore. A missed match only leaves a
        pair for the duplicate scan, where the user decides. So a match by name alone is refused on
        contradicting evidence: Frau against Herr; work e-mails at different domains; or, where only
        one side names an organization, a work e-mail whose domain neither spells it nor was seen
        with it (it names another employer, e.g. a card without organization but with an address at
        another company)."""
        addresses = {known["title_of_address"], incoming["title_of_address"]}
        if addresses == {"Frau", "Herr"}:
            return True
        known_org = self.org_key(known["organization_name"])
        incoming_org = self.org_key(incoming["organization_name"])
        if known_org and known_org == incoming_org:
            return False  # same name at the same organization: one person
        known_domains, incoming_domains = work_domains(known["emails"]), work_domains(incoming["emails"])
        if known_domains and incoming_domains:
            return not known_domains & incoming_domains
        domains, org = (incoming_domains, known_org) if incoming_domains else (known_domains, incoming_org)
        if not (domains and org):
            return False
        return not any(
            domain_names(domain, org) or org in self.orgs_of_domain.get(domain, ()) for domain in domains
        )


def _compatible(known: dict[str, Any], incoming: dict[str, Any]) -> bool:
    """Two different profile slugs of one network mean two different people."""
    for column in ("linkedin_slug", "xing_slug"):
        if known[column] and incoming[column] and known[column].casefold() != incoming[column].casefold():
            return False
    return True


def load_states(owner) -> PersonIndex:
    index = PersonIndex()
    rows = Person.objects.for_user(owner).filter(is_me=False).values_list("id", *PERSON_COLUMNS)
    for row in rows.iterator(chunk_size=5000):
        values = dict(zip(PERSON_COLUMNS, row[1:], strict=True))
        index.add(PersonState(values=values, person_id=row[0], original=dict(values)))
    return index


def record_values(record: ContactRecord, *, country_cache: dict[str, str]) -> dict[str, Any]:
    """What a record says about a person, in Person's columns (empty = the record does not know)."""
    values = empty_values()
    values.update(
        first_name=record.first_name.strip(),
        last_name=record.last_name.strip(),
        title_of_address=record.title_of_address,
        academic_title=record.academic_title,
        display_name=compose_display_name(record.first_name, record.last_name, record.full_name),
        emails=list(record.emails),
        phones=list(record.phones),
        linkedin_url=record.linkedin_url,
        linkedin_slug=slug_of(record.linkedin_url) if record.linkedin_url else "",
        xing_url=record.xing_url,
        xing_slug=slug_of(record.xing_url) if record.xing_url else "",
        city=record.city.strip(),
        notes=record.notes.strip(),
        connected_on=record.connected_on,
        title=record.title.strip(),
        organization_name=record.organization.strip(),
    )
    if record.country:
        code = country_cache.get(record.country)
        if code is None:
            code = country_cache[record.country] = resolve_country(record.country) or ""
        values["country"] = code
    if record.birthday is not None:
        values.update(
            birth_day=record.birthday.day, birth_month=record.birthday.month, birth_year=record.birthday.year
        )
    return values


def merge_values(
    state: PersonState, incoming: dict[str, Any], *, source: dict, overwrite_edits: bool
) -> None:
    """Fold what a record says into ``state``: non-empty values win, lists grow, notes are appended;
    fields the user edited by hand stay unless ``overwrite_edits``."""
    values = state.values
    locked = set() if overwrite_edits else set(values["edited_fields"])
    for name in SCALAR_FIELDS:
        new = incoming[name]
        if new not in ("", None) and name not in locked and values[name] != new:
            values[name] = new
    if "linkedin_url" not in locked and incoming["linkedin_url"]:
        values["linkedin_slug"] = incoming["linkedin_slug"]
    if "xing_url" not in locked and incoming["xing_url"]:
        values["xing_slug"] = incoming["xing_slug"]
    if "display_name" not in locked and incoming["display_name"]:
        values["display_name"] = compose_display_name(
            values["first_name"], values["last_name"], incoming["display_name"]
        )
    for name in ("emails", "phones"):
        if name not in locked:
            _extend(values, name, incoming[name])
    if incoming["notes"] and "notes" not in locked and incoming["notes"] not in values["notes"]:
        values["notes"] = (
            f"{values['notes']}\n\n{incoming['notes']}" if values["notes"] else incoming["notes"]
        )
    if incoming["birth_day"] is not None and "birth_day" not in locked:
        birthday = (incoming["birth_day"], incoming["birth_month"])
        year = incoming["birth_year"]
        if birthday == (values["birth_day"], values["birth_month"]) and year is None:
            year = values["birth_year"]  # a source without the year does not erase a known one
        values.update(birth_day=birthday[0], birth_month=birthday[1], birth_year=year)
    if incoming["linkedin_connected"]:
        values["linkedin_connected"] = True
    values["sources"] = with_source(values["sources"], source)
    _merge_role(state, incoming, locked)


def _extend(values: dict[str, Any], name: str, items: list[str]) -> None:
    known = {item.casefold() for item in values[name]}
    added = [item for item in items if item.casefold() not in known]
    if added:
        values[name] = [*values[name], *added]


def _merge_role(state: PersonState, incoming: dict[str, Any], locked: set[str]) -> None:
    if locked & {"title", "organization_name"}:
        return
    values = state.values
    title, organization = incoming["title"], incoming["organization_name"]
    if not (title or organization):
        return
    same_org = not organization or normalize_org_name(organization) == normalize_org_name(
        values["organization_name"]
    )
    if same_org:
        values["title"] = title or values["title"]
        values["organization_name"] = values["organization_name"] or organization
    else:
        values["title"], values["organization_name"] = title, organization
