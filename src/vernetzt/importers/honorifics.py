"""Titles of address in the ways address books store them: vCard's ``N`` prefix ("Dr.", "Frau Dr."),
Outlook's "Title" ("Mr.", "Ms.") and "Anrede"/"Titel" ("Herr", "Frau Prof. Dr."), Google's "Name Prefix"."""

from __future__ import annotations

import re

_FRAU = frozenset({"frau", "fr", "mrs", "ms", "miss", "madame", "mme", "sra", "signora"})
_HERR = frozenset({"herr", "hr", "mr", "monsieur", "sr", "signor", "sir"})
# Academic titles that belong in a salutation (Dr., Prof., the Austrian Mag./DI, and their qualifiers).
_ACADEMIC = re.compile(
    r"^(?:prof|dr|mag|di|pd|priv\.-doz)\b[\w.\-]*$|^(?:med|rer|nat|phil|jur|habil|h\.c)\.?$", re.IGNORECASE
)


def split_honorific(text: str) -> tuple[str, str]:
    """("Frau"/"Herr"/"", academic title) from a name prefix: "Frau Dr." → ("Frau", "Dr."),
    "Mr." → ("Herr", ""), "Prof. Dr. med." → ("", "Prof. Dr. med."); anything else is ignored."""
    address, academic = "", []
    for token in (text or "").replace(",", " ").split():
        bare = token.strip(".").casefold()
        if bare in _FRAU and not address:
            address = "Frau"
        elif bare in _HERR and not address:
            address = "Herr"
        elif _ACADEMIC.match(token):
            academic.append(token if token.endswith(".") or "-" in token else f"{token}.")
    return address, " ".join(academic)[:40]
