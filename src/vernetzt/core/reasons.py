"""Why a person was suggested: language-neutral reason codes and their German and English texts.

The ranking emits ``Reason(code, params)`` with ids; the caller renders them in the user's language,
passing ``labels``: a mapping from a label namespace to {id: display name}. Namespaces:
``function`` (index), ``region`` (code), ``org``, ``industry``, ``person``, ``event``, ``school``,
``city``, ``interest``, ``language``, ``association``. An id without a label renders as ``#id``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from vernetzt.core.language import check_language
from vernetzt.core.terms import term_in

TEXTS: Mapping[str, Mapping[str, str]] = {
    "role_leads": {"de": "Leitet {function}{where}", "en": "Leads {function}{where}"},
    "role_led": {"de": "Leitete früher {function}{where}", "en": "Formerly led {function}{where}"},
    "role_works": {"de": "Arbeitet im Bereich {function}{where}", "en": "Works in {function}{where}"},
    "role_worked": {"de": "Arbeitete früher im Bereich {function}{where}",
                    "en": "Formerly worked in {function}{where}"},
    "located": {"de": "Tätig in {regions}", "en": "Based in {regions}"},
    "home_country": {"de": "In Ihrem Land", "en": "In your country"},
    "home_region": {"de": "In Ihrer Region ({region})", "en": "In your region ({region})"},
    "target_org": {"de": "Arbeitet bei {org}", "en": "Works at {org}"},
    "target_org_past": {"de": "War früher bei {org}", "en": "Formerly at {org}"},
    "industry": {"de": "Branche: {industry}", "en": "Industry: {industry}"},
    "industry_related": {"de": "Verwandte Branche: {industry}", "en": "Related industry: {industry}"},
    "keyword": {"de": "Passt zu „{keyword}“", "en": "Matches “{keyword}”"},
    "levels_above": {"de": "{Levels} über Ihnen", "en": "{Levels} above you"},
    "levels_above_same_org": {"de": "In Ihrem Unternehmen {levels} über Ihnen",
                              "en": "{Levels} above you in your organization"},
    "your_manager": {"de": "Ihre Führungskraft", "en": "Your manager"},
    "peer_of_manager": {"de": "Auf einer Ebene mit Ihrer Führungskraft", "en": "A peer of your manager"},
    "manager_of_manager": {"de": "Führungskraft Ihrer Führungskraft", "en": "Your manager's manager"},
    "higher_in_line": {"de": "Weiter oben in Ihrer Berichtslinie", "en": "Higher up your reporting line"},
    "first_degree": {"de": "Direkter Kontakt", "en": "Direct contact"},
    "second_degree": {"de": "Kontakt zweiten Grades", "en": "Second-degree contact"},
    "introducer": {"de": "Über {person} erreichbar ({tie} Verbindung)",
                   "en": "Reachable through {person} ({tie} tie)"},
    "common_school": {"de": "Gleiche Hochschule: {name}", "en": "Same school: {name}"},
    "common_employer": {"de": "Gemeinsamer Arbeitgeber: {name}", "en": "Shared employer: {name}"},
    "common_city": {"de": "Gleiche Stadt: {name}", "en": "Same city: {name}"},
    "common_interest": {"de": "Gemeinsames Interesse: {name}", "en": "Shared interest: {name}"},
    "common_language": {"de": "Gemeinsame Sprache: {name}", "en": "Shared language: {name}"},
    "common_association": {"de": "Gleicher Verband: {name}", "en": "Same association: {name}"},
    "common_event": {"de": "Beide waren bei: {name}", "en": "Both attended: {name}"},
    "dormant": {"de": "Ruhender Kontakt – eine Wiederaufnahme lohnt sich",
                "en": "Dormant tie – worth reviving"},
    "dormant_years": {"de": "Ruhender Kontakt, seit {years} Jahren kein Austausch – "
                            "eine Wiederaufnahme lohnt sich",
                      "en": "Dormant tie, no contact for {years} years – worth reviving"},
    "existing": {"de": "Bestehende Beziehung vertiefen", "en": "Existing relationship to deepen"},
    "attends_event": {"de": "Nimmt an {event} teil", "en": "Attends {event}"},
    "attends_unnamed_event": {"de": "Nimmt an der Veranstaltung teil", "en": "Attends the event"},
}  # fmt: skip

# The same reasons as chips: a few words each, the function or place first.
CHIPS: Mapping[str, Mapping[str, str]] = {
    "role_leads": {"de": "Leitet {function}{at}", "en": "Leads {function}{at}"},
    "role_led": {"de": "Leitete {function}{at}", "en": "Led {function}{at}"},
    "role_works": {"de": "{function}{at}", "en": "{function}{at}"},
    "role_worked": {"de": "Früher {function}{at}", "en": "Formerly {function}{at}"},
    "located": {"de": "Region: {regions}", "en": "Region: {regions}"},
    "home_country": {"de": "Ihr Land", "en": "Your country"},
    "home_region": {"de": "Ihre Region: {region}", "en": "Your region: {region}"},
    "target_org": {"de": "Bei {org}", "en": "At {org}"},
    "target_org_past": {"de": "Früher bei {org}", "en": "Formerly at {org}"},
    "industry": {"de": "Branche: {industry}", "en": "Industry: {industry}"},
    "industry_related": {"de": "Nahe Branche: {industry}", "en": "Related industry: {industry}"},
    "keyword": {"de": "Passt zu „{keyword}“", "en": "Matches “{keyword}”"},
    "levels_above": {"de": "+{n} {unit}", "en": "+{n} {unit}"},
    "levels_above_same_org": {"de": "+{n} {unit} im Haus", "en": "+{n} {unit} in-house"},
    "your_manager": {"de": "Ihre Führungskraft", "en": "Your manager"},
    "peer_of_manager": {"de": "Auf Ebene Ihrer Führungskraft", "en": "Your manager's peer"},
    "manager_of_manager": {"de": "Führungskraft Ihrer Führungskraft", "en": "Your manager's manager"},
    "higher_in_line": {"de": "Oben in Ihrer Linie", "en": "Up your line"},
    "first_degree": {"de": "Direkter Kontakt", "en": "Direct contact"},
    "second_degree": {"de": "2. Grad", "en": "2nd degree"},
    "introducer": {"de": "Über {person}", "en": "Via {person}"},
    "common_school": {"de": "Hochschule: {name}", "en": "School: {name}"},
    "common_employer": {"de": "Arbeitgeber: {name}", "en": "Employer: {name}"},
    "common_city": {"de": "Ort: {name}", "en": "Place: {name}"},
    "common_interest": {"de": "Interesse: {name}", "en": "Interest: {name}"},
    "common_language": {"de": "Sprache: {name}", "en": "Language: {name}"},
    "common_association": {"de": "Verband: {name}", "en": "Association: {name}"},
    "common_event": {"de": "Auch bei: {name}", "en": "Also at: {name}"},
    "dormant": {"de": "Ruhender Kontakt", "en": "Dormant tie"},
    "dormant_years": {"de": "Ruht seit {years} J.", "en": "Dormant {years} yrs"},
    "existing": {"de": "Bestehende Beziehung", "en": "Existing tie"},
    "attends_event": {"de": "Bei {event}", "en": "At {event}"},
    "attends_unnamed_event": {"de": "Nimmt teil", "en": "Attends"},
}  # fmt: skip
CHIP_KINDS: Mapping[str, str] = {
    **dict.fromkeys(("levels_above", "levels_above_same_org"), "up"),
    **dict.fromkeys(("your_manager", "peer_of_manager", "manager_of_manager", "higher_in_line"), "relation"),
    **dict.fromkeys(("first_degree", "second_degree", "introducer"), "reach"),
    **{code: "common" for code in TEXTS if code.startswith("common_")},
    **dict.fromkeys(("dormant", "dormant_years", "existing"), "tie"),
    **dict.fromkeys(("attends_event", "attends_unnamed_event"), "event"),
}  # fmt: skip

_LEVEL_UNIT = {"de": ("Ebene", "Ebenen"), "en": ("level", "levels")}
_LEVELS = {
    "de": (
        "eine Ebene",
        "zwei Ebenen",
        "drei Ebenen",
        "vier Ebenen",
        "fünf Ebenen",
        "sechs Ebenen",
        "sieben Ebenen",
        "acht Ebenen",
        "neun Ebenen",
    ),
    "en": (
        "one level",
        "two levels",
        "three levels",
        "four levels",
        "five levels",
        "six levels",
        "seven levels",
        "eight levels",
        "nine levels",
    ),
}
# Upper bounds of tie strength (0..1) per word; the adjective agrees with "Verbindung" (feminine).
_TIE_WORDS = (
    (0.25, {"de": "schwache", "en": "weak"}),
    (0.55, {"de": "mäßig schwache", "en": "moderately weak"}),
    (0.8, {"de": "mittelstarke", "en": "moderately strong"}),
    (1.01, {"de": "starke", "en": "strong"}),
)
_AND = {"de": "und", "en": "and"}
_COMMON_NAMESPACE = {"employer": "org"}


@dataclass(frozen=True)
class Reason:
    code: str
    params: dict[str, object] = field(default_factory=dict)


def _label(labels: Mapping[str, Mapping[object, str]], namespace: str, key: object) -> str:
    return labels.get(namespace, {}).get(key, f"#{key}")


def _join(names: list[str], lang: str) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {_AND[lang]} {names[-1]}"


def _tie_word(strength: float, lang: str) -> str:
    return next(words[lang] for bound, words in _TIE_WORDS if strength < bound)


def describe_reason(reason: Reason, lang: str, labels: Mapping[str, Mapping[object, str]]) -> str:
    """The reason as a sentence fragment in ``lang`` ("de" or "en")."""
    code, values = _values(reason, lang, labels)
    return TEXTS[code][lang].format(**values)


def describe_chip(reason: Reason, lang: str, labels: Mapping[str, Mapping[object, str]]) -> tuple[str, str]:
    """(kind, text) of the reason as a chip a reader takes in at a glance ("Place: Singapore"); the
    kind (fit, up, relation, reach, common, tie, event) lets a list colour the chips by what they say."""
    code, values = _values(reason, lang, labels)
    return CHIP_KINDS.get(code, "fit"), CHIPS[code][lang].format(**values)


def _values(reason: Reason, lang: str, labels: Mapping[str, Mapping[object, str]]) -> tuple[str, dict]:
    check_language(lang)
    params, code = reason.params, reason.code
    values: dict[str, object] = {}
    if code.startswith("role_") or code == "located":
        names = [_label(labels, "region", r) for r in params["regions"]]
        regions = _join(names, lang) if names else ""
        values = {"regions": regions, "where": f" in {regions}" if regions else ""}
        values["at"] = f" · {regions}" if regions else ""
        if "function" in params:
            values["function"] = _label(labels, "function", params["function"])
    elif code.startswith("levels_above"):
        levels = int(params["levels"])
        words = _LEVELS[lang][levels - 1]  # ranks 0..9: never more than nine levels apart
        values = {"levels": words, "Levels": words[0].upper() + words[1:], "n": levels}
        values["unit"] = _LEVEL_UNIT[lang][levels > 1]
        code = "levels_above_same_org" if params.get("same_org") else code
    elif code == "introducer":
        values = {
            "person": _label(labels, "person", params["person"]),
            "tie": _tie_word(float(params["strength"]), lang),
        }
    elif code.startswith("common_"):
        ((kind, key),) = params.items()
        values = {"name": _label(labels, _COMMON_NAMESPACE.get(kind, kind), key)}
    elif code == "dormant" and params.get("years") is not None and params["years"] >= 2:
        code, values = "dormant_years", {"years": params["years"]}
    elif code == "attends_event":
        if params.get("event") is None:
            code = "attends_unnamed_event"
        values = {"event": _label(labels, "event", params.get("event"))}
    elif code in ("target_org", "target_org_past", "industry", "industry_related"):
        namespace = "org" if code.startswith("target_org") else "industry"
        values = {namespace: _label(labels, namespace, params[namespace])}
    elif code == "home_region":
        values = {"region": _label(labels, "region", params["region"])}
    elif code == "keyword":
        values = {"keyword": term_in(str(params["keyword"]), lang)}  # "Kühlkette" reads "cold chain"
    return code, values
