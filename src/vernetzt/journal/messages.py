"""Drafts of the follow-up messages and the three ways out: mailto link, .eml file, the user's own SMTP.

Private by default: nothing is sent unless the operator configured ``VERNETZT_SMTP_URL`` (see config.py),
and even then only when the user presses "send".
"""

from __future__ import annotations

import datetime
import email.message
import email.utils
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vernetzt.core.benefits_text import Contact, contact_label
from vernetzt.core.drafts import DRAFT_KINDS, PLACEHOLDER, Draft, Offer, append_notice, draft_message
from vernetzt.journal.benefits import suggest_benefits
from vernetzt.journal.models import Benefit, Interaction, Snippet, Task
from vernetzt.journal.notice import first_message_notice
from vernetzt.journal.services import DoNotContact, JournalDataError, complete_task, log_interaction
from vernetzt.language import message_language, request_language
from vernetzt.people.models import Person
from vernetzt.people.services import get_me

# Which draft helps with which task; tasks without one (connect, keep in touch) are done by hand.
TASK_DRAFTS = {
    "thank_you_email": "thank_you_email",
    "birthday_greeting": "birthday_greeting",
    "call_to_schedule": "meeting_request",
    "propose_lunch": "lunch_invitation",
}
# What sending a draft counts as in the journal.
SENT_KINDS = {"birthday_greeting": "birthday_greeting"}
_SMTP_SCHEMES = {"smtp": (False, False), "smtp+starttls": (True, False), "smtps": (False, True)}


@dataclass(frozen=True)
class MessageDraft:
    kind: str
    lang: str
    to: str
    subject: str
    body: str
    placeholders: tuple[str, ...] = ()  # places marked [[…]] the user must fill in before sending
    salutation_known: bool = True  # False: the person's Frau/Herr is missing for a formal German salutation
    notice: str = ""  # the privacy notice this first message offers (Art. 14 GDPR), "" when none is due
    with_notice: bool = False  # whether ``body`` ends with it


def sender_name(owner) -> str:
    if owner.get_full_name():
        return owner.get_full_name()
    me = get_me(owner)
    return me.display_name if me is not None else owner.get_username()


def planned_offer(*, owner, person: Person, lang: str) -> Offer | None:
    """The benefit the user plans to give ``person``: an introduction first, else the latest offer."""
    planned = list(
        Benefit.objects.for_user(owner)
        .filter(person=person, direction=Benefit.Direction.OFFERED, status=Benefit.Status.PLANNED)
        .select_related("introduce_to")
    )
    planned.sort(key=lambda b: b.introduce_to_id is None)
    if not planned:
        return None
    benefit = planned[0]
    if benefit.introduce_to is not None:
        contact = benefit.introduce_to
        return Offer(
            introduce_to=contact_label(
                Contact(contact.display_name, contact.title, contact.organization_name), lang
            )
        )
    return Offer(text=benefit.description)


def compose_draft(
    *,
    owner,
    person: Person,
    kind: str,
    ui_lang: str,
    task: Task | None = None,
    with_notice: bool = True,
    request_origin: str | None = None,
) -> MessageDraft:
    """A draft of ``kind`` to ``person`` in the language they speak, from what the journal knows: the
    encounter or meeting it follows, a remembered snippet, the planned benefit, the topic.

    A first message to a person whose data came from a third party offers the privacy notice
    (``notice``); it is appended unless ``with_notice`` is False. ``request_origin`` ("https://host")
    tells the web's address for the link to the public privacy page."""
    if kind not in DRAFT_KINDS:
        raise JournalDataError("kind", f"unknown draft kind {kind!r}; use one of {', '.join(DRAFT_KINDS)}")
    if person.owner_id != owner.pk:
        raise JournalDataError("person", f"no person with id {person.pk}")
    if person.do_not_contact:
        raise DoNotContact(person, ui_lang)
    lang = message_language(person, fallback=ui_lang)
    interactions = Interaction.objects.for_user(owner).filter(person=person).select_related("event")
    source = task.interaction if task is not None and task.interaction_id else interactions.first()
    event = source.event if source is not None and source.event else None
    if event is None:
        with_event = interactions.filter(event__isnull=False).first()
        event = with_event.event if with_event else None
    occasion = "encounter" if source is not None and source.kind == "event_conversation" else "meeting"
    met = source if occasion == "encounter" else interactions.filter(kind__in=("meeting", "lunch")).first()
    if kind == "thank_you_email" and source is not None and source.kind in ("meeting", "lunch"):
        met = source
    snippet = Snippet.objects.for_user(owner).filter(person=person).values_list("text", flat=True).first()
    topic = (task.reason.get("params", {}).get("topic") if task is not None else None) or None
    offer = planned_offer(owner=owner, person=person, lang=lang)
    offer_hint = None
    if kind == "lunch_invitation" and offer is None:
        # What to name instead: the best benefit suggestion, in the user's words.
        ideas = suggest_benefits(owner=owner, person=person, lang=ui_lang, limit=1)
        offer_hint = ideas[0].text if ideas else None
    draft: Draft = draft_message(
        kind=kind,
        lang=lang,
        formality=person.formality,
        person_first_name=person.first_name or None,
        person_last_name=person.last_name or person.display_name,
        sender_name=sender_name(owner),
        title_of_address=person.title_of_address or None,
        academic_title=person.academic_title or None,
        event_name=event.name if event else None,
        snippet=snippet,
        offer=offer,
        topic=topic,
        meeting_date=met.date if kind == "thank_you_email" and met else None,
        occasion=occasion if kind == "thank_you_email" else "meeting",
        ui_lang=ui_lang,
        offer_hint=offer_hint,
    )
    to = person.emails[0] if person.emails else ""
    notice = first_message_notice(owner=owner, person=person, lang=lang, request_origin=request_origin)
    appended = with_notice and bool(notice)
    return MessageDraft(
        kind=kind,
        lang=lang,
        to=to,
        subject=draft.subject,
        body=append_notice(draft.body, notice) if appended else draft.body,
        placeholders=draft.placeholders,
        salutation_known=bool(person.title_of_address) or lang == "en" or person.formality == "du",
        notice=notice,
        with_notice=appended,
    )


def draft_for_task(*, owner, task: Task, ui_lang: str, **options) -> MessageDraft | None:
    """The draft a task calls for; ``options`` as for ``compose_draft`` (``with_notice``, …)."""
    kind = TASK_DRAFTS.get(task.kind)
    if kind is None or task.person is None:
        return None
    return compose_draft(owner=owner, person=task.person, kind=kind, ui_lang=ui_lang, task=task, **options)


def mailto_url(*, to: str, subject: str, body: str) -> str:
    """A mailto: link (RFC 6068) that opens the user's mail program with the draft filled in."""
    return f"mailto:{quote(to, safe='@')}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


def build_eml(*, sender: str, to: str, subject: str, body: str) -> bytes:
    """The draft as an .eml file; ``X-Unsent`` makes Outlook open it as a draft ready to send."""
    message = email.message.EmailMessage()
    message["Subject"] = subject
    if sender:
        message["From"] = sender
    if to:
        message["To"] = to
    message["Date"] = email.utils.formatdate(localtime=True)
    message["X-Unsent"] = "1"
    message.set_content(body)
    return message.as_bytes()


def smtp_configured() -> bool:
    return bool(getattr(settings, "VERNETZT_SMTP_URL", None))


def smtp_connection():
    """A Django SMTP connection to the configured server, or a JournalDataError naming what is missing."""
    url = getattr(settings, "VERNETZT_SMTP_URL", None)
    if not url:
        raise JournalDataError("smtp", "no mail server configured (VERNETZT_SMTP_URL)")
    parts = urlsplit(url)
    if parts.scheme not in _SMTP_SCHEMES or not parts.hostname:
        raise JournalDataError(
            "smtp", "VERNETZT_SMTP_URL must look like smtp+starttls://user:password@host:587"
        )
    use_tls, use_ssl = _SMTP_SCHEMES[parts.scheme]
    return get_connection(
        "django.core.mail.backends.smtp.EmailBackend",
        host=parts.hostname,
        port=parts.port or (465 if use_ssl else 587 if use_tls else 25),
        username=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
        use_tls=use_tls,
        use_ssl=use_ssl,
        timeout=20,
        fail_silently=False,
    )


def send_mail_to(*, owner, to: str, subject: str, body: str) -> None:
    """Send one plain-text mail from the user's own address through their SMTP server."""
    if not owner.email:
        raise JournalDataError("from", "set your own e-mail address in the settings first")
    if not to or "@" not in to:
        raise JournalDataError("to", "the recipient needs an e-mail address")
    if not subject.strip() or not body.strip():
        raise JournalDataError("body", "subject and text must not be empty")
    sender = email.utils.formataddr((sender_name(owner), owner.email))
    message = EmailMessage(
        subject=subject, body=body, from_email=sender, to=[to], connection=smtp_connection()
    )
    try:
        message.send()
    except OSError as error:  # smtplib errors are OSErrors: refused, unreachable, authentication
        raise JournalDataError("smtp", f"the mail server did not accept the message: {error}") from None


def send_draft(
    *,
    owner,
    person: Person,
    kind: str,
    to: str,
    subject: str,
    body: str,
    task: Task | None = None,
    today: datetime.date | None = None,
) -> Interaction:
    """Send an edited draft, log it as an interaction and complete the task it served."""
    if person.do_not_contact:
        raise DoNotContact(person, request_language())
    unfilled = PLACEHOLDER.findall(body)
    if unfilled:
        message = _("Fill in the places marked [[…]] before sending: %(place)s") % {"place": unfilled[0]}
        raise JournalDataError("body", message)
    send_mail_to(owner=owner, to=to, subject=subject, body=body)
    with transaction.atomic():
        result = log_interaction(
            owner=owner,
            person=person,
            kind=SENT_KINDS.get(kind, "email"),
            date=today or timezone.localdate(),
            notes=subject,
            source="smtp",
        )
        if task is not None and task.is_open:
            complete_task(task=task)
    return result.interaction
