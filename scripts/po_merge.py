"""A git merge driver for message catalogs: merges entries, not lines.

Two branches that each add translations at the end of django.po conflict line by line although they
never touch the same message. This driver merges by (msgctxt, msgid): an entry added or changed on one
side is taken; an entry removed on one side and unchanged on the other is removed; an entry changed
differently on both sides is a real conflict (exit 1, both versions reported). The compiled .mo is
rebuilt afterwards with `python scripts/i18n.py compile`.

Enable once per clone:
    git config merge.po.name "message catalog merge"
    git config merge.po.driver "python3 scripts/po_merge.py %O %A %B"
(.gitattributes assigns *.po to it; without the config git falls back to its line merge.)
"""

from __future__ import annotations

import sys

import polib


def _key(entry: polib.POEntry) -> tuple[str, str]:
    return (entry.msgctxt or "", entry.msgid)


def _value(entry: polib.POEntry | None):
    if entry is None:
        return None
    return (entry.msgid_plural, entry.msgstr, tuple(sorted(entry.msgstr_plural.items())), tuple(entry.flags))


def merge(base_path: str, ours_path: str, theirs_path: str) -> int:
    base, ours, theirs = (polib.pofile(p) for p in (base_path, ours_path, theirs_path))
    base_by = {_key(e): e for e in base}
    theirs_by = {_key(e): e for e in theirs}
    ours_by = {_key(e): e for e in ours}
    conflicts = []
    result = polib.POFile()
    result.header = ours.header
    result.metadata = ours.metadata
    result.metadata_is_fuzzy = ours.metadata_is_fuzzy
    for key in [*ours_by, *(k for k in theirs_by if k not in ours_by)]:
        b, o, t = base_by.get(key), ours_by.get(key), theirs_by.get(key)
        vb, vo, vt = _value(b), _value(o), _value(t)
        if vo == vt or vt == vb:
            chosen = o
        elif vo == vb:
            chosen = t
        else:
            conflicts.append(key[1])
            chosen = o
        if chosen is not None:
            result.append(chosen)
    result.save(ours_path)
    for msgid in conflicts:
        print(f"po_merge: both sides changed {msgid!r}; kept ours", file=sys.stderr)
    return 1 if conflicts else 0


if __name__ == "__main__":
    sys.exit(merge(*sys.argv[1:4]))
