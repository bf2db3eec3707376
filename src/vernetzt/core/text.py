"""Text normalisation shared by search, de-duplication and matching.

German names are spelled three ways in the wild ("Müller", "Mueller", "Muller"); search and
matching treat them alike by indexing and querying folded forms.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that Unicode does not decompose into a base letter and an accent: the Turkish dotless ı
# ("Işık" is written "Isik" in ASCII), the Polish ł, the Croatian đ, the Nordic ð/þ and the ligatures.
_TRANSLITERATE = str.maketrans(
    {
        "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "ø": "oe", "å": "aa", "œ": "oe",
        "ı": "i", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ħ": "h",
    }
)  # fmt: skip
_WORD = re.compile(r"[0-9a-z]+")
_LEGAL_FORMS = frozenset(
    "gmbh mbh ag kg ohg gbr ug se kgaa ev eg co ltd limited plc llc inc incorporated corp corporation "
    "company bv nv sa sas sarl srl spa ab as oy aps pte pty lp llp sl kk jsc pjsc oao ooo tbk bhd sdn".split()
)
# Dotted or slashed abbreviations ("e. V.", "B.V.", "S.p.A.", "A/S") become one word before matching.
_DOTTED_LETTER = re.compile(r"(?<![0-9a-z])([a-z])(?:\.\s?|/)(?=[a-z](?![0-9a-z]{2}))")


def strip_accents(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lowercase, umlauts transliterated (ü → ue), remaining accents stripped."""
    return strip_accents(text.casefold().translate(_TRANSLITERATE))


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def search_words(text: str) -> list[str]:
    """Index words for ``text``: the transliterated form and, where it differs, the accent-stripped
    one, so "Müller" is found by "müller", "mueller" and "muller"."""
    lowered = text.casefold()
    found = dict.fromkeys(_WORD.findall(fold(lowered)))
    found.update(dict.fromkeys(_WORD.findall(strip_accents(lowered))))
    return list(found)


def normalize_org_name(name: str) -> str:
    """The key that identifies an organization: case, accents, punctuation and legal forms removed
    ("Muster Maschinenbau GmbH" and "Muster-Maschinenbau" are one organization)."""
    joined = _DOTTED_LETTER.sub(r"\1", fold(name))
    tokens = [w for w in _WORD.findall(joined.replace("&", " ")) if w not in _LEGAL_FORMS]
    return " ".join(tokens) or fold(name).strip()


def normalize_person_name(name: str) -> str:
    return " ".join(words(name))
