"""Business-card and badge reading on generated photos: the share read right, and the time per photo.

    python benchmarks/bench_cards.py [--layouts classic centered split bottom english] [--show]

The photos and their answer key come from tests/tests_support/card_photos.py (fixed seed). A card
counts as right when name (first and last), e-mail and organization all are; a badge when its name,
and its e-mail and organization or profile address, are. Organization names compare by their words
(case and punctuation aside, legal form included).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from tests_support.card_photos import (
    HELD_OUT_LAYOUTS,
    TUNING_LAYOUTS,
    GeneratedCard,
    generate_badges,
    generate_cards,
)
from vernetzt.core.text import words
from vernetzt.importers.cards import read_card


def judge(card: GeneratedCard) -> tuple[dict[str, bool], float, str]:
    started = time.perf_counter()
    reading = read_card(card.image, filename=card.filename)
    elapsed = time.perf_counter() - started
    record, key = reading.record, card.key
    if record is None:
        return {"name": False, "email": False, "organization": False}, elapsed, "nothing read"
    checks = {
        "name": (record.first_name, record.last_name) == (key.first_name, key.last_name),
        "email": key.email in record.emails if card.layout not in ("linkedin", "xing") else True,
        "organization": words(record.organization) == words(key.organization)
        if card.layout not in ("linkedin", "xing")
        else True,
    }
    if card.layout in ("linkedin", "xing"):
        checks["profile"] = key.profile_url in (record.linkedin_url, record.xing_url)
    got = "|".join(
        str(value)
        for value in (record.first_name, record.last_name, record.title, record.organization, record.emails)
    )
    return checks, elapsed, got


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--layouts", nargs="*", default=[*TUNING_LAYOUTS, *HELD_OUT_LAYOUTS])
    parser.add_argument("--show", action="store_true", help="print every reading that is wrong")
    args = parser.parse_args()
    cards = generate_cards(layouts=tuple(args.layouts))
    badges = generate_badges()
    times = []
    by_layout: dict[str, list[bool]] = {}
    for card in [*cards, *badges]:
        checks, elapsed, got = judge(card)
        times.append(elapsed)
        right = all(checks.values())
        group = "badge" if card in badges else card.layout
        by_layout.setdefault(group, []).append(right)
        if args.show and not right:
            wrong = [name for name, ok in checks.items() if not ok]
            print(f"WRONG {card.filename} ({card.font}) {wrong}: {got}  key={card.key}")
    card_hits = [hit for layout, hits in by_layout.items() if layout != "badge" for hit in hits]
    for layout, hits in by_layout.items():
        held = " (held out)" if layout in HELD_OUT_LAYOUTS else ""
        print(f"{layout:10s}{held:12s} {sum(hits)}/{len(hits)} right")
    print(f"cards: {sum(card_hits)}/{len(card_hits)} = {100 * sum(card_hits) / len(card_hits):.0f} % right")
    print(f"badges: {sum(by_layout['badge'])}/{len(by_layout['badge'])} right")
    print(f"time per photo: median {statistics.median(times):.2f} s, max {max(times):.2f} s")


if __name__ == "__main__":
    main()
