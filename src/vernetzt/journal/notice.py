"""When a draft offers the privacy notice (Art. 14 GDPR): the first written message to a person whose
data came from a third party (an import, a card, the press), while the account has the notice on."""

from __future__ import annotations

from vernetzt.accounts.privacy import privacy_settings, public_page_url
from vernetzt.core.drafts import privacy_notice
from vernetzt.journal.models import Interaction
from vernetzt.people.provenance import source_kinds

# Messages the person has had from the user in writing; after one of them the duty to inform is met.
WRITTEN_KINDS = ("email", "message", "birthday_greeting")


def is_first_message(*, owner, person) -> bool:
    return not Interaction.objects.for_user(owner).filter(person=person, kind__in=WRITTEN_KINDS).exists()


def first_message_notice(*, owner, person, lang: str, request_origin: str | None = None) -> str:
    """The notice for a draft to ``person`` in ``lang``, or "" when none is due."""
    privacy = privacy_settings(owner)
    if not privacy.notice_enabled or not is_first_message(owner=owner, person=person):
        return ""
    return privacy_notice(
        lang=lang,
        formality=person.formality,
        sources=source_kinds(person),
        page_url=public_page_url(privacy, request_origin=request_origin),
    )
