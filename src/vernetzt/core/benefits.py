"""Step 3 of the method: what the user can give a person with little effort, ranked and explained.

Three kinds of benefit (DESIGN §1): an **introduction** to someone in the user's network who complements
the person, **information** the user holds (their own fields, successes), and **help** the user offers.
What the person said they are looking for ("sucht: Lagerplaner in Vietnam") counts first; then their
fields, recent successes, function and region. An introduction is only suggested to someone the user
knows well, who does not know the person already (no tie, not at the same organization) and who is not
far below the person's level — a VP is not introduced to a trainee unless the VP asked for one.

Everything is plain data in, language-neutral ``Reason``s out; ``benefits_text`` renders them.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from vernetzt.core.places import REGIONS, countries_in_text, regions_in_text, resolve_country, resolve_region
from vernetzt.core.reasons import Reason
from vernetzt.core.terms import term_in
from vernetzt.core.text import fold
from vernetzt.core.titles import classify_title, seniority_rank

MAX_SUGGESTIONS = 5
MIN_CLOSENESS = 0.5  # tie strength 3 of 5, or a developing relationship: someone the user knows well
LEVELS_BELOW = 2  # how far below the person an introduction may still be sensible
MAX_PER_ORGANIZATION = 1
MAX_INTRODUCTIONS = 3  # the rest of the list is the user's own information and help, where there is any

# Functions whose people help each other's work (symmetric); a peer in the same function is separate.
_COMPLEMENTS = {
    ("supply_chain_logistics", "procurement"),
    ("supply_chain_logistics", "operations"),
    ("supply_chain_logistics", "information_technology"),
    ("supply_chain_logistics", "manufacturing"),
    ("supply_chain_logistics", "engineering"),
    ("supply_chain_logistics", "customer_service"),
    ("supply_chain_logistics", "sales"),
    ("operations", "manufacturing"),
    ("operations", "quality"),
    ("operations", "engineering"),
    ("operations", "information_technology"),
    ("procurement", "finance"),
    ("procurement", "sales"),
    ("procurement", "legal"),
    ("sales", "marketing"),
    ("sales", "business_development"),
    ("sales", "customer_service"),
    ("business_development", "consulting"),
    ("business_development", "general_management"),
    ("business_development", "finance"),
    ("marketing", "communications"),
    ("marketing", "data_analytics"),
    ("marketing", "product"),
    ("finance", "general_management"),
    ("finance", "legal"),
    ("finance", "data_analytics"),
    ("human_resources", "general_management"),
    ("human_resources", "education"),
    ("human_resources", "legal"),
    ("information_technology", "data_analytics"),
    ("information_technology", "engineering"),
    ("information_technology", "product"),
    ("engineering", "manufacturing"),
    ("engineering", "research_development"),
    ("engineering", "quality"),
    ("manufacturing", "quality"),
    ("general_management", "consulting"),
    ("general_management", "legal"),
    ("product", "research_development"),
}
_WEIGHTS = {
    "need": 3.0,
    "need_partial": 2.0,
    "field": 1.5,
    "field_related": 1.0,
    "field_more": 0.5,
    "success": 1.2,
    "peer": 1.0,
    "complement": 0.8,
    "region": 0.6,
    "senior": 0.2,
    "offer_field": 1.2,
    "your_success": 1.0,
    "market": 1.0,
}
# Words of a stated need that say nothing about what is needed.
_FILLER = frozenset(
    fold(w)
    for w in (
        "sucht suche suchen gesucht jemand jemanden jemandem kontakt kontakte kontakten erfahrung "
        "erfahrungen austausch hilfe unterstützung tipps tipp infos informationen einen eine einer einem "
        "für mit und oder nach aus über zum zur beim bei den die der das dem des zu von vom im in an am auf "
        "als wie neue neuen looking seeking wants need needs someone contact contacts experience "
        "experiences help advice tips info information with and for from the a an of to in on at as about "
        "into new who "
        # words of the trade too general to say two people work on the same thing
        "logistik logistics logistic management manager supply chain service services solutions group "
        "international business projekt project development entwicklung "
        # a level, not a line of work: an IT partner is not found among HR business partners
        "partner partnerin partners"
    ).split()
)
_WORD = re.compile(r"[^\W\d_]{3,}")
_SUFFIXES = ("ungen", "innen", "ung", "ern", "en", "er", "es", "e", "n", "s")


_UMLAUTS = (("ae", "a"), ("oe", "o"), ("ue", "u"))


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    folded = fold(word)
    for spelled, plain in _UMLAUTS:  # "Kühlhäuser" and "Kühlhaus", "Einkäufer" and "Einkauf" meet
        folded = folded.replace(spelled, plain)
    for suffix in _SUFFIXES:
        if folded.endswith(suffix) and len(folded) - len(suffix) >= 4:
            return folded[: -len(suffix)]
    return folded


@lru_cache(maxsize=65536)
def overlap(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two stem sets share a word, also inside German compounds ("lagerautomatisier" holds
    "automatisier", "vertriebskontakt" starts with "vertrieb")."""
    if a & b:
        return True
    return any(
        len(x) >= 6 and len(y) >= 6 and (x.endswith(y) or y.endswith(x) or x.startswith(y) or y.startswith(x))
        for x in a
        for y in b
    )


@lru_cache(maxsize=65536)
def stems(*texts: str) -> frozenset[str]:
    """Comparable word stems of texts in either language: "Kühlketten" and "cold chain" meet."""
    found: set[str] = set()
    for text in texts:
        if not text:
            continue
        for form in {text, term_in(text, "de"), term_in(text, "en")}:
            found.update(_stem(word) for word in _WORD.findall(form) if fold(word) not in _FILLER)
    return frozenset(found)


@dataclass(frozen=True)
class Need:
    """A stated need, read: the role it asks for (if any), the places, the other words."""

    text: str
    function: str | None
    countries: frozenset[str]
    regions: frozenset[str]
    words: frozenset[str]


def read_need(text: str) -> Need:
    role = classify_title(text)
    countries, regions = countries_in_text(text), regions_in_text(text)
    # The place is matched as a place; as a word, "Vietnam" would make a sales manager for Vietnam fit
    # a need for a warehouse planner there.
    place_words = {_stem(w) for w in _WORD.findall(" ".join(REGIONS[r].names["de"] for r in regions))}
    place_words |= {
        _stem(w)
        for w in _WORD.findall(text)
        if resolve_country(w) in countries or resolve_region(w) in regions
    }
    words = stems(text) - place_words
    function = role.function if role.function and role.function != "other" else None
    return Need(text, function, countries, regions, words)


@dataclass(frozen=True)
class Profile:
    """One person as benefit suggestions see them (the person to give to, or a contact of the user)."""

    person_id: int
    name: str
    title: str = ""
    function: str = ""
    seniority: str = ""
    country: str = ""
    regions: frozenset[str] = frozenset()
    organization: str = ""  # normalized name
    fields: Sequence[str] = ()
    needs: Sequence[str] = ()
    offers: Sequence[str] = ()
    successes: Sequence[str] = ()  # recent successes, newest first
    closeness: float = 0.0  # how well the user knows them, 0..1
    knows: frozenset[int] = frozenset()  # ids of people they know

    @cached_property
    def words(self) -> frozenset[str]:
        return stems(self.title, *self.fields, *self.offers)


@dataclass(frozen=True)
class Holding:
    """What the user has to give: their fields, what they offer, their recent successes, where they are."""

    fields: Sequence[str] = ()
    offers: Sequence[str] = ()
    successes: Sequence[str] = ()
    function: str = ""
    country: str = ""


@dataclass(frozen=True)
class BenefitSuggestion:
    kind: str  # "introduction", "information" or "help"
    score: float
    reasons: tuple[Reason, ...]
    contact_id: int | None = None  # whom to introduce
    subject: str = ""  # the field, success or offer the information or help is about
    params: dict[str, object] = field(default_factory=dict)


def _rank(level: str) -> int | None:
    return seniority_rank(level) if level else None


def _specific_regions(codes: Iterable[str]) -> list[str]:
    """Shared regions, most specific (fewest countries) first, continents and EMEA left out."""
    return sorted(
        (c for c in codes if c in REGIONS and len(REGIONS[c].countries) <= 22),
        key=lambda c: (len(REGIONS[c].countries), c),
    )


def _in_place(contact: Profile, countries: frozenset[str], regions: frozenset[str]) -> bool:
    return contact.country in countries or bool(contact.regions & regions)


def _need_reason(need: Need, contact: Profile) -> tuple[float, Reason] | None:
    placed = bool(need.countries or need.regions)
    if placed and not _in_place(contact, need.countries, need.regions):
        return None
    role = need.function is not None and contact.function == need.function
    shared = overlap(need.words, contact.words)
    if not (role or shared or (placed and not need.words)):
        return None
    # Both what and where (or the very words) fit: the need itself; only the role or only the place: half.
    weight = _WEIGHTS["need"] if shared or (role and placed) else _WEIGHTS["need_partial"]
    return weight, Reason("need", {"need": need.text})


def _introduction(person: Profile, contact: Profile, needs: list[Need]) -> BenefitSuggestion | None:
    reasons: list[tuple[float, Reason]] = []
    for need in needs:
        found = _need_reason(need, contact)
        if found:
            reasons.append(found)
            break
    met_need = bool(reasons)
    person_rank, contact_rank = _rank(person.seniority), _rank(contact.seniority)
    ranked = person_rank is not None and contact_rank is not None
    if not met_need and ranked and contact_rank < person_rank - LEVELS_BELOW:
        return None  # below the line of sensible introductions
    pairs = [(f, g) for f in contact.fields for g in person.fields if overlap(stems(f), stems(g))]
    if pairs:
        field, theirs = pairs[0]
        same = stems(field) == stems(theirs)
        weight = _WEIGHTS["field" if same else "field_related"] + _WEIGHTS["field_more"] * (len(pairs) > 1)
        code = "field" if same else "field_related"
        reasons.append((weight, Reason(code, {"field": field, "theirs": theirs})))
    for success in person.successes[:2]:
        places = countries_in_text(success) - {person.country}
        related = overlap(stems(success), contact.words) or (places and contact.country in places)
        if related:
            reasons.append((_WEIGHTS["success"], Reason("success", {"success": success})))
            break
    functions = person.function, contact.function
    known_function = person.function and person.function != "other"
    if known_function and contact.function == person.function and contact.country != person.country:
        peer = Reason("peer", {"function": contact.function, "country": contact.country})
        reasons.append((_WEIGHTS["peer"], peer))
    if contact.function != person.function and (functions in _COMPLEMENTS or functions[::-1] in _COMPLEMENTS):
        reasons.append(
            (
                _WEIGHTS["complement"],
                Reason("complement", {"function": contact.function, "theirs": person.function}),
            )
        )
    peered = any(reason.code == "peer" for _, reason in reasons)
    if contact.country != person.country and not peered:  # a peer's reason names the country already
        regions = _specific_regions(person.regions & contact.regions)
        if regions:
            reasons.append((_WEIGHTS["region"], Reason("region", {"region": regions[0]})))
    if not reasons:
        return None
    fit = sum(weight for weight, _ in reasons)
    if contact_rank is not None and person_rank is not None and contact_rank >= person_rank:
        fit += _WEIGHTS["senior"]
    ordered = [reason for _, reason in sorted(reasons, key=lambda pair: -pair[0])]
    ordered.append(Reason("knows_well", {"closeness": round(contact.closeness, 2)}))
    return BenefitSuggestion(
        kind="introduction",
        score=fit * (0.5 + 0.5 * contact.closeness),
        reasons=tuple(ordered),
        contact_id=contact.person_id,
    )


def _from_holding(person: Profile, holding: Holding, needs: list[Need]) -> list[BenefitSuggestion]:
    """Information and help from what the user has, matched to the person's needs, fields and role."""
    found: list[BenefitSuggestion] = []
    their_words = stems(person.title, *person.fields)
    for kind, items in (("help", holding.offers), ("information", holding.fields)):
        for item in items:
            words = stems(item)
            need = next((n for n in needs if overlap(n.words, words)), None)
            if need is not None:
                found.append(
                    BenefitSuggestion(
                        kind, _WEIGHTS["need"], (Reason("need", {"need": need.text}),), subject=item
                    )
                )
            elif overlap(words, their_words):
                shared = next((f for f in person.fields if overlap(stems(f), words)), person.title)
                found.append(
                    BenefitSuggestion(
                        kind,
                        _WEIGHTS["offer_field"],
                        (Reason("their_field", {"field": shared}),),
                        subject=item,
                    )
                )
    for success in holding.successes[:3]:
        words = stems(success)
        if overlap(words, their_words):
            reason = Reason("their_field", {"field": next(iter(person.fields), person.title)})
        elif holding.function and holding.function == person.function:
            reason = Reason("same_function", {"function": person.function})
        else:
            continue
        suggestion = BenefitSuggestion("information", _WEIGHTS["your_success"], (reason,), subject=success)
        found.append(dataclasses.replace(suggestion, params={"success": True}))
    if holding.country and person.country and holding.country != person.country:
        targeted = [r for r in _specific_regions(person.regions) if holding.country in REGIONS[r].countries]
        if targeted:
            found.append(
                BenefitSuggestion(
                    "information",
                    _WEIGHTS["market"],
                    (Reason("market", {"region": targeted[0]}),),
                    params={"country": holding.country},
                )
            )
    return found


def suggest_benefits(
    *,
    person: Profile,
    contacts: Iterable[Profile],
    holding: Holding,
    exclude: Iterable[int] = (),
    limit: int = MAX_SUGGESTIONS,
) -> list[BenefitSuggestion]:
    """What the user could give ``person``, best first: at most one introduction per organization, each
    suggestion with the reasons that make it fit (the first reason is the strongest)."""
    needs = [read_need(text) for text in person.needs if text and text.strip()]
    excluded = {person.person_id, *exclude, *person.knows}
    suggestions = []
    for contact in contacts:
        if (
            contact.person_id in excluded
            or person.person_id in contact.knows
            or contact.closeness < MIN_CLOSENESS
            or (person.organization and contact.organization == person.organization)
        ):
            continue
        found = _introduction(person, contact, needs)
        if found is not None:
            suggestions.append((found, contact.organization))
    suggestions.sort(key=lambda pair: (-pair[0].score, pair[0].contact_id))
    own = sorted(_from_holding(person, holding, needs), key=lambda s: (-s.score, s.kind, s.subject))
    introductions: list[BenefitSuggestion] = []
    per_org: dict[str, int] = {}
    room = max(MAX_INTRODUCTIONS, limit - len(own))
    for suggestion, organization in suggestions:
        if organization and per_org.get(organization, 0) >= MAX_PER_ORGANIZATION:
            continue
        per_org[organization] = per_org.get(organization, 0) + 1
        introductions.append(suggestion)
        if len(introductions) >= room:
            break
    chosen = sorted([*introductions, *own], key=lambda s: (-s.score, s.kind, s.contact_id or 0, s.subject))
    return chosen[:limit]
