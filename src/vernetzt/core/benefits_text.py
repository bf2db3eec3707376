"""German and English wording of benefit suggestions (``core.benefits``): what to do and why it fits."""

from __future__ import annotations

from dataclasses import dataclass

from vernetzt.core.benefits import BenefitSuggestion
from vernetzt.core.german import at_organization, in_country
from vernetzt.core.language import check_language
from vernetzt.core.places import region_name
from vernetzt.core.reasons import Reason
from vernetzt.core.terms import term_in
from vernetzt.core.titles import FUNCTION_LABELS

ACTIONS = {
    "introduction": {"de": "Einen Kontakt zu {contact} vermitteln", "en": "Introduce {person} to {contact}"},
    "information": {
        "de": "Ihre Erfahrung mit {subject} teilen",
        "en": "Share your experience with {subject}",
    },
    "information_success": {
        "de": "Weitergeben, was Sie aus „{subject}“ gelernt haben",
        "en": "Pass on what you learned from “{subject}”",
    },
    "information_market": {
        "de": "Ihre Kenntnis des Markts {in_country} teilen",
        "en": "Share your knowledge of the market {in_country}",
    },
    "help": {"de": "Anbieten: {subject}", "en": "Offer: {subject}"},
}
# The same benefits as the user offers them in a message ("… würde ich Ihnen gern anbieten, meine Erfahrung
# mit Intralogistik zu teilen"): first person, so a planned benefit reads right in the drafts.
OFFERS = {
    "information": {"de": "meine Erfahrung mit {subject} teilen", "en": "share my experience with {subject}"},
    "information_success": {
        "de": "meine Erfahrungen aus „{subject}“ teilen",
        "en": "share what I learned from “{subject}”",
    },
    "information_market": {
        "de": "meine Kenntnis des Markts {in_country} teilen",
        "en": "share my knowledge of the market {in_country}",
    },
    "help": {"de": "{subject}", "en": "{subject}"},
}
REASONS = {
    "need": {
        "de": "Passt zu dem, was {person} sucht: „{need}“",
        "en": "Fits what {person} is looking for: “{need}”",
    },
    "field": {"de": "Arbeitet wie {person} an {field}", "en": "Works on {field}, as {person} does"},
    "field_related": {
        "de": "Arbeitet an {field}, nah am Thema {theirs} von {person}",
        "en": "Works on {field}, close to {person}'s {theirs}",
    },
    "success": {
        "de": "Passt zum jüngsten Erfolg von {person}: „{success}“",
        "en": "Relevant to {person}'s recent success: “{success}”",
    },
    "peer": {
        "de": "Ebenfalls im Bereich {function}, aber {in_country} – Erfahrungen zum Austauschen",
        "en": "Also in {function}, but {in_country}: experience to trade",
    },
    "complement": {
        "de": "{function} ergänzt {theirs}, den Bereich von {person}",
        "en": "{function} complements {theirs}, {person}'s field",
    },
    "region": {"de": "Ebenfalls in {region} tätig", "en": "Also works in {region}"},
    "knows_well": {"de": "Sie kennen {contact} gut", "en": "You know {contact} well"},
    "their_field": {"de": "{person} arbeitet an {field}", "en": "{person} works on {field}"},
    "same_function": {
        "de": "{person} arbeitet wie Sie im Bereich {function}",
        "en": "{person} works in {function}, as you do",
    },
    "market": {
        "de": "{person} ist auf {region} ausgerichtet – dort kennen Sie sich aus",
        "en": "{person} works on {region}, which you know first-hand",
    },
}


@dataclass(frozen=True)
class Contact:
    """The person an introduction is to, as the texts name them."""

    name: str
    title: str = ""
    organization: str = ""


def _function(code: object, lang: str) -> str:
    """A function's label inside a sentence: English labels in lower case ("supply chain & logistics")."""
    label = FUNCTION_LABELS.get(str(code), {}).get(lang, str(code))
    return label[:1].lower() + label[1:] if lang == "en" and not label[1:2].isupper() else label


def describe_benefit_reason(reason: Reason, *, person: str, contact: str, lang: str) -> str:
    """One reason as a sentence fragment in ``lang``."""
    values: dict[str, object] = {"person": person, "contact": contact, **reason.params}
    for key in ("field", "theirs") if reason.code.startswith("field") else ("field",):
        if key in values:
            values[key] = term_in(str(values[key]), lang)
    for key in ("function",) if reason.code.startswith("field") else ("function", "theirs"):
        if key in values:
            values[key] = _function(values[key], lang)
    if "country" in values:
        values["in_country"] = in_country(str(values["country"]), lang)
    if "region" in values:
        values["region"] = region_name(str(values["region"]), lang)
    text = REASONS[reason.code][lang].format(**values)
    return text[:1].upper() + text[1:]


def contact_label(contact: Contact, lang: str) -> str:
    """ "Daniel Ortmann (Head of Intralogistics bei Westfalen Fördertechnik)"."""
    where = at_organization(contact.organization, lang) if contact.organization else ""
    role = " ".join(part for part in (contact.title, where) if part)
    return f"{contact.name} ({role})" if role else contact.name


def _key(suggestion: BenefitSuggestion) -> str:
    if suggestion.kind == "information" and suggestion.params.get("success"):
        return "information_success"
    if suggestion.kind == "information" and "country" in suggestion.params:
        return "information_market"
    return suggestion.kind


def _values(suggestion: BenefitSuggestion, lang: str) -> dict[str, str]:
    return {
        "subject": term_in(suggestion.subject, lang) if suggestion.subject else "",
        "in_country": in_country(str(suggestion.params["country"]), lang)
        if "country" in suggestion.params
        else "",
    }


def describe_benefit(
    suggestion: BenefitSuggestion, *, person: str, contact: Contact | None, lang: str
) -> tuple[str, list[str]]:
    """(what to do, why it fits) in ``lang``; ``contact`` names whom an introduction is to."""
    check_language(lang)
    values = {"person": person, "contact": contact_label(contact, lang) if contact else ""}
    name = contact.name if contact else ""
    reasons = [describe_benefit_reason(r, person=person, contact=name, lang=lang) for r in suggestion.reasons]
    return ACTIONS[_key(suggestion)][lang].format(**values, **_values(suggestion, lang)), reasons


def benefit_offer(suggestion: BenefitSuggestion, *, lang: str) -> str:
    """Information or help as the user offers it in a message in ``lang`` (first person, an infinitive
    or the offer itself); empty for an introduction, which the drafts name by the contact."""
    if suggestion.kind == "introduction":
        return ""
    return OFFERS[_key(suggestion)][check_language(lang)].format(**_values(suggestion, lang))
