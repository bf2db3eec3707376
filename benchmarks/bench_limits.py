"""Imports at the limits: time and peak memory of the largest file each importer accepts.

.venv/bin/python benchmarks/bench_limits.py [--rows N] [--only KIND]

Each case runs in a fresh process (peak RSS is the process's own) on a fresh SQLite database:
- the 7.3 MB vCard with a 5 MB photo (parse only: the photo is dropped while unfolding);
- a LinkedIn Connections.csv, a Google contacts CSV and a vCard file, each with as many contacts as
  one import accepts (VERNETZT_MAX_IMPORT_ROWS, default 100,000; wide Google rows and vCards reach
  the 20 MB size limit first), imported for real;
- a CSV just over the size limit (VERNETZT_MAX_IMPORT_MB, default 20): the time until it is refused.
"""

from __future__ import annotations

import base64
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def photo_vcard(photo_bytes: int = 5_000_000, cards: int = 2000) -> bytes:
    photo = base64.b64encode(random.Random(1).randbytes(photo_bytes)).decode()
    folded = "\r\n ".join(photo[i : i + 74] for i in range(0, len(photo), 74))
    parts = [
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Foto;Paula;;;\r\nFN:Paula Foto\r\n"
        f"PHOTO;ENCODING=b;TYPE=JPEG:{folded}\r\nEND:VCARD\r\n"
    ]
    parts += [_card(n) for n in range(cards)]
    return "".join(parts).encode()


def _card(n: int) -> str:
    return (
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Nachname{n};Vorname{n};;;\r\nFN:Vorname{n} Nachname{n}\r\n"
        f"ORG:Firma {n % 300} GmbH\r\nTITLE:Leiterin Einkauf\r\nEMAIL;TYPE=INTERNET:v{n}@example.com\r\n"
        f"TEL;TYPE=CELL:+49 170 {n:07d}\r\nADR;TYPE=WORK:;;Hauptstr. {n};Dortmund;;44135;Deutschland\r\n"
        f"NOTE:Kennengelernt auf der Messe {n % 40}\\, Halle 3\r\nEND:VCARD\r\n"
    )


GOOGLE_HEADER = (
    "First Name,Middle Name,Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,"
    "Organization Title,Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,"
    "E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,"
    "Address 1 - Label,Address 1 - Formatted,Address 1 - City,Address 1 - Country,Website 1 - Label,"
    "Website 1 - Value"
)


def google_csv(rows: int) -> bytes:
    lines = [GOOGLE_HEADER]
    for n in range(rows):
        lines.append(
            f"Vorname{n},,Nachname{n},,,,,Firma {n % 300} GmbH,Leiter Einkauf,Einkauf,1980-{n % 12 + 1:02d}-"
            f"{n % 28 + 1:02d},Kennengelernt auf der Messe {n % 40},,* myContacts,* Work,v{n}@example.com,,,"
            f'Mobile,+49 170 {n:07d},Work,"Hauptstr. {n}, 44135 Dortmund",Dortmund,Germany,LinkedIn,'
            f"https://www.linkedin.com/in/vorname-{n}"
        )
    return ("\r\n".join(lines) + "\r\n").encode()


def _case(kind: str, path: str) -> dict:
    """Runs in the child process: one import (or parse) and its figures."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "vernetzt.settings"
    import django

    django.setup()
    from vernetzt.accounts.services import ensure_account
    from vernetzt.importers import ImportFormatError, parse_vcards
    from vernetzt.migrate import migrate_database
    from vernetzt.transfer import services

    source = Path(path)
    result: dict = {"kind": kind, "MB": round(source.stat().st_size / 1e6, 1)}
    migrate_database()
    owner, _ = ensure_account(username="bench")
    started, cpu = time.perf_counter(), time.process_time()
    if kind == "photo vCard (parse)":
        result["cards"] = len(parse_vcards(source.read_bytes(), filename=source.name).records)
    else:
        importer = {
            "LinkedIn CSV": services.import_linkedin,
            "Google CSV": services.import_contacts,
            "over the size limit": services.import_contacts,
        }.get(kind)
        try:
            if kind == "vCard":
                report = services.import_vcards(owner=owner, sources=[source])
            else:
                report = importer(owner=owner, source=source)
            result["created"] = report.created
        except ImportFormatError as error:
            result["refused"] = error.code
    result["s"] = round(time.perf_counter() - started, 2)
    result["cpu s"] = round(time.process_time() - cpu, 2)
    result["peak RSS MB"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return result


def main(argv: list[str]) -> None:
    if argv and argv[0] == "--case":
        print(json.dumps(_case(argv[1], argv[2])))
        return
    sys.path.insert(0, str(HERE))
    from gen_linkedin import generate_connections_csv

    rows = int(argv[argv.index("--rows") + 1]) if "--rows" in argv else 100_000
    only = argv[argv.index("--only") + 1] if "--only" in argv else None
    folder = Path(tempfile.mkdtemp(prefix="vernetzt-bench-limits-"))
    limit = 20 * 1024 * 1024
    # Google's rows and vCards are wide: the largest file allowed holds fewer than ``rows`` of them.
    google_rows = min(rows, int(rows * limit / len(google_csv(rows))))
    vcards = "".join(_card(n) for n in range(rows)).encode()
    vcard_rows = min(rows, int(rows * limit / len(vcards)))
    over = google_csv(rows)
    while len(over) <= limit:
        over += over[len(GOOGLE_HEADER) + 2 :]
    files = {
        "photo vCard (parse)": ("photo.vcf", photo_vcard()),
        "LinkedIn CSV": ("Connections.csv", generate_connections_csv(rows)),
        "Google CSV": ("google.csv", google_csv(google_rows)),
        "vCard": ("contacts.vcf", "".join(_card(n) for n in range(vcard_rows)).encode()),
        "over the size limit": ("too-big.csv", over),
    }
    for kind, (name, data) in files.items():
        if only and kind != only:
            continue
        path = folder / name
        path.write_bytes(data)
        env = {**os.environ, "VERNETZT_HOME": str(folder / f"home-{name}")}
        env.pop("VERNETZT_DATABASE_URL", None)
        done = subprocess.run(
            [sys.executable, __file__, "--case", kind, str(path)],
            env=env,
            capture_output=True,
            text=True,
            timeout=1800,
            check=True,
        )
        print(done.stdout.strip().splitlines()[-1], flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
