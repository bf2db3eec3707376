"""The agenda as plain text in the account's language: `vernetzt today` and the digest e-mail.

Every item names its kind and its person (or goal), so a line is never just a date.
"""

from __future__ import annotations

from babel.dates import format_date
from babel.numbers import format_decimal
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from vernetzt.core.playbook import describe_task_kind
from vernetzt.journal.agenda import Agenda, TaskItem


def number(value: int, lang: str) -> str:
    """1234 → "1.234" in German, "1,234" in English."""
    return format_decimal(value, locale=lang)


def long_day(day, lang: str) -> str:
    """E.g. "Montag, 16. März 2026" / "Monday, March 16, 2026"."""
    return format_date(day, format="full", locale=lang)


def short_day(day, lang: str) -> str:
    """E.g. "Di., 17. März" / "Tue, Mar 17"."""
    return format_date(day, format="EEE, d. MMMM" if lang == "de" else "EEE, MMM d", locale=lang)


def _task_lines(item: TaskItem, lang: str, *, ids: bool) -> list[str]:
    prefix = f"[{item.task.pk}] " if ids else "- "
    return [f"  {prefix}{item.label}", f"      {item.why}"]


def agenda_lines(agenda: Agenda, lang: str, *, ids: bool, unplanned_hint: bool = False) -> list[str]:
    """The agenda as text lines; ``ids`` adds task ids (for `vernetzt draft ID`)."""
    with translation.override(lang):
        lines = [long_day(agenda.date, lang)]
        if unplanned_hint and not agenda.planned:
            lines.append(
                _(
                    "The daily rules (birthdays, keeping in touch) have not run today yet: "
                    "vernetzt worker --once"
                )
            )
        due = agenda.due_count
        if agenda.tasks:
            lines.append(
                ngettext(
                    "First (%(shown)s of %(due)s due task):", "First (%(shown)s of %(due)s due tasks):", due
                )
                % {"shown": number(len(agenda.tasks), lang), "due": number(due, lang)}
            )
            for item in agenda.tasks:
                lines.extend(_task_lines(item, lang, ids=ids))
        else:
            lines.append(_("Nothing due."))
        if agenda.later_count:
            kinds = ", ".join(
                f"{number(count, lang)} × {describe_task_kind(kind, lang)}"
                for kind, count in agenda.later_by_kind.items()
            )
            lines.append(
                ngettext(
                    "Later: %(count)s task – %(kinds)s",
                    "Later: %(count)s tasks – %(kinds)s",
                    agenda.later_count,
                )
                % {"count": number(agenda.later_count, lang), "kinds": kinds}
            )
        if agenda.upcoming:
            lines.append(_("Next 7 days:"))
            for day in agenda.upcoming:
                for item in day.tasks:
                    prefix = f"[{item.task.pk}] " if ids else ""
                    lines.append(f"  {short_day(day.date, lang)}: {prefix}{item.label}")
                if day.count > len(day.tasks):
                    more = day.count - len(day.tasks)
                    lines.append(
                        f"  {short_day(day.date, lang)}: "
                        + ngettext("and %(count)s more", "and %(count)s more", more)
                        % {"count": number(more, lang)}
                    )
        if agenda.birthdays:
            lines.append(_("Birthdays this week:"))
            for birthday in agenda.birthdays:
                turns = " " + _("(turns %(age)s)") % {"age": birthday.turns} if birthday.turns else ""
                lines.append(f"  - {birthday.person.display_name}: {long_day(birthday.date, lang)}{turns}")
        if agenda.events:
            lines.append(_("Events to prepare:"))
            for entry in agenda.events:
                status = entry.status
                ready = min(status.researched, status.with_questions, status.with_benefit)
                place = f", {entry.event.location}" if entry.event.location else ""
                lines.append(
                    f"  - {entry.event.name}: {long_day(entry.event.starts_on, lang)}{place} – "
                    + ngettext(
                        "%(ready)s of %(total)s must-meet person prepared",
                        "%(ready)s of %(total)s must-meet people prepared",
                        status.must_meet,
                    )
                    % {"ready": number(ready, lang), "total": number(status.must_meet, lang)}
                )
        return lines
