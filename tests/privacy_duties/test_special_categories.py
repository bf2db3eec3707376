"""The Art. 9 warning against held-out notes written before the word lists: every positive warns with
its category, no negative warns."""

from __future__ import annotations

from pathlib import Path

import pytest

from vernetzt.core.special_categories import find_special_categories, special_category_warning

HELD_OUT = Path(__file__).parents[1] / "data" / "special_categories"
POSITIVES = [line.split("\t", 1) for line in (HELD_OUT / "positives.tsv").read_text().splitlines() if line]
NEGATIVES = [line for line in (HELD_OUT / "negatives.txt").read_text().splitlines() if line]


@pytest.mark.parametrize(("category", "note"), POSITIVES)
def test_held_out_positive_warns_with_its_category(category, note):
    assert category in {hit.category for hit in find_special_categories(note)}


@pytest.mark.parametrize("note", NEGATIVES)
def test_held_out_negative_gives_no_warning(note):
    assert find_special_categories(note) == ()


def test_the_lists_are_large_enough_to_mean_something():
    assert len(POSITIVES) >= 40
    assert len(NEGATIVES) >= 40
    assert {c for c, _ in POSITIVES} == {"health", "religion", "politics", "union", "orientation", "ethnic"}


def test_compounds_warn_by_their_last_part_only():
    assert find_special_categories("Hatte Lungenkrebs.")[0].word == "Lungenkrebs"
    assert find_special_categories("Spricht auf der Krebsforschung-Tagung.") == ()
    assert find_special_categories("Leitet das Institut für Krebsforschung.") == ()


def test_the_warning_names_category_and_word_in_both_languages():
    de = special_category_warning(["Ist katholisch.", "Hatte Brustkrebs."], lang="de")
    assert de.startswith("Das sieht nach besonders geschützten Daten aus (Religion: „katholisch“, ")
    assert "Gesundheit: „Brustkrebs“" in de
    assert "Art. 9 DSGVO" in de
    en = special_category_warning(["He is gay."], lang="en")
    assert en.startswith("This looks like specially protected data (sexual orientation: “gay”, Art. 9 GDPR)")
    assert special_category_warning(["Segelt gern."], lang="de") == ""
