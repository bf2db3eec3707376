"""Keep-in-touch cadences per contact tier, dormant ties, and the evidence behind them.

Tiers (binding vocabulary of this module, stored on a person; ``None`` means "no cadence" — e.g. the
hundreds of imported connections the user has no relationship with yet):

* ``inner`` — the closest circle (mentors, sponsors, close allies): every two weeks; birthdays get a call.
* ``new`` — just met: Ferrazzi's several touches on different channels in quick succession; after
  ``new_contact_touches`` interactions the person is treated as ``developing``.
* ``developing`` — a relationship being built: about once a month (Ferrazzi).
* ``secondary`` — people worth keeping warm: 2–3 touches a year (Ferrazzi); weak ties carry the news of
  openings (Granovetter).

Dormancy is not a tier but a state: any tie with no contact for ``dormant_after_days`` (3 years) is
dormant, whatever its tier, and is proposed for reconnection instead of a routine touch.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from vernetzt.core.language import check_language

TIERS: tuple[str, ...] = ("inner", "new", "developing", "secondary")
CADENCE_KINDS: tuple[str, ...] = ("keep_in_touch", "reconnect")
# Cadence tasks are given due dates at most this many days ahead: the look-ahead of Today.
PHASE_IN_DAYS = 7

TIER_LABELS: dict[str, dict[str, str]] = {
    "inner": {"de": "Engster Kreis", "en": "Inner circle"},
    "new": {"de": "Neuer Kontakt", "en": "New contact"},
    "developing": {"de": "Im Aufbau", "en": "Developing"},
    "secondary": {"de": "Erweitertes Netzwerk", "en": "Wider network"},
}


@dataclass(frozen=True)
class CadenceSettings:
    """Days between touches per tier, and when a tie counts as dormant."""

    inner_days: int = 14
    new_days: int = 10
    new_contact_touches: int = 3
    developing_days: int = 30
    secondary_days: int = 150
    dormant_after_days: int = 3 * 365

    def __post_init__(self) -> None:
        for name, value in vars(self).items():
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError(f"{name} must be a positive whole number, got {value!r}")
        if self.secondary_days >= self.dormant_after_days:
            raise ValueError("secondary_days must be shorter than dormant_after_days")

    def days_for(self, tier: str) -> int:
        """The cadence in days for ``tier``."""
        if tier not in TIERS:
            raise ValueError(f"unknown tier: {tier!r}")
        return getattr(self, f"{tier}_days")


def effective_tier(tier: str, *, interactions_count: int, settings: CadenceSettings) -> str:
    """The tier whose cadence applies: a ``new`` contact with enough touches is ``developing``."""
    if tier == "new" and interactions_count >= settings.new_contact_touches:
        return "developing"
    return tier


def is_dormant(last_contact: date | None, today: date, settings: CadenceSettings) -> bool:
    """True when the last contact lies ``dormant_after_days`` or more in the past (unknown: not dormant)."""
    return last_contact is not None and (today - last_contact).days >= settings.dormant_after_days


def next_touch_due(*, tier: str, last_contact: date, settings: CadenceSettings) -> date:
    """The day the next touch is due after ``last_contact``."""
    return last_contact + timedelta(days=settings.days_for(tier))


def current_touch_due(
    *, tier: str, last_contact: date, today: date, settings: CadenceSettings
) -> date | None:
    """The latest cadence boundary (last contact + k·cadence, k ≥ 1) on or before ``today``.

    None while the first touch is still ahead. Counting whole cycles means a touch the user skipped comes
    back one cadence later instead of never.
    """
    cadence = settings.days_for(tier)
    cycles = (today - last_contact).days // cadence
    return None if cycles < 1 else last_contact + timedelta(days=cycles * cadence)


Item = TypeVar("Item")


def phase_in(
    candidates: Iterable[tuple[Item, str]],
    *,
    today: date,
    per_day: int,
    max_open: Mapping[str, int],
    open_tasks: Iterable[tuple[str, date]],
    days: int = PHASE_IN_DAYS,
) -> list[tuple[Item, date]]:
    """Due dates for touches that are due now, so that a backlog (after an import, or a shorter
    cadence) arrives a few a day instead of all at once.

    ``candidates`` are (item, kind) pairs, most important first; ``open_tasks`` the (kind, due) of the
    cadence tasks still open. Each candidate goes to the first day from ``today`` on which fewer than
    ``per_day`` cadence tasks are due, never more than ``days`` ahead, and only while fewer than
    ``max_open[kind]`` of its kind are open. Whoever does not fit waits for a later day's round — in
    the same order, so the most important come first.
    """
    open_tasks = list(open_tasks)
    load = Counter(due for _, due in open_tasks if due >= today)
    open_count = Counter(kind for kind, _ in open_tasks)
    last = today + timedelta(days=days)
    day = today
    scheduled: list[tuple[Item, date]] = []
    for item, kind in candidates:
        if open_count[kind] >= max_open[kind]:
            continue
        while day <= last and load[day] >= per_day:
            day += timedelta(days=1)
        if day > last:
            break
        scheduled.append((item, day))
        load[day] += 1
        open_count[kind] += 1
    return scheduled


@dataclass(frozen=True)
class Evidence:
    """A finding the UI shows next to a rule so the user can judge it."""

    code: str
    citation: str
    texts: dict[str, str]

    def text(self, lang: str) -> str:
        check_language(lang)
        return f"{self.texts[lang]} ({self.citation})"


EVIDENCE: dict[str, Evidence] = {
    evidence.code: evidence
    for evidence in (
        Evidence(
            code="weak_ties",
            citation="Granovetter 1973; Rajkumar et al. 2022",
            texts={
                "de": "Schwache und mäßig schwache Kontakte vermitteln die meisten Jobwechsel – "
                "sie kennen, was der engste Kreis nicht kennt.",
                "en": "Weak and moderately weak ties bring most job moves – "
                "they know what your inner circle does not.",
            },
        ),
        Evidence(
            code="dormant_ties",
            citation="Levin, Walter & Murnighan 2011",
            texts={
                "de": "Ruhende Kontakte (3+ Jahre ohne Kontakt) geben Rat, der so wertvoll ist wie der "
                "aktiver Kontakte und neuer – und das Wiederanknüpfen ist schnell getan.",
                "en": "Dormant ties (3+ years without contact) give advice as valuable as active ties "
                "and more novel – and reconnecting takes little effort.",
            },
        ),
        Evidence(
            code="cadence",
            citation="Ferrazzi, Never Eat Alone, 2005",
            texts={
                "de": "Ein neuer Kontakt braucht mehrere Berührungspunkte über verschiedene Kanäle, "
                "eine Beziehung im Aufbau etwa einen im Monat, das erweiterte Netzwerk zwei bis drei "
                "im Jahr.",
                "en": "A new contact needs several touches on different channels, a developing "
                "relationship about one a month, secondary contacts two to three a year.",
            },
        ),
    )
}

RULE_EVIDENCE: dict[str, tuple[str, ...]] = {
    "keep_in_touch": ("cadence", "weak_ties"),
    "reconnect": ("dormant_ties",),
}


_TIER_CADENCE_TEXTS = {
    "de": ("{label}: alle {days} Tage", ", bis {touches} Kontakte erreicht sind"),
    "en": ("{label}: every {days} days", ", until {touches} touches are reached"),
}


def describe_tier(tier: str, *, settings: CadenceSettings, lang: str) -> str:
    """Label and cadence of a tier in one line, e.g. "Im Aufbau: alle 30 Tage"."""
    check_language(lang)
    line, new_suffix = _TIER_CADENCE_TEXTS[lang]
    text = line.format(label=TIER_LABELS[tier][lang], days=settings.days_for(tier))
    if tier == "new":
        text += new_suffix.format(touches=settings.new_contact_touches)
    return text
