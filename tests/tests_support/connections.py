"""A LinkedIn Connections.csv of any size, as LinkedIn writes it (BOM, notes before the header)."""

from __future__ import annotations


def connections_csv(rows: int) -> bytes:
    lines = [
        "Notes:",
        '"Some e-mail addresses are missing."',
        "",
    ]
    lines.append("First Name,Last Name,URL,Email Address,Company,Position,Connected On")
    for number in range(rows):
        lines.append(
            f"Vorname{number},Nachname{number},https://www.linkedin.com/in/person-{number},,"
            f"Firma {number % 300} GmbH,Leiterin Einkauf,04 Sep 2025"
        )
    return ("\ufeff" + "\n".join(lines) + "\n").encode("utf-8")
