"""Organization names inside German and English sentences: the article, its case, and the spoken form.

"bei der Bundesvereinigung Logistik (BVL)", "beim VDI", "an der Technischen Universität Dortmund",
"bei Harbourline Logistics" — an association or school takes the article of its head noun (the first word
that names what kind of institution it is, also inside a compound: "Handelskammer", "Förderverein"), and
adjectives before it decline ("Deutsch-Singapurische" → "der Deutsch-Singapurischen Handelskammer");
a company name without such a noun takes no article. Legal forms ("GmbH", "Pte. Ltd.") are left out in
conversation, as people do when they speak.
"""

from __future__ import annotations

import re

from vernetzt.core.language import check_language
from vernetzt.core.places import country_name

# Endings of German and English institution nouns → grammatical gender (f, m, n); longest match wins.
_HEAD_NOUNS: dict[str, str] = {
    "vereinigung": "f", "verband": "m", "verein": "m", "kammer": "f", "gesellschaft": "f",
    "institut": "n", "universität": "f", "hochschule": "f", "akademie": "f", "stiftung": "f",
    "club": "m", "klub": "m", "forum": "n", "netzwerk": "n", "initiative": "f", "bund": "m",
    "bündnis": "n", "rat": "m", "kreis": "m", "gruppe": "f", "schule": "f", "zentrum": "n",
    "center": "n", "agentur": "f", "behörde": "f", "ministerium": "n", "amt": "n", "innung": "f",
    "genossenschaft": "f", "vertretung": "f", "kongress": "m", "messe": "f", "plattform": "f",
    "spedition": "f", "bank": "f", "versicherung": "f", "sparkasse": "f", "post": "f", "bahn": "f",
    "university": "f", "school": "f", "college": "n", "institute": "n", "association": "f",
    "society": "f", "chamber": "f", "council": "m", "foundation": "f", "network": "n",
}
# Abbreviations that are names in their own right, with the gender of what they stand for.
_ABBREVIATIONS: dict[str, str] = {
    "VDI": "m", "VDE": "m", "VDA": "m", "VDMA": "m", "BVL": "f", "BME": "m", "IHK": "f", "DIHK": "m",
    "BVMW": "m", "BDI": "m", "DGfP": "f", "ADAC": "m", "TU": "f", "TH": "f", "FH": "f", "RWTH": "f",
    "KIT": "n", "WHU": "f", "LMU": "f", "HSG": "f", "KLU": "f", "NUS": "f", "NTU": "f", "ETH": "f",
    "EBS": "f", "DHBW": "f", "IUBH": "f", "AHK": "f", "DAAD": "m", "VCI": "m", "BITKOM": "m",
}
# Without an institution noun, a name that opens with an adjective ("Deutsche Kontraktlogistik") has its
# last word as the head; these endings make it feminine.
_FEMININE_ENDINGS = ("ung", "heit", "keit", "schaft", "ion", "tät", "ik", "ei")
_DATIVE_ARTICLE = {"f": "der", "m": "dem", "n": "dem"}
# Preposition + dem contracts in German: "bei dem" → "beim", "an dem" → "am", "zu dem" → "zum".
_CONTRACTED = {("bei", "dem"): "beim", ("an", "dem"): "am", ("zu", "dem"): "zum", ("zu", "der"): "zur",
               ("in", "dem"): "im", ("von", "dem"): "vom"}
# An adjective in a name ("Deutsche", "Internationaler", "Technisches") declines after the article.
_ADJECTIVE = re.compile(r"^([A-ZÄÖÜ][\w-]*?(?:isch|lich|ig|al|ell|iv|an|sch|neu|frei|gemein|ar))(e|er|es)$")
_LEGAL_FORM = re.compile(
    r"[\s,]+(?:&\s*Co\.?\s*)?(?:GmbH|gGmbH|mbH|AG|SE|KG|KGaA|OHG|GbR|UG(?:\s*\(haftungsbeschränkt\))?|"
    r"e\.\s?V\.|eG|Pte\.?\s*Ltd\.?|Pvt\.?\s*Ltd\.?|Co\.,?\s*Ltd\.?|Ltd\.?|Limited|Inc\.?|LLC|Corp\.?|"
    r"Sdn\.?\s*Bhd\.?|Bhd\.?|S\.?A\.?|B\.?V\.?|N\.?V\.?|plc|PLC|Tbk\.?|JSC)\s*$"
)
_PARENTHESIS = re.compile(r"\s*\([^)]*\)\s*$")


def spoken_name(name: str) -> str:
    """The name as people say it: without legal forms ("Harbourline Logistics Pte. Ltd." → "Harbourline
    Logistics", "Muster Maschinenbau GmbH & Co. KG" → "Muster Maschinenbau")."""
    spoken = name.strip()
    while True:
        shorter = _LEGAL_FORM.sub("", spoken).strip(" ,")
        if shorter == spoken or not shorter:
            return spoken
        spoken = shorter


def _gender(words: list[str]) -> tuple[int, str] | None:
    """(index of the head noun, its gender), or None for a name without one."""
    for index, word in enumerate(words):
        bare = word.strip("„“\"'.,")
        if bare in _ABBREVIATIONS:
            return index, _ABBREVIATIONS[bare]
        lowered = bare.casefold().split("-")[-1]
        endings = [ending for ending in _HEAD_NOUNS if lowered.endswith(ending)]
        if endings:
            return index, _HEAD_NOUNS[max(endings, key=len)]
    if len(words) >= 2 and _ADJECTIVE.match(words[0]) and words[-1].casefold().endswith(_FEMININE_ENDINGS):
        return len(words) - 1, "f"
    return None


def dative(preposition: str, name: str) -> str:
    """``preposition`` ("bei", "an", "zu", "in", "von", "mit") and ``name`` in the dative, with the
    article where the name has a head noun: "bei der Bundesvereinigung Logistik (BVL)", "beim VDI",
    "an der Technischen Universität Dortmund", "bei Harbourline Logistics"."""
    spoken = spoken_name(name)
    words = spoken.split()
    found = _gender(_PARENTHESIS.sub("", spoken).split())
    if not words or found is None or words[0].casefold() in ("der", "die", "das", "the"):
        return f"{preposition} {spoken}"
    head, gender = found
    for index in range(head):
        match = _ADJECTIVE.match(words[index])
        if match:
            words[index] = match.group(1) + "en"
    article = _DATIVE_ARTICLE[gender]
    joined = _CONTRACTED.get((preposition, article), f"{preposition} {article}")
    return f"{joined} {' '.join(words)}"


def english_name(name: str, *, kind: str) -> str:
    """The name inside an English sentence: associations and clubs take "the" ("the VDI", "the Rotary
    Club"), schools only when named "University of …"; companies never."""
    spoken = spoken_name(name)
    if spoken.casefold().startswith("the "):
        return spoken
    institution = kind == "association" or (kind == "school" and " of " in spoken)
    return f"the {spoken}" if institution else spoken


# Country names that take an article: German "in der Schweiz", English "in the Philippines".
_GERMAN_COUNTRY_ARTICLES = {
    "CH": "in der Schweiz", "NL": "in den Niederlanden", "PH": "auf den Philippinen", "US": "in den USA",
    "TR": "in der Türkei", "SK": "in der Slowakei", "AE": "in den Vereinigten Arabischen Emiraten",
    "GB": "im Vereinigten Königreich", "IR": "im Iran", "IQ": "im Irak", "LB": "im Libanon", "YE": "im Jemen",
    "SD": "im Sudan", "CD": "in der Demokratischen Republik Kongo", "CG": "in der Republik Kongo",
    "MV": "auf den Malediven", "BS": "auf den Bahamas", "DO": "in der Dominikanischen Republik",
    "CF": "in der Zentralafrikanischen Republik", "VA": "im Vatikanstaat", "MN": "in der Mongolei",
}
_ENGLISH_THE = frozenset({"US", "GB", "NL", "PH", "AE", "CZ", "DO", "CF", "BS", "MV", "CD", "CG", "VA"})


def in_country(code: str, lang: str) -> str:
    """Where someone is, with the article a country's name needs: "in Deutschland", "in der Schweiz",
    "auf den Philippinen" / "in Germany", "in the Philippines"."""
    name = country_name(code, check_language(lang))
    if lang == "de":
        return _GERMAN_COUNTRY_ARTICLES.get(code.upper(), f"in {name}")
    return f"in the {name}" if code.upper() in _ENGLISH_THE else f"in {name}"


def at_organization(name: str, lang: str) -> str:
    """Where someone works: "bei der Bundesagentur für Arbeit" / "at Harbourline Logistics"."""
    if check_language(lang) == "de":
        return dative("bei", name)
    return f"at {english_name(name, kind='employer')}"
