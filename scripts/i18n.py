"""Message catalogs: `python scripts/i18n.py extract` (needs GNU gettext, developers only) and
`python scripts/i18n.py compile` (pure Python via polib; the compiled .mo files are committed, so
installing vernetzt needs no system tool). tests/test_i18n.py fails when they are out of date."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "src" / "vernetzt" / "locale"


def compile_catalogs() -> list[Path]:
    import polib

    written = []
    for po_path in sorted(LOCALE.glob("*/LC_MESSAGES/django.po")):
        catalog = polib.pofile(str(po_path))
        mo_path = po_path.with_suffix(".mo")
        catalog.save_as_mofile(str(mo_path))
        written.append(mo_path)
    return written


def extract() -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "vernetzt.settings"}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "vernetzt",
            "manage",
            "makemessages",
            "-l",
            "de",
            "--no-location",
            "--no-obsolete",
        ],
        cwd=ROOT / "src" / "vernetzt",
        env=env,
        check=True,
    )


if __name__ == "__main__":
    action = sys.argv[1] if len(sys.argv) > 1 else "compile"
    if action == "extract":
        extract()
    for path in compile_catalogs():
        print(f"compiled {path.relative_to(ROOT)}")
