import pytest

from vernetzt.core.german import at_organization, dative, english_name, spoken_name


@pytest.mark.parametrize(
    ("preposition", "name", "expected"),
    [
        ("bei", "Bundesvereinigung Logistik (BVL)", "bei der Bundesvereinigung Logistik (BVL)"),
        ("bei", "VDI", "beim VDI"),
        ("bei", "Verein Deutscher Ingenieure", "beim Verein Deutscher Ingenieure"),
        ("bei", "Deutsch-Singapurische Handelskammer", "bei der Deutsch-Singapurischen Handelskammer"),
        ("bei", "Rotary Club", "beim Rotary Club"),
        ("bei", "Internationaler Förderverein Logistik e. V.", "beim Internationalen Förderverein Logistik"),
        ("bei", "Fraunhofer-Institut für Materialfluss und Logistik",
         "beim Fraunhofer-Institut für Materialfluss und Logistik"),
        ("bei", "Bayerisches Zentrum für Logistik", "beim Bayerischen Zentrum für Logistik"),
        ("bei", "Spedition Kühn & Söhne KG", "bei der Spedition Kühn & Söhne"),
        ("bei", "Deutsche Bahn AG", "bei der Deutschen Bahn"),
        ("bei", "Harbourline Logistics Pte. Ltd.", "bei Harbourline Logistics"),
        ("bei", "Muster Maschinenbau GmbH & Co. KG", "bei Muster Maschinenbau"),
        ("bei", "Siemens AG", "bei Siemens"),
        ("an", "Technische Universität Dortmund", "an der Technischen Universität Dortmund"),
        ("an", "RWTH Aachen", "an der RWTH Aachen"),
        ("an", "KIT", "am KIT"),
        ("zu", "IHK Köln", "zur IHK Köln"),
        ("zu", "VDI", "zum VDI"),
        ("bei", "Die Logistiker GmbH", "bei Die Logistiker"),  # a name with its own article stays as is
    ],
)
def test_dative_with_article_and_case(preposition, name, expected):
    assert dative(preposition, name) == expected


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("Rotary Club", "association", "the Rotary Club"),
        ("VDI", "association", "the VDI"),
        ("The Logistics Society", "association", "The Logistics Society"),
        ("National University of Singapore", "school", "the National University of Singapore"),
        ("RWTH Aachen", "school", "RWTH Aachen"),
        ("Mekong Cold Chain Co., Ltd.", "employer", "Mekong Cold Chain"),
    ],
)
def test_english_names(name, kind, expected):
    assert english_name(name, kind=kind) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Klang Valley Warehousing Sdn Bhd", "Klang Valley Warehousing"), ("Manila Bay Forwarding Inc.",
     "Manila Bay Forwarding"), ("GmbH", "GmbH"), ("Ruhr Intralogistik GmbH", "Ruhr Intralogistik")],
)
def test_spoken_name_drops_legal_forms(name, expected):
    assert spoken_name(name) == expected


def test_at_organization():
    assert at_organization("Bundesagentur für Arbeit", "de") == "bei der Bundesagentur für Arbeit"
    assert at_organization("Harbourline Logistics Pte. Ltd.", "en") == "at Harbourline Logistics"
