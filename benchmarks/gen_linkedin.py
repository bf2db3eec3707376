"""A realistic LinkedIn Connections.csv of any size, and the time `parse_linkedin_export` needs for it.

.venv/bin/python benchmarks/gen_linkedin.py [ROWS] [--write PATH]
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from vernetzt.importers.linkedin import parse_linkedin_export

FIRST = [
    "Katrin",
    "Daniel",
    "Priya",
    "Lena",
    "Jürgen",
    "Ömer",
    "Zoë",
    "Minh",
    "Siobhán",
    "Łukasz",
    "Anna",
    "Thomas",
    "Mei",
    "Ahmed",
    "Sofía",
    "Björn",
    "Chloé",
    "Raj",
    "Ingrid",
    "Kwame",
]
LAST = [
    "Vogel",
    "Ortmann",
    "Raman",
    "Brandt",
    "Weiß",
    "Yıldız",
    "Müller",
    "Nguyen",
    "O'Neill",
    "Kowalski",
    "Schmidt",
    "Berger",
    "Chen",
    "Hassan",
    "García",
    "Schäfer",
    "Dubois",
    "Patel",
    "Larsen",
    "Mensah",
]
COMPANIES = [
    "Elbe Terminal Services GmbH",
    "Westfalen Fördertechnik AG",
    "Harbourline Logistics Pte. Ltd.",
    "Brandt, Kühn & Partner",
    "Rhein Cargo GmbH",
    "DHL Supply Chain",
    "Maersk",
    "Siemens AG",
    "Kuehne + Nagel",
    "Stadtwerke Musterstadt",
]
TITLES = [
    "Leiterin Kontraktlogistik",
    "Head of Intralogistics",
    "VP Supply Chain, Southeast Asia",
    "Partnerin",
    "Disponent",
    "Geschäftsführer",
    "Supply Chain Director",
    "Werkstudentin Logistik",
    "Teamleiter Lager",
    "Chief Operating Officer",
]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
PREAMBLE = (
    'Notes:\r\n"When exporting your connection data, you may notice that some of the email addresses are '
    "missing. You will only see email addresses for connections who have allowed their connections to see "
    "or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. "
    'You can learn more here https://www.linkedin.com/help/linkedin/answer/261"\r\n\r\n'
)


def _quote(value: str) -> str:
    return f'"{value}"' if "," in value or '"' in value else value


def generate_connections_csv(rows: int = 30_000, *, seed: int = 0) -> bytes:
    """Connections.csv as LinkedIn writes it today: BOM, preamble, URL column, ~3 % hidden profiles."""
    rng = random.Random(seed)
    lines = [PREAMBLE + "First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    for index in range(rows):
        date = f"{rng.randint(1, 28):02d} {rng.choice(MONTHS)} {rng.randint(2008, 2026)}"
        if rng.random() < 0.03:
            lines.append(f",,,,,,{date}")
            continue
        first, last = rng.choice(FIRST), rng.choice(LAST)
        slug = f"{first}-{last}-{index:x}".casefold().replace("'", "")
        email = f"{slug}@example.com" if rng.random() < 0.2 else ""
        company, title = _quote(rng.choice(COMPANIES)), _quote(rng.choice(TITLES))
        lines.append(f"{first},{last},https://www.linkedin.com/in/{slug},{email},{company},{title},{date}")
    return "\ufeff".encode() + "\r\n".join(lines).encode("utf-8") + b"\r\n"


def main(argv: list[str]) -> None:
    rows = int(argv[0]) if argv and argv[0].isdigit() else 30_000
    data = generate_connections_csv(rows)
    if "--write" in argv:
        Path(argv[argv.index("--write") + 1]).write_bytes(data)
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        export = parse_linkedin_export(data, filename="Connections.csv")
        timings.append(time.perf_counter() - started)
    print(
        f"parse_linkedin_export: {rows} rows ({len(data) / 1e6:.1f} MB) → {len(export.connections)} "
        f"connections, {export.skipped} hidden; best of 5: {min(timings) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
