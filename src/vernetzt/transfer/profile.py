"""LinkedIn's Profile, Positions and Education files fill the user's own "me" person."""

from __future__ import annotations

from vernetzt.core.industries import SOURCE_PROFILE, resolve_industry
from vernetzt.core.text import normalize_org_name
from vernetzt.importers.linkedin import OwnProfile
from vernetzt.people.models import Education, Organization, Person, Position
from vernetzt.people.organizations import set_industry
from vernetzt.people.provenance import source_entry
from vernetzt.people.services import compose_display_name, get_me, refresh_derived
from vernetzt.transfer.applying import Organizations, PositionDeriver
from vernetzt.transfer.recording import Recorder
from vernetzt.transfer.rows import row_of

_ME_FIELDS = ("title", "organization_name", "seniority", "function", "regions", "country", "search_text")


def plan_profile(owner, profile: OwnProfile) -> dict[str, int]:
    """How many positions and schools the profile would add (the dry run's view)."""
    me = get_me(owner)
    known_positions, known_schools = _known(me)
    positions = {_position_key(p.organization, p.title, p.start) for p in profile.positions} - known_positions
    schools = {_school_key(s.school, s.degree) for s in profile.schools if s.school} - known_schools
    return {"me_positions": len(positions), "me_schools": len(schools)}


def _position_key(organization: str, title: str, start) -> tuple[str, str, str]:
    return normalize_org_name(organization), title.strip().casefold(), start.isoformat() if start else ""


def _school_key(school: str, degree: str) -> tuple[str, str]:
    return normalize_org_name(school), degree.strip().casefold()


def _known(me: Person | None) -> tuple[set, set]:
    if me is None:
        return set(), set()
    positions = {
        _position_key(p.organization.name if p.organization else "", p.title, p.start_date)
        for p in me.positions.select_related("organization")
    }
    schools = {_school_key(e.school, e.degree) for e in me.education.all()}
    return positions, schools


def apply_profile(
    owner, profile: OwnProfile, *, recorder: Recorder, organizations: Organizations
) -> dict[str, int]:
    me = get_me(owner)
    if me is None:
        name = compose_display_name(profile.first_name, profile.last_name, profile.full_name)
        me = Person(
            owner=owner,
            is_me=True,
            tier="inner",
            first_name=profile.first_name,
            last_name=profile.last_name,
            display_name=name or owner.get_full_name() or owner.get_username(),
            sources=[source_entry("linkedin", file=recorder.batch.filename, batch_id=recorder.batch.pk)],
        )
        refresh_derived(me)
        me.save()
        recorder.record_created(Person, [me.pk])
    known_positions, known_schools = _known(me)
    organizations.ensure([position.organization for position in profile.positions])
    deriver = PositionDeriver()
    new_positions = []
    for item in profile.positions:
        key = _position_key(item.organization, item.title, item.start)
        if key in known_positions:
            continue
        known_positions.add(key)
        position = Position(
            owner=owner,
            person=me,
            organization_id=organizations.id_for(item.organization),
            title=item.title,
            location=item.location,
            description=item.description,
            start_date=item.start,
            end_date=item.end,
            is_current=item.end is None,
        )
        deriver.fill(position)
        new_positions.append(position)
    Position.objects.bulk_create(new_positions)
    recorder.record_created(Position, [position.pk for position in new_positions])
    new_schools = []
    for school in profile.schools:
        key = _school_key(school.school, school.degree)
        if not school.school or key in known_schools:
            continue
        known_schools.add(key)
        new_schools.append(
            Education(
                owner=owner,
                person=me,
                school=school.school,
                normalized_school=key[0],
                degree=school.degree,
                start_year=school.start_year,
                end_year=school.end_year,
            )
        )
    Education.objects.bulk_create(new_schools)
    recorder.record_created(Education, [school.pk for school in new_schools])
    _set_current_role(me, profile, recorder)
    _tag_current_employers(owner, profile, organizations)
    return {"me_positions": len(new_positions), "me_schools": len(new_schools)}


def _tag_current_employers(owner, profile: OwnProfile, organizations: Organizations) -> None:
    """The profile's industry ("Transportation, Logistics, Supply Chain and Storage") tells the user's
    current employer's where nothing else does (it is the user's field, not always the employer's)."""
    code = resolve_industry(profile.industry)
    if code is None:
        return
    ids = {organizations.id_for(p.organization) for p in profile.positions if p.end is None} - {None}
    for organization in Organization.objects.for_user(owner).filter(pk__in=ids):
        set_industry(organization=organization, industry=code, source=SOURCE_PROFILE)


def _set_current_role(me: Person, profile: OwnProfile, recorder: Recorder) -> None:
    current = [p for p in profile.positions if p.end is None]
    if not current or {"title", "organization_name"} & set(me.edited_fields):
        return
    latest = max(current, key=lambda p: (p.start is not None, p.start))
    if (me.title, me.organization_name) == (latest.title, latest.organization):
        return
    before = {name: row_of(me)[name] for name in _ME_FIELDS}
    me.title, me.organization_name = latest.title, latest.organization
    refresh_derived(me)
    me.save()
    recorder.record_update(Person, me.pk, before, {name: getattr(me, name) for name in _ME_FIELDS})
