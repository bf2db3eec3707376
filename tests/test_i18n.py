from __future__ import annotations

from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parent.parent / "src" / "vernetzt" / "locale"
CATALOGS = sorted(LOCALE.glob("*/LC_MESSAGES/django.po"))


def test_there_is_a_german_catalog():
    assert [p.parts[-3] for p in CATALOGS] == ["de"]


def test_every_message_is_translated():
    for path in CATALOGS:
        catalog = polib.pofile(str(path))
        untranslated = [e.msgid for e in catalog.untranslated_entries()]
        fuzzy = [e.msgid for e in catalog.fuzzy_entries()]
        assert not untranslated and not fuzzy, f"{path}: untranslated {untranslated}, fuzzy {fuzzy}"


def test_placeholders_survive_translation():
    for path in CATALOGS:
        for entry in polib.pofile(str(path)):
            if "%(" in entry.msgid and entry.msgstr:
                names = sorted(part.split(")")[0] for part in entry.msgid.split("%(")[1:])
                got = sorted(part.split(")")[0] for part in entry.msgstr.split("%(")[1:])
                assert names == got, entry.msgid


def test_compiled_catalogs_are_up_to_date(tmp_path):
    """The .mo files are committed so installing needs no gettext; they must match the .po files."""
    for path in CATALOGS:
        fresh = tmp_path / "fresh.mo"
        polib.pofile(str(path)).save_as_mofile(str(fresh))
        assert fresh.read_bytes() == path.with_suffix(".mo").read_bytes(), (
            "run: python scripts/i18n.py compile"
        )
