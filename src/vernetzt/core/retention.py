"""When storage limitation (Art. 5(1)(e) GDPR) sets a never-contacted person aside, and when it deletes
them: plain date arithmetic, in calendar months."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import datetime

DEFAULT_ARCHIVE_AFTER_MONTHS = 24
DEFAULT_DELETE_AFTER_MONTHS = 12


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time ``months`` calendar months earlier (the month's last day where it is
    shorter: 31 March minus one month is 28/29 February)."""
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


@dataclass(frozen=True)
class Cutoffs:
    archive_added_before: datetime  # never contacted and added (or kept) before this: archive
    delete_archived_before: datetime  # archived before this: delete


def retention_cutoffs(*, now: datetime, archive_after_months: int, delete_after_months: int) -> Cutoffs:
    if archive_after_months < 1 or delete_after_months < 1:
        raise ValueError("retention periods are at least one month")
    return Cutoffs(
        archive_added_before=months_before(now, archive_after_months),
        delete_archived_before=months_before(now, delete_after_months),
    )
