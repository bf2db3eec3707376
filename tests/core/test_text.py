from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vernetzt.core.text import fold, normalize_org_name, search_words


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Muster Maschinenbau GmbH", "muster maschinenbau"),
        ("Muster-Maschinenbau", "muster maschinenbau"),
        ("Förderverein e. V.", "foerderverein"),
        ("Maasvlakte Stevedoring B.V.", "maasvlakte stevedoring"),
        ("Fiat S.p.A.", "fiat"),
        ("Maersk A/S", "maersk"),
        ("A & B Logistik GmbH", "a b logistik"),
        ("Brandt, Kühn & Partner", "brandt kuehn partner"),
        ("Harbourline Logistics Pte. Ltd.", "harbourline logistics"),
        ("Mekong Cold Chain Co., Ltd.", "mekong cold chain"),
        ("GmbH", "gmbh"),
    ],
)
def test_organization_keys_ignore_legal_forms_and_punctuation(name, key):
    assert normalize_org_name(name) == key


def test_search_words_cover_all_spellings_of_umlauts():
    assert {"mueller", "muller"} <= set(search_words("Müller"))
    assert fold("Straße") == "strasse"


@given(st.text())
def test_normalisation_never_fails_and_is_stable(text):
    key = normalize_org_name(text)
    assert normalize_org_name(key) == key or not key.strip()
    assert all(w.isascii() for w in search_words(text))
