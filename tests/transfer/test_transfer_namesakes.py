"""A record that matches someone only by name, while the rest of it names someone else, becomes a new
person (and a duplicate suggestion for the user), never a silent merge — real files, real importers.

Found by the held-back duplicate export (tests/transfer/test_duplicates_evaluation.py): a card
without organization, named like a LinkedIn connection, though its work e-mail was at another
employer, was joined into that connection.
"""

from __future__ import annotations

from vernetzt.people.models import Person
from vernetzt.transfer.dedupe import find_duplicates
from vernetzt.transfer.services import import_contacts, import_linkedin, import_vcards

CONNECTIONS = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Barbara,Öztürk,https://www.linkedin.com/in/barbara-ozturk,,Harbourline Logistics Pte. Ltd.,"
    "Head of Sales,03 Mar 2024\n"
    "Jens,Kraft,https://www.linkedin.com/in/jens-kraft,jens.kraft@odenwald-sw.de,Odenwald Software GmbH,"
    "CTO,04 Mar 2024\n"
)


def _card(name: str, email: str, org: str = "") -> str:
    given, family = name.split(" ", 1)
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"N:{family};{given};;;", f"FN:{name}"]
    if org:
        lines.append(f"ORG:{org};")
    lines += [f"EMAIL;type=INTERNET;type=WORK:{email}", "END:VCARD"]
    return "\n".join(lines) + "\n"


def _people(user, family: str) -> list[Person]:
    return list(Person.objects.for_user(user).filter(last_name=family).order_by("id"))


def test_a_card_without_organization_but_another_employers_mail_is_a_new_person(user, tmp_path):
    connections = tmp_path / "Connections.csv"
    connections.write_text(CONNECTIONS, encoding="utf-8")
    import_linkedin(owner=user, source=connections)
    cards = tmp_path / "contacts.vcf"
    # Odenwald Software's domain is known from Jens Kraft; this Barbara Öztürk works there.
    cards.write_text(_card("Barbara Öztürk", "barbara.oeztuerk@odenwald-sw.de"), encoding="utf-8")

    report = import_vcards(owner=user, sources=[cards])

    assert (report.created, report.updated) == (1, 0)
    connection, card = _people(user, "Öztürk")
    assert connection.emails == [] and connection.organization_name == "Harbourline Logistics Pte. Ltd."
    assert card.emails == ["barbara.oeztuerk@odenwald-sw.de"] and card.linkedin_slug == ""
    # Not lost either: the two are shown as a possible duplicate, for the user to decide.
    pairs = {(pair.first_id, pair.second_id) for pair in find_duplicates(owner=user)}
    assert (connection.pk, card.pk) in pairs

    again = import_vcards(owner=user, sources=[cards])
    assert (again.created, again.updated) == (0, 0)  # the same file again changes nobody
    assert len(_people(user, "Öztürk")) == 2


def test_name_and_a_mail_at_the_known_organization_are_still_one_person(user, tmp_path):
    connections = tmp_path / "Connections.csv"
    connections.write_text(CONNECTIONS, encoding="utf-8")
    import_linkedin(owner=user, source=connections)
    cards = tmp_path / "contacts.vcf"
    cards.write_text(
        _card("Barbara Öztürk", "barbara.oeztuerk@harbourline.sg")  # the domain spells the organization
        + _card("Jens Kraft", "jk@odenwald-sw.de"),  # the domain was seen with his organization
        encoding="utf-8",
    )

    report = import_vcards(owner=user, sources=[cards])

    assert (report.created, report.updated) == (0, 2)
    (barbara,) = _people(user, "Öztürk")
    assert barbara.emails == ["barbara.oeztuerk@harbourline.sg"]
    (jens,) = _people(user, "Kraft")
    assert jens.emails == ["jens.kraft@odenwald-sw.de", "jk@odenwald-sw.de"]


def test_two_work_domains_or_frau_and_herr_are_two_namesakes(user, tmp_path):
    outlook = tmp_path / "outlook.csv"
    outlook.write_bytes(
        (
            "Anrede;Vorname;Nachname;Firma;E-Mail-Adresse\r\n"
            "Herr;Kim;Wagner;;\r\n"
            "Frau;Kim;Wagner;;\r\n"
            ";Tom;Berg;;tom.berg@weser-umschlag.de\r\n"
            ";Tom;Berg;;tom.berg@donau-energie.at\r\n"
            ";Lena;Vogt;;lena.vogt@weser-umschlag.de\r\n"
            ";Lena;Vogt;;lena.vogt@gmx.de\r\n"
        ).encode("cp1252")
    )

    report = import_contacts(owner=user, source=outlook)

    assert report.created == 5
    assert sorted(p.title_of_address for p in _people(user, "Wagner")) == ["Frau", "Herr"]
    assert sorted(tuple(p.emails) for p in _people(user, "Berg")) == [
        ("tom.berg@donau-energie.at",),
        ("tom.berg@weser-umschlag.de",),
    ]
    # A free-mail address says nothing about her employer: one person.
    assert [p.emails for p in _people(user, "Vogt")] == [["lena.vogt@weser-umschlag.de", "lena.vogt@gmx.de"]]
    again = import_contacts(owner=user, source=outlook)
    assert (again.created, again.updated) == (0, 0)
