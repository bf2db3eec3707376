"""Organizations: their industry (set by the user in one click, from data a source gives, or guessed
from the name) and the lists to find one by.

The industry sits on the organization, so setting it once tags everybody who works or worked there:
the ranking reads it through their positions.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from vernetzt.core.industries import (
    INDUSTRIES,
    SOURCE_NAME,
    SOURCE_USER,
    industry_in_name,
    industry_name,
    outranks,
    resolve_industry,
    stored_code,
)
from vernetzt.core.text import fold
from vernetzt.errors import DataError
from vernetzt.people.models import Organization, Person


class OrganizationDataError(DataError):
    """An industry or organization the user named that cannot be used."""


@dataclass(frozen=True)
class OrganizationSummary:
    organization_id: int
    name: str
    industry: int | None  # a code of core/data/industries.tsv
    industry_source: str
    people: int  # with a current position there

    def as_json(self, lang: str) -> dict:
        return {
            "organization_id": self.organization_id,
            "name": self.name,
            "industry": industry_name(self.industry, lang) if self.industry is not None else None,
            "industry_code": self.industry,
            "industry_source": self.industry_source or None,
            "people": self.people,
        }


def guessed_industry(name: str) -> tuple[str, str]:
    """(industry, industry_source) for a new organization called ``name``: what its name tells."""
    code = industry_in_name(name)
    return (str(code), SOURCE_NAME) if code is not None else ("", "")


def industry_of(organization: Organization) -> int | None:
    code = stored_code(organization.industry)
    return code if code >= 0 else None


def parse_industry(text: str) -> int:
    """The industry a user named (code, German or English name, a word like "Spedition")."""
    code = resolve_industry(text)
    if code is None or code not in INDUSTRIES:
        raise OrganizationDataError(
            "industry",
            _("unknown industry %(name)r (vernetzt org industries lists them)") % {"name": text},
        )
    return code


def set_industry(
    *, organization: Organization, industry: str | int | None, source: str = SOURCE_USER
) -> bool:
    """Set (or with ``None``/"" clear) the organization's industry; True if it changed. A source weaker
    than the current one (a name guess over the user's choice) changes nothing."""
    if not outranks(source, organization.industry_source):
        return False
    if industry in (None, ""):
        code_text, source = "", ("" if source != SOURCE_USER else SOURCE_USER)
    else:
        code_text = str(industry if isinstance(industry, int) else parse_industry(industry))
        if int(code_text) not in INDUSTRIES:
            raise OrganizationDataError("industry", _("unknown industry %(name)r") % {"name": industry})
    if (organization.industry, organization.industry_source) == (code_text, source):
        return False
    organization.industry, organization.industry_source = code_text, source
    organization.save(update_fields=["industry", "industry_source"])
    return True


def _with_people(queryset: QuerySet[Organization]) -> QuerySet[Organization]:
    return queryset.annotate(
        current_people=Count("positions__person", filter=Q(positions__is_current=True), distinct=True)
    )


def list_organizations(*, owner, search: str = "", limit: int = 100) -> list[OrganizationSummary]:
    """The account's organizations, most people first; ``search`` keeps those whose name contains
    every word (umlauts and case folded)."""
    queryset = Organization.objects.for_user(owner)
    for word in fold(search).split():
        queryset = queryset.filter(normalized_name__contains=word)
    rows = _with_people(queryset).order_by("-current_people", "name", "id")[:limit]
    return [_summary(organization) for organization in rows]


def _summary(organization: Organization) -> OrganizationSummary:
    return OrganizationSummary(
        organization_id=organization.pk,
        name=organization.name,
        industry=industry_of(organization),
        industry_source=organization.industry_source,
        people=getattr(organization, "current_people", 0),
    )


def summarize_organization(organization: Organization) -> OrganizationSummary:
    return _summary(_with_people(Organization.objects.filter(pk=organization.pk)).get())


def people_at(organization: Organization) -> QuerySet[Person]:
    """Who currently works there (by a current position, or by the organization named on the person)."""
    return (
        Person.objects.for_user(organization.owner)
        .filter(
            Q(positions__organization=organization, positions__is_current=True)
            | Q(organization_name__iexact=organization.name)
        )
        .distinct()
        .order_by("display_name", "id")
    )


def organization_of(person: Person) -> Organization | None:
    """The organization of the person's current role."""
    position = (
        person.positions.filter(is_current=True, organization__isnull=False)
        .select_related("organization")
        .order_by("-start_date", "id")
        .first()
    )
    if position is not None:
        return position.organization
    if not person.organization_name:
        return None
    return Organization.objects.for_user(person.owner).filter(name__iexact=person.organization_name).first()
