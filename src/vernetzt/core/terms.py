"""Recorded words shown in the reader's language: "Segeln" reads "sailing" in English, "Singapur" reads
"Singapore"; anything the table does not know is shown as written (it is the user's own text)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from vernetzt.core.language import check_language, language_name
from vernetzt.core.text import fold


@cache
def _table() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    text = (files("vernetzt.core") / "data" / "terms_de_en.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            german, english = line.split("\t")
            for name in (german, english):
                table.setdefault(fold(name).strip(), (german, english))
    return table


def term_in(text: str, lang: str) -> str:
    """``text`` in ``lang`` ("de"/"en") when it is a known city, hobby or field; else as written."""
    forms = _table().get(fold(text).strip())
    if forms is None:
        return text.strip()
    return forms[0] if check_language(lang) == "de" else forms[1]


def translation_known(text: str) -> bool:
    """Whether ``text`` is a city, hobby or field the table reads in both languages."""
    return fold(text).strip() in _table()


def terms_in(texts, lang: str) -> list[str]:
    return [term_in(text, lang) for text in texts if text and text.strip()]


def common_label(kind: str, label: str, lang: str) -> str:
    """A shared thing (``core.questions.CommonGround``) as the reader reads it: languages by their name
    in ``lang``, cities and hobbies translated where known, names of schools and organizations as
    written."""
    if kind == "language":
        return language_name(label, lang)
    if kind in ("city", "interest"):
        return term_in(label, lang)
    return label.strip()
