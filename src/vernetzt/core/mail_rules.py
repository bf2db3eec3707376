"""Which e-mails are contact between people, and who was in touch with whom (pure, no I/O).

The rules, in order (the first that applies ignores the message):

1. mailing lists and newsletters: a ``List-Id`` or ``List-Unsubscribe`` header, or ``Precedence:
   bulk/list/junk``;
2. machines: ``Auto-Submitted`` other than ``no``, and senders such as ``noreply@``, ``no-reply@``,
   ``donotreply@``, ``mailer-daemon@``, ``postmaster@``, ``notifications@``, ``newsletter@``,
   ``news@``, ``marketing@``, ``bounce…@``;
3. round mails: more than ``MAX_RECIPIENTS`` addresses in To and Cc together.

What remains is outgoing when the sender is one of the user's own addresses (contact with every
recipient) and incoming otherwise (contact with the sender only: being copied is not a conversation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.utils import getaddresses

MAX_RECIPIENTS = 5
_MACHINE_SENDER = re.compile(
    r"^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer-daemon|postmaster|notifications?|newsletters?|news"
    r"|marketing|bounces?[-+.\w]*|info-?mail)(?:[-+.].*)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class MailFacts:
    """The headers that matter, as text (any of them may be missing)."""

    sender: str = ""
    to: str = ""
    cc: str = ""
    list_id: str = ""
    list_unsubscribe: str = ""
    precedence: str = ""
    auto_submitted: str = ""


@dataclass(frozen=True)
class Verdict:
    ignored: str = ""  # the rule that ignored it: "list", "machine", "many_recipients"; "" if kept
    outgoing: bool = False
    counterparts: tuple[str, ...] = ()  # lower-case addresses of the people in touch with the user


def addresses(header: str) -> list[str]:
    return [address.strip().lower() for _, address in getaddresses([header or ""]) if "@" in address]


def judge_mail(facts: MailFacts, *, own_addresses: frozenset[str]) -> Verdict:
    bulk = facts.precedence.strip().lower() in ("bulk", "list", "junk")
    if facts.list_id or facts.list_unsubscribe or bulk:
        return Verdict(ignored="list")
    sender = next(iter(addresses(facts.sender)), "")
    auto = facts.auto_submitted.strip().lower()
    if (auto and auto != "no") or _MACHINE_SENDER.match(sender.split("@")[0]):
        return Verdict(ignored="machine")
    recipients = list(dict.fromkeys(addresses(facts.to) + addresses(facts.cc)))
    if len(recipients) > MAX_RECIPIENTS:
        return Verdict(ignored="many_recipients")
    if sender in own_addresses:
        return Verdict(outgoing=True, counterparts=tuple(a for a in recipients if a not in own_addresses))
    return Verdict(counterparts=(sender,) if sender else ())
