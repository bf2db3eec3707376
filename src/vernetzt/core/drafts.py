"""Drafts for the follow-up messages of the method — thank-you e-mail (after an encounter or a meeting),
birthday greeting, meeting request and lunch invitation — in German (Sie or du) and English, for the user
to edit before sending.

* The salutation follows the person's title of address and academic title: "Sehr geehrte Frau Dr.
  Raman," / "Liebe Priya," / "Dear Ms Raman," / "Dear Priya,"; without a known Frau/Herr the neutral
  "Guten Tag Priya Raman,".
* A remembered snippet is woven in as a topic or a clause (``core.snippets``), never pasted as a note.
* The benefit is named: an introduction by the contact's name ("einen Kontakt zu Daniel Ortmann
  vermitteln"), a recorded offer in the draft's words.
* What the user must still say is marked ``[[…]]`` in the user's own language: a snippet or offer in
  another language than the draft, and for a lunch invitation the topic and the benefit when none is
  recorded. ``Draft.placeholders`` lists them; a draft with placeholders is not ready to send.

Recorded texts read best as short phrases: ``topic`` as it follows "über" / "about" ("Logistik in
Südostasien"), an offer as an infinitive ("unsere Erfahrungen mit dem Hochregallager teilen", "share our
market study") or a noun phrase ("Marktstudie Vietnam").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from babel.dates import format_date

from vernetzt.core.drafts_text import (
    AT_EVENT,
    CLOSINGS,
    ENGLISH_TITLES,
    LANGUAGE_NAMES,
    LAYOUT,
    NEEDS,
    NOTICE,
    NOTICE_AND,
    NOTICE_MORE,
    NOTICE_SOURCES,
    OFFER,
    OFFER_LEADS,
    ON_DATE,
    PLACEHOLDERS,
    SENTENCES,
    SUBJECTS,
    SUBJECTS_ENCOUNTER,
    SUBJECTS_WITH_EVENT,
    UNLESS,
)
from vernetzt.core.language import check_language, text_language
from vernetzt.core.snippets import weave_snippet

# The kinds of source recorded on a person (``Person.sources``, see people.provenance) that mean the
# data came from someone else than the user's own typing, and how the privacy notice names them. Not
# among them: typed in ("manual"), the API, the user's own profile, demo data, a merge (its sources
# come along), and mail and calendars (the person wrote or met the user themselves).
THIRD_PARTY_SOURCES: dict[str, str] = {
    "linkedin": "linkedin",
    "vcard": "address_book",
    "contacts": "address_book",
    "attendees": "attendees",
    "card": "card",
    "feed": "press",
}
DRAFT_KINDS: tuple[str, ...] = ("thank_you_email", "birthday_greeting", "meeting_request", "lunch_invitation")
OCCASIONS: tuple[str, ...] = ("meeting", "encounter")
TITLES_OF_ADDRESS: tuple[str, ...] = ("Frau", "Herr")
# English letters greet the British way ("Dear Ms Raman", "Kind regards,"), so they date it too.
_DATE_LOCALES = {"de": "de", "en": "en_GB"}
PLACEHOLDER = re.compile(r"\[\[(.+?)\]\]", re.DOTALL)

_DETERMINERS = frozenset(
    "ein eine einen einem einer der die das den dem des unser unsere unseren unserem unserer mein meine "
    "meinen meinem meiner".split()
)
_SEPARABLE = ("zurück", "weiter", "vor", "mit", "nach", "auf", "aus", "ein", "an", "ab", "bei", "zu", "her")
_ENGLISH_VERBS = frozenset(
    "share introduce send connect help show give review recommend forward pass lend offer invite".split()
)


@dataclass(frozen=True)
class Draft:
    subject: str
    body: str
    placeholders: tuple[str, ...] = ()  # the [[…]] places still to fill in, in order


@dataclass(frozen=True)
class Offer:
    """What the user brings: an introduction (``introduce_to`` a name, with role) or a recorded text."""

    text: str = ""
    introduce_to: str = ""


def _clean(text: str | None) -> str:
    return " ".join((text or "").split()).rstrip(".!?…").strip()


def salutation(*, lang: str, formality: str, first_name: str, last_name: str, title_of_address: str = "",
               academic_title: str = "", kind: str = "") -> str:
    """The opening line of a message, comma included."""
    check_language(lang)
    first, last, academic = _clean(first_name), _clean(last_name), " ".join((academic_title or "").split())
    full = " ".join(part for part in (first, last) if part)
    if lang == "de":
        if formality == "du":
            if title_of_address and first:
                return f"{'Liebe' if title_of_address == 'Frau' else 'Lieber'} {first},"
            return f"Hallo {first or full}," if full else "Hallo,"
        if title_of_address and last:
            name = " ".join(part for part in (title_of_address, academic, last) if part)
            if kind == "birthday_greeting":
                return f"{'Liebe' if title_of_address == 'Frau' else 'Lieber'} {name},"
            return f"{'Sehr geehrte' if title_of_address == 'Frau' else 'Sehr geehrter'} {name},"
        name = " ".join(part for part in (academic, last) if part) if academic else full
        return f"Guten Tag {name}," if name else "Guten Tag,"
    if formality == "du" or not last:
        return f"Dear {first or full}," if full else "Hello,"
    if academic:
        english = "Professor" if academic.casefold().startswith("prof") else "Dr"
        return f"Dear {english} {last},"
    return f"Dear {ENGLISH_TITLES[title_of_address]} {last}," if title_of_address else f"Dear {full},"


def _zu_infinitive(words: list[str]) -> list[str]:
    """"Erfahrungen teilen" → "Erfahrungen zu teilen", "Kontakte vorstellen" → "Kontakte vorzustellen"."""
    verb = words[-1]
    for prefix in _SEPARABLE:
        if verb.startswith(prefix) and len(verb) > len(prefix) + 3:
            return [*words[:-1], f"{prefix}zu{verb[len(prefix):]}"]
    return [*words[:-1], "zu", verb]


def _offer_sentence(offer: Offer, *, form: str, lang: str, layout: str, ui_lang: str) -> str:
    lead = OFFER_LEADS[layout][lang]
    templates = OFFER[form]
    if offer.introduce_to:
        return templates["introduction"].format(lead=lead, name=offer.introduce_to)
    text = _clean(offer.text)
    written_in = text_language(text)
    if written_in is not None and written_in != lang:
        return templates["noun"].format(lead=lead, text=_rephrase(text, lang=lang, ui_lang=ui_lang))
    words = text.split()
    if lang == "de":
        if words[0].casefold() in _DETERMINERS:
            words[0] = words[0].casefold()
        last = words[-1]
        if len(words) > 1 and last.islower() and last.endswith(("en", "eln", "ern")):
            return templates["infinitive"].format(lead=lead, text=" ".join(_zu_infinitive(words)))
        return templates["noun"].format(lead=lead, text=text)
    if words[0].casefold() in _ENGLISH_VERBS:
        return templates["infinitive"].format(lead=lead, text=" ".join([words[0].casefold(), *words[1:]]))
    return templates["noun"].format(lead=lead, text=text)


def _rephrase(note: str, *, lang: str, ui_lang: str) -> str:
    language = LANGUAGE_NAMES[ui_lang][lang]
    return PLACEHOLDERS["rephrase"][ui_lang].format(language=language, note=note)


def draft_message(
    *,
    kind: str,
    lang: str,
    formality: str,
    person_first_name: str | None,
    person_last_name: str | None,
    sender_name: str,
    title_of_address: str | None = None,
    academic_title: str | None = None,
    event_name: str | None = None,
    snippet: str | None = None,
    offer: Offer | None = None,
    topic: str | None = None,
    meeting_date: date | None = None,
    occasion: str = "meeting",
    ui_lang: str | None = None,
    offer_hint: str | None = None,
) -> Draft:
    """A draft of ``kind`` (see ``DRAFT_KINDS``) to one person, in ``lang`` and ``formality``.

    ``occasion`` tells what a thank-you follows: an ``encounter`` at an event (a meeting agreed) or a
    ``meeting``. ``meeting_date`` is the date of that encounter or meeting (thank-you) or the proposed
    date (request, invitation). ``ui_lang`` is the language of the marked places (default ``lang``);
    ``offer_hint`` a suggestion shown in the place for a missing benefit.
    """
    if kind not in DRAFT_KINDS:
        raise ValueError(f"unknown draft kind: {kind!r}")
    check_language(lang)
    ui_lang = check_language(ui_lang or lang)
    if formality not in ("sie", "du"):
        raise ValueError(f"unknown formality: {formality!r}")
    if title_of_address not in (*TITLES_OF_ADDRESS, None, ""):
        raise ValueError(f"title_of_address must be one of {TITLES_OF_ADDRESS} or None")
    if occasion not in OCCASIONS:
        raise ValueError(f"unknown occasion: {occasion!r}")
    form = "en" if lang == "en" else f"de_{formality}"
    layout = f"{kind}:{occasion}" if kind == "thank_you_email" else kind
    name = " ".join(part for part in (_clean(person_first_name), _clean(person_last_name)) if part)
    slots = {
        "event": _clean(event_name),
        "topic": _clean(topic),
        "date": format_date(meeting_date, format="long", locale=_DATE_LOCALES[lang]) if meeting_date else "",
        "snippet_topic": "",
        "snippet_clause": "",
        "offer": "",
    }
    if _clean(snippet):
        woven = weave_snippet(snippet, lang=lang, formality=formality)
        if woven.mode == "clause":
            slots["snippet_clause"] = woven.text
        else:
            slots["snippet_topic"] = (
                woven.text if woven.mode == "topic" else _rephrase(woven.text, lang=lang, ui_lang=ui_lang)
            )
    offer = offer if offer is not None and (offer.introduce_to or _clean(offer.text)) else None
    if offer is not None and kind != "birthday_greeting":
        slots["offer"] = _offer_sentence(offer, form=form, lang=lang, layout=layout, ui_lang=ui_lang)
    if kind == "lunch_invitation":
        # The method: a lunch invitation names the topic and the benefit; the user supplies what is missing.
        if not slots["topic"]:
            slots["topic"] = PLACEHOLDERS["topic"][ui_lang].format(name=name)
        if not slots["offer"]:
            hint = PLACEHOLDERS["offer_hint"][ui_lang].format(hint=offer_hint) if offer_hint else ""
            slots["offer"] = PLACEHOLDERS["offer"][ui_lang].format(name=name, hint=hint)
    filled = {key for key, value in slots.items() if value}
    slots["at_event"] = AT_EVENT[lang].format(**slots) if "event" in filled else ""
    on_date = "date" in filled and kind == "thank_you_email"
    slots["on_date"] = ON_DATE[lang].format(**slots) if on_date else ""

    paragraphs = []
    for keys in LAYOUT[layout]:
        sentences = [
            SENTENCES[form][key].format(**slots)
            for key in keys
            if set(NEEDS.get(key, ())) <= filled and UNLESS.get(key) not in filled
        ]
        if sentences:
            paragraphs.append(" ".join(sentences))

    opening = salutation(lang=lang, formality=formality, first_name=person_first_name or "",
                         last_name=person_last_name or "", title_of_address=title_of_address or "",
                         academic_title=academic_title or "", kind=kind)
    closings = CLOSINGS[form if lang == "de" else f"en_{formality}"]
    closing = closings.get(kind, closings[None])
    body = "\n\n".join([opening, *paragraphs, f"{closing}\n{sender_name.strip()}"])
    return Draft(subject=_subject(kind, lang, occasion, slots["event"]), body=body,
                 placeholders=tuple(PLACEHOLDER.findall(body)))


def _subject(kind: str, lang: str, occasion: str, event: str) -> str:
    if event and kind in SUBJECTS_WITH_EVENT and (kind != "thank_you_email" or occasion == "encounter"):
        return SUBJECTS_WITH_EVENT[kind][lang].format(event=event)
    if kind == "thank_you_email" and occasion == "encounter":
        return SUBJECTS_ENCOUNTER[lang]
    return SUBJECTS[kind][lang]


def notice_sources(sources) -> tuple[str, ...]:
    """The third-party origins among a person's recorded sources (``Person.sources`` entries
    ``{"kind", …}``, or their kinds alone), in the order first seen."""
    kinds = (s.get("kind", "") if isinstance(s, dict) else s for s in sources)
    return tuple(dict.fromkeys(THIRD_PARTY_SOURCES[k] for k in kinds if k in THIRD_PARTY_SOURCES))


def privacy_notice(*, lang: str, formality: str, sources, page_url: str = "") -> str:
    """The short information text (Art. 14 GDPR) for the end of a first message, or "" when none of
    ``sources`` (as recorded on the person) is a third party. ``page_url`` is the account's public
    privacy page; without one the text still says how to object (a reply)."""
    check_language(lang)
    if formality not in ("sie", "du"):
        raise ValueError(f"unknown formality: {formality!r}")
    origins = notice_sources(sources)
    if not origins:
        return ""
    form = f"{lang}_{formality}"
    names = [NOTICE_SOURCES[o].get(f"de_{formality}" if lang == "de" else lang, NOTICE_SOURCES[o].get(lang))
             for o in origins]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + NOTICE_AND[lang] + names[-1]
    more = NOTICE_MORE[form].format(url=page_url) if page_url else ""
    return NOTICE[form].format(source=joined, more=more)


def append_notice(body: str, notice: str) -> str:
    """The message with the notice as its last paragraph, after the signature."""
    return f"{body}\n\n{notice}" if notice else body
