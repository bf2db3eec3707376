"""The follow-up after a logged interaction, as the method describes it.

After an encounter at an event where a meeting was agreed: the thank-you e-mail the same day, referring to
the encounter; connecting on LinkedIn and, where the person is on it or likely to be, XING the same day; a
call to fix the date the next working day. After the meeting itself: thanks (and connecting, where that
has not happened yet), then a lunch invitation that names a topic and the benefit the user brings.
Every step can be switched off or delayed in ``PlaybookSettings``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from vernetzt.core.playbook import MET_KINDS, InteractionFacts, PersonFacts, PlaybookSettings, TaskProposal
from vernetzt.core.reasons import Reason
from vernetzt.core.workdays import add_workdays

# Where XING is the professional network people are on (its members are overwhelmingly in DACH).
XING_COUNTRIES = frozenset({"DE", "AT", "CH", "LI"})
_GERMAN = frozenset({"de", "deutsch", "german"})


def likely_on_xing(*, xing_url: str, xing_connected: bool, country: str, languages: Iterable[str]) -> bool:
    """Whether connecting on XING is worth a task: a known profile, or someone living in DACH, or (with
    no country recorded) someone who speaks German."""
    if xing_url or xing_connected:
        return True
    if country:
        return country.upper() in XING_COUNTRIES
    return any(language.strip().casefold() in _GERMAN for language in languages)


def tasks_after_interaction(
    *, interaction: InteractionFacts, person: PersonFacts, settings: PlaybookSettings
) -> list[TaskProposal]:
    """Tasks that follow from one logged interaction.

    ``person`` may describe the state before or after the interaction was stored: a meeting counts as the
    first one when no first meeting is recorded or the recorded one is this interaction's date.
    """
    if interaction.person_id != person.person_id:
        raise ValueError("interaction and person do not match")
    pid, day = person.person_id, interaction.date
    proposals: list[TaskProposal] = []

    def propose(kind: str, due: date, key: str, code: str, /, **params: str | int) -> None:
        if kind not in person.open_task_kinds:
            reason = Reason(code, {"name": person.name, **params})
            proposals.append(TaskProposal(kind=kind, due=due, reason=reason, dedupe_key=key, person_id=pid))

    def connect(code: str, **params: str | int) -> None:
        networks = (
            ("connect_linkedin", "LinkedIn", settings.connect_linkedin_enabled, person.has_linkedin,
             person.linkedin_connected),
            ("connect_xing", "XING", settings.connect_xing_enabled, person.has_xing, person.xing_connected),
        )
        for kind, network, enabled, has_profile, connected in networks:
            if enabled and has_profile and not connected:
                propose(kind, day + timedelta(days=settings.connect_delay_days), f"{kind}:{pid}", code,
                        network=network, **params)

    thank_you_due = day + timedelta(days=settings.thank_you_delay_days)
    thank_you_key = f"thank_you_email:{pid}:{day.isoformat()}"
    if interaction.kind == "event_conversation" and interaction.meeting_agreed:
        event = {"event": interaction.event_name} if interaction.event_name else {}
        if settings.thank_you_enabled:
            propose("thank_you_email", thank_you_due, thank_you_key, "encounter_thanks",
                    date=day.isoformat(), **event)
        connect("connect_after_encounter", **event)
        if settings.call_to_schedule_enabled:
            due = add_workdays(day, settings.call_to_schedule_delay_workdays,
                               observe_holidays=settings.observe_holidays)
            propose("call_to_schedule", due, f"call_to_schedule:{pid}:{day.isoformat()}", "meeting_agreed",
                    **event)
        return proposals

    if interaction.kind not in MET_KINDS:
        return proposals
    if settings.thank_you_enabled:
        propose("thank_you_email", thank_you_due, thank_you_key, "meeting_took_place",
                kind=interaction.kind, date=day.isoformat())
    connect("connect_after_meeting")
    first_meeting = person.first_meeting_date is None or person.first_meeting_date == day
    if interaction.kind == "meeting" and first_meeting and settings.propose_lunch_enabled:
        extra = {"topic": interaction.topic} if interaction.topic else {}
        if person.planned_benefit:
            extra["benefit"] = person.planned_benefit
        propose("propose_lunch", day + timedelta(days=settings.propose_lunch_delay_days),
                f"propose_lunch:{pid}", "first_meeting", date=day.isoformat(), **extra)
    return proposals
