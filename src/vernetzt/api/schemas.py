"""Request and response bodies of the API. Request fields take their limits from the model fields
(vernetzt.api.fields), and unknown keys are refused, so a typo is a 422 instead of being ignored."""

from datetime import date
from typing import Annotated, Any, Optional

from ninja import Field, Schema
from pydantic import ConfigDict, create_model

from vernetzt.api.fields import Day, model_field, one_of, text, text_list
from vernetzt.core.special_categories import find_special_categories
from vernetzt.core.titles import FUNCTIONS, SENIORITY_LEVELS
from vernetzt.goals.models import Goal
from vernetzt.goals.services import WEIGHT_NAMES
from vernetzt.people.models import Person
from vernetzt.people.services import MAX_STATEMENT_LENGTH

# A country may be given by name in either language ("Deutschland", "Singapore"); stored as its code.
COUNTRY_NAME = text(100)


class InputSchema(Schema):
    """A JSON body: exactly the documented keys, each of its documented type ("5" is no number)."""

    model_config = ConfigDict(extra="forbid", strict=True)


def partial(schema: type[InputSchema]) -> type[InputSchema]:
    """The PATCH twin of ``schema``: every field optional (absent = unchanged), same limits."""
    fields: dict[str, Any] = {}
    for name, field in schema.model_fields.items():
        kind = Annotated[field.annotation, *field.metadata] if field.metadata else field.annotation
        fields[name] = (Optional[kind], None)  # noqa: UP045 (a runtime type, not an annotation)
    return create_model(schema.__name__.removesuffix("In") + "Patch", __base__=InputSchema, **fields)


class SourceOut(Schema):
    kind: str
    file: str
    batch_id: int | None
    date: str


class PersonOut(Schema):
    person_id: int = Field(alias="id")
    name: str = Field(alias="display_name")
    title_of_address: str
    academic_title: str
    first_name: str
    last_name: str
    title: str
    organization: str = Field(alias="organization_name")
    seniority: str
    function: str
    city: str
    country: str
    regions: list[str]
    emails: list[str]
    phones: list[str]
    linkedin_url: str
    xing_url: str
    birth_day: int | None
    birth_month: int | None
    birth_year: int | None
    tier: str
    formality: str
    languages: list[str]
    interests: list[str]
    associations: list[str]
    expertise: list[str]
    needs: list[str]
    offers: list[str]
    notes: str
    special_categories: list[str] = Field(
        description="What of Art. 9 GDPR (health, religion, …) the notes seem to touch; a hint, not a block."
    )

    @staticmethod
    def resolve_special_categories(person) -> list[str]:
        return [hit.category for hit in find_special_categories(person.notes)]
    sources: list[SourceOut]
    legal_basis: str
    purpose: str
    do_not_contact: bool


class PersonIn(InputSchema):
    title_of_address: model_field(Person, "title_of_address") = ""
    academic_title: model_field(Person, "academic_title") = ""
    first_name: model_field(Person, "first_name") = ""
    last_name: model_field(Person, "last_name") = ""
    title: model_field(Person, "title") = ""
    organization_name: model_field(Person, "organization_name") = ""
    emails: text_list() = []
    phones: text_list() = []
    city: model_field(Person, "city") = ""
    country: COUNTRY_NAME = ""
    linkedin_url: model_field(Person, "linkedin_url") = ""
    xing_url: model_field(Person, "xing_url") = ""
    birth_day: model_field(Person, "birth_day") | None = None
    birth_month: model_field(Person, "birth_month") | None = None
    birth_year: model_field(Person, "birth_year") | None = None
    tier: model_field(Person, "tier") = "pool"
    formality: model_field(Person, "formality") = "sie"
    languages: text_list() = []
    interests: text_list() = []
    associations: text_list() = []
    expertise: text_list() = []
    needs: text_list(MAX_STATEMENT_LENGTH) = []
    offers: text_list(MAX_STATEMENT_LENGTH) = []
    notes: model_field(Person, "notes") = ""
    legal_basis: model_field(Person, "legal_basis") = "legitimate_interest"
    purpose: model_field(Person, "purpose") = ""


PersonPatch = partial(PersonIn)


class GoalOut(Schema):
    id: int
    text: str
    why: str
    horizon: date | None
    status: str
    levels: list[str]
    functions: list[str]
    regions: list[str]
    anywhere: bool
    organizations: list[str]
    industries: list[str]
    keywords: list[str]
    weights: dict[str, float]


Weight = Annotated[float, Field(ge=0, le=10, allow_inf_nan=False)]


class GoalIn(InputSchema):
    text: model_field(Goal, "text")
    why: model_field(Goal, "why") = ""
    horizon: Day | None = None
    status: model_field(Goal, "status") = "active"
    levels: list[one_of(SENIORITY_LEVELS)] = []
    functions: list[one_of(FUNCTIONS)] = []
    regions: text_list(100) = []
    anywhere: bool = False
    organizations: text_list() = []
    industries: text_list() = []
    keywords: text_list() = []
    weights: dict[one_of(WEIGHT_NAMES), Weight] = {}


GoalPatch = partial(GoalIn)


class Error(Schema):
    error: str
    field: str | None = None
