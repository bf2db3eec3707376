"""Notes that look like special categories of personal data (Art. 9 GDPR): health, religion, political
opinions, trade-union membership, sexual orientation, ethnic origin. A hint for a gentle warning when
something is saved, never a block — the user decides what the relationship needs.

The German and English word lists are data (``core/data/special_categories.tsv``). Matching is by whole
words, so "Agentur" never holds "Kur"; a German noun also matches as the last part of a compound
("Brustkrebs"), never as the first ("Krebsforschung": a compound's head says what it is about).
Neighbouring words cancel a hit where they make it professional ("cancer research", "therapy area",
"the Great Depression"), and a capitalised word right after another capitalised word in mid-sentence
is taken for a name ("Markus Krebs"). Checked against held-out notes in tests/data/special_categories.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from vernetzt.core.language import check_language

CATEGORIES: tuple[str, ...] = ("health", "religion", "politics", "union", "orientation", "ethnic")
CATEGORY_NAMES = {
    "health": {"de": "Gesundheit", "en": "health"},
    "religion": {"de": "Religion", "en": "religion"},
    "politics": {"de": "politische Meinung", "en": "political opinion"},
    "union": {"de": "Gewerkschaftszugehörigkeit", "en": "trade-union membership"},
    "orientation": {"de": "sexuelle Orientierung", "en": "sexual orientation"},
    "ethnic": {"de": "ethnische Herkunft", "en": "ethnic origin"},
}
WARNING = {
    "de": "Das sieht nach besonders geschützten Daten aus ({found}, Art. 9 DSGVO). Gespeichert – behalten "
    "Sie nur, was die Beziehung wirklich braucht.",
    "en": "This looks like specially protected data ({found}, Art. 9 GDPR). Saved – keep only what the "
    "relationship really needs.",
}
_WORD = re.compile(r"\w+(?:[.'’-]\w+)*")
_TITLES = frozenset("dr dr. prof prof. herr frau mr mr. mrs mrs. ms ms.".split())


@dataclass(frozen=True)
class Hit:
    category: str
    word: str  # as written in the text


@dataclass(frozen=True)
class _Term:
    category: str
    match: str  # word, head, tail (compounds only: "Spielsucht", not the verb "sucht"), prefix, phrase
    words: tuple[str, ...]
    unless: frozenset[str]


@cache
def _terms() -> tuple[_Term, ...]:
    terms = []
    text = (files("vernetzt.core") / "data" / "special_categories.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        category, _lang, match, term, *rest = line.split("\t")
        if category not in CATEGORIES or match not in ("word", "head", "tail", "prefix", "phrase"):
            raise ValueError(f"special_categories.tsv: bad line {line!r}")
        unless = frozenset(w for w in (rest[0] if rest else "").split("|") if w)
        terms.append(_Term(category, match, tuple(term.casefold().split()), unless))
    return tuple(terms)


@cache
def _index() -> tuple[dict[str, list[_Term]], list[_Term], list[_Term], list[_Term]]:
    words: dict[str, list[_Term]] = {}
    heads, prefixes, phrases = [], [], []
    for term in _terms():
        if term.match == "phrase":
            phrases.append(term)
        elif term.match == "prefix":
            prefixes.append(term)
        else:
            if term.match != "tail":
                words.setdefault(term.words[0], []).append(term)
            if term.match in ("head", "tail"):
                heads.append(term)
    return words, heads, prefixes, phrases


def _tokens(text: str) -> list[tuple[str, str, int]]:
    """(as written, folded, start offset) per word; "alzheimer's" also as "alzheimer"."""
    return [(m.group(), m.group().casefold().replace("’", "'"), m.start()) for m in _WORD.finditer(text)]


def _looks_like_name(text: str, tokens, i: int) -> bool:
    """A capitalised word right after a capitalised word that does not start a sentence: "Markus Krebs"."""
    written = tokens[i][0]
    if i == 0 or not written[:1].isupper():
        return False
    before, _, start = tokens[i - 1]
    if not before[:1].isupper():
        return False
    if i == 1:
        return False
    previous_end = tokens[i - 2][2] + len(tokens[i - 2][0])
    gap = text[previous_end:start]
    after_title = tokens[i - 2][1] in _TITLES
    return after_title or not any(mark in gap for mark in ".!?:;")


def _cancelled(term: _Term, tokens, i: int, length: int = 1) -> bool:
    neighbours = {tokens[j][1] for j in (i - 1, i + length) if 0 <= j < len(tokens)}
    return bool(term.unless & neighbours)


def _parts(folded: str) -> list[str]:
    """A hyphenated word and its parts: "knie-op" → ["knie-op", "knie", "op"]."""
    if "-" not in folded:
        return [folded.removesuffix("'s")]
    return [folded, *folded.split("-")]


def find_special_categories(text: str | None) -> tuple[Hit, ...]:
    """The special categories ``text`` seems to touch, one hit per category (the first word found)."""
    if not text or not text.strip():
        return ()
    words, heads, prefixes, phrases = _index()
    tokens = _tokens(text)
    found: dict[str, Hit] = {}
    for i, (written, folded, _start) in enumerate(tokens):
        for part in _parts(folded):
            candidates = list(words.get(part, ()))
            candidates += [t for t in heads if part != t.words[0] and part.endswith(t.words[0])]
            candidates += [t for t in prefixes if part.startswith(t.words[0])]
            for term in candidates:
                if term.category in found:
                    continue
                if term.match in ("head", "tail") and part in term.unless:
                    continue
                if term.match not in ("head", "tail") and _cancelled(term, tokens, i):
                    continue
                if part == term.words[0] and _looks_like_name(text, tokens, i):
                    continue
                found[term.category] = Hit(term.category, written)
    folded_words = [t[1] for t in tokens]
    for term in phrases:
        n = len(term.words)
        if term.category in found:
            continue
        for i in range(len(folded_words) - n + 1):
            if tuple(folded_words[i : i + n]) == term.words:
                found[term.category] = Hit(term.category, " ".join(t[0] for t in tokens[i : i + n]))
                break
    return tuple(found[c] for c in CATEGORIES if c in found)


def special_categories_in(texts) -> tuple[Hit, ...]:
    """The hits of several texts saved together (a note and its snippets), one per category."""
    hits: dict[str, Hit] = {}
    for text in texts:
        for hit in find_special_categories(text):
            hits.setdefault(hit.category, hit)
    return tuple(hits.values())


def special_category_warning(texts, *, lang: str) -> str:
    """The gentle warning for what was saved (several texts at once: a note and its snippets), or ""."""
    check_language(lang)
    hits = special_categories_in(texts)
    if not hits:
        return ""
    quote = "„{}“" if lang == "de" else "“{}”"
    found = ", ".join(f"{CATEGORY_NAMES[h.category][lang]}: {quote.format(h.word)}" for h in hits)
    return WARNING[lang].format(found=found)
