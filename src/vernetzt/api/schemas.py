from __future__ import annotations

from datetime import date

from ninja import Field, Schema


class PersonOut(Schema):
    person_id: int = Field(alias="id")
    name: str = Field(alias="display_name")
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
    notes: str


class PersonIn(Schema):
    first_name: str = ""
    last_name: str = ""
    title: str = ""
    organization_name: str = ""
    emails: list[str] = []
    phones: list[str] = []
    city: str = ""
    country: str = ""
    linkedin_url: str = ""
    xing_url: str = ""
    birth_day: int | None = None
    birth_month: int | None = None
    birth_year: int | None = None
    tier: str = "pool"
    formality: str = "sie"
    languages: list[str] = []
    interests: list[str] = []
    associations: list[str] = []
    expertise: list[str] = []
    notes: str = ""


class PersonPatch(Schema):
    first_name: str | None = None
    last_name: str | None = None
    title: str | None = None
    organization_name: str | None = None
    emails: list[str] | None = None
    phones: list[str] | None = None
    city: str | None = None
    country: str | None = None
    linkedin_url: str | None = None
    xing_url: str | None = None
    birth_day: int | None = None
    birth_month: int | None = None
    birth_year: int | None = None
    tier: str | None = None
    formality: str | None = None
    languages: list[str] | None = None
    interests: list[str] | None = None
    associations: list[str] | None = None
    expertise: list[str] | None = None
    notes: str | None = None


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


class GoalIn(Schema):
    text: str
    why: str = ""
    horizon: date | None = None
    status: str = "active"
    levels: list[str] = []
    functions: list[str] = []
    regions: list[str] = []
    anywhere: bool = False
    organizations: list[str] = []
    industries: list[str] = []
    keywords: list[str] = []
    weights: dict[str, float] = {}


class GoalPatch(Schema):
    text: str | None = None
    why: str | None = None
    horizon: date | None = None
    status: str | None = None
    levels: list[str] | None = None
    functions: list[str] | None = None
    regions: list[str] | None = None
    anywhere: bool | None = None
    organizations: list[str] | None = None
    industries: list[str] | None = None
    keywords: list[str] | None = None
    weights: dict[str, float] | None = None


class Error(Schema):
    error: str
    field: str | None = None
