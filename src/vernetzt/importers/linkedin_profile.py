"""The user's own LinkedIn profile: Profile.csv, Positions.csv and Education.csv."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from vernetzt.importers.dates import parse_birthday, parse_month
from vernetzt.importers.records import Birthday, RowError, compose_full_name
from vernetzt.importers.sniff import Columns, Table, cell, is_blank


@dataclass
class Position:
    """One job; `start`/`end` are first-of-month dates (month precision), `end` None while current."""

    organization: str
    title: str
    description: str = ""
    location: str = ""
    start: date | None = None
    end: date | None = None
    line: int = 0


@dataclass
class School:
    school: str
    degree: str = ""
    start_year: int | None = None
    end_year: int | None = None
    activities: str = ""
    notes: str = ""
    line: int = 0


@dataclass
class OwnProfile:
    first_name: str = ""
    last_name: str = ""
    full_name: str = ""
    headline: str = ""
    summary: str = ""
    industry: str = ""
    geo_location: str = ""
    birthday: Birthday | None = None
    positions: list[Position] = field(default_factory=list)
    schools: list[School] = field(default_factory=list)


def is_profile_header(cells: Sequence[str]) -> bool:
    columns = Columns(cells)
    return columns.has("First Name") and columns.has("Headline") and not columns.has("Connected On")


def is_positions_header(cells: Sequence[str]) -> bool:
    columns = Columns(cells)
    return columns.has("Company Name") and columns.has("Title") and columns.has("Started On")


def is_education_header(cells: Sequence[str]) -> bool:
    columns = Columns(cells)
    return columns.has("School Name") and columns.has("Start Date", "End Date", "Degree Name")


def _date_error(line: int, value: str, field_name: str, filename: str) -> RowError:
    return RowError(
        line=line,
        code="invalid_date",
        params={"value": value},
        field=field_name,
        file=filename,
        dropped=False,
    )


def parse_profile(table: Table, profile: OwnProfile, *, filename: str) -> list[RowError]:
    """Fill `profile` from the first non-blank row of Profile.csv."""
    columns = Columns(table.header)
    errors: list[RowError] = []
    for line, row in table.rows:
        if is_blank(row):
            continue

        def get(name: str, row: list[str] = row) -> str:
            return cell(row, columns.position(name))

        profile.first_name = get("First Name")
        profile.last_name = get("Last Name")
        profile.full_name = compose_full_name(profile.first_name, profile.last_name)
        profile.headline = get("Headline")
        profile.summary = get("Summary")
        profile.industry = get("Industry")
        profile.geo_location = get("Geo Location")
        raw = get("Birth Date")
        try:
            profile.birthday = parse_birthday(raw)
        except ValueError:
            errors.append(_date_error(line, raw, columns.name("Birth Date"), filename))
        break
    return errors


def parse_positions(table: Table, profile: OwnProfile, *, filename: str) -> list[RowError]:
    columns = Columns(table.header)
    at = {
        name: columns.position(name)
        for name in ("Company Name", "Title", "Description", "Location", "Started On", "Finished On")
    }
    errors: list[RowError] = []
    for line, row in table.rows:
        if is_blank(row):
            continue
        position = Position(
            organization=cell(row, at["Company Name"]),
            title=cell(row, at["Title"]),
            description=cell(row, at["Description"]),
            location=cell(row, at["Location"]),
            line=line,
        )
        for attribute, column in (("start", "Started On"), ("end", "Finished On")):
            raw = cell(row, at[column])
            try:
                setattr(position, attribute, parse_month(raw))
            except ValueError:
                errors.append(_date_error(line, raw, columns.name(column), filename))
        profile.positions.append(position)
    return errors


def _year_of(text: str) -> int | None:
    """Education dates are years (`2007`), sometimes `Oct 2007`; the four-digit number is the year."""
    match = re.search(r"\b(\d{4})\b", text)
    if match:
        return int(match[1])
    if text:
        raise ValueError(text)
    return None


def parse_education(table: Table, profile: OwnProfile, *, filename: str) -> list[RowError]:
    columns = Columns(table.header)
    at = {
        name: columns.position(name)
        for name in ("School Name", "Start Date", "End Date", "Notes", "Degree Name", "Activities")
    }
    errors: list[RowError] = []
    for line, row in table.rows:
        if is_blank(row):
            continue
        school = School(
            school=cell(row, at["School Name"]),
            degree=cell(row, at["Degree Name"]),
            activities=cell(row, at["Activities"]),
            notes=cell(row, at["Notes"]),
            line=line,
        )
        for attribute, column in (("start_year", "Start Date"), ("end_year", "End Date")):
            raw = cell(row, at[column])
            try:
                setattr(school, attribute, _year_of(raw))
            except ValueError:
                errors.append(_date_error(line, raw, columns.name(column), filename))
        profile.schools.append(school)
    return errors
