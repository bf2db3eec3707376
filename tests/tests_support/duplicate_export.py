"""A three-source export of one invented network, with its answer key, for measuring the duplicate scan.

``write_export(seed, folder)`` writes what a user would bring from three places — LinkedIn's
``Connections.csv``, a ``contacts.vcf`` with XING (vCard 2.1, ISO-8859-1) and Apple (vCard 3.0) cards,
and a German Outlook ``outlook.csv`` (semicolons, Windows-1252) — and returns the key: which record of
which file is which invented person. The key is fixed by the seed before anything is imported or
tuned; the development seed is used to tune, the held-back seed only to measure.

Each person appears in one to three sources, each time written the way that source writes people:
middle names in LinkedIn's first-name field, "Dr."/"Prof. Dr."/"Dipl.-Ing." inside name fields,
degrees after the family name, the nickname someone goes by (Basti, Susi, Bob), umlauts as ue or
without dots, the Turkish ı and ş lost in Windows-1252, organizations with and without their legal
form, typos, a missing organization, a changed job. Next to them hard negatives: namesakes at
different organizations, given names of the other gender at one company (Michael and Michaela Sommer,
different work e-mails), relatives with one family name (sometimes one home phone).

The key is carried through the import in the records themselves: a LinkedIn record by its profile
URL, a card or an address-book entry by a ``Schlüssel: P0001`` line in its notes.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

# (formal name, nicknames people go by) per gender; the nicknames are what people write, chosen
# without looking at the product's table.
MALE = [
    ("Alexander", ["Alex", "Sascha"]),
    ("Sebastian", ["Basti"]),
    ("Robert", ["Bob", "Rob"]),
    ("William", ["Bill", "Will"]),
    ("Johannes", ["Hannes", "Hans"]),
    ("Michael", ["Micha", "Mike"]),
    ("Thomas", ["Tom"]),
    ("Christian", ["Chris"]),
    ("Christoph", ["Chris"]),
    ("Andreas", ["Andi", "Andy"]),
    ("Benjamin", ["Ben"]),
    ("Daniel", ["Dani"]),
    ("Maximilian", ["Max"]),
    ("Wolfgang", ["Wolf"]),
    ("Wilhelm", ["Willi"]),
    ("Friedrich", ["Fritz"]),
    ("Nikolaus", ["Niko", "Klaus"]),
    ("Joseph", ["Joe"]),
    ("James", ["Jim"]),
    ("Richard", ["Rick"]),
    ("Edward", ["Ed"]),
    ("Samuel", ["Sam"]),
    ("Philipp", ["Phil"]),
    ("Jonathan", ["Jon"]),
    ("Nicholas", ["Nick"]),
    ("Matthias", ["Matze"]),
    ("Hans", ["Hansi"]),
    ("Stefan", []),
    ("Jürgen", []),
    ("Markus", []),
    ("Jan", []),
    ("Paul", []),
    ("Martin", []),
    ("Frank", []),
    ("Mehmet", []),
    ("Emre", []),
    ("Farid", []),
    ("Minh", []),
    ("Wei", []),
    ("Julian", []),
    ("Simon", []),
    ("Klaus", []),
    ("Uwe", []),
    ("Dirk", []),
    ("Sven", []),
    ("Björn", []),
    ("Günter", []),
    ("Ralf", []),
]
FEMALE = [
    ("Susanne", ["Susi", "Sanne"]),
    ("Christina", ["Tina"]),
    ("Katharina", ["Kathi", "Kati"]),
    ("Stefanie", ["Steffi"]),
    ("Franziska", ["Franzi"]),
    ("Elisabeth", ["Lisa", "Liz"]),
    ("Gabriele", ["Gabi"]),
    ("Cornelia", ["Conny"]),
    ("Jennifer", ["Jenny"]),
    ("Rebecca", ["Becky"]),
    ("Deborah", ["Debbie"]),
    ("Margarete", ["Grete"]),
    ("Barbara", ["Babsi"]),
    ("Johanna", ["Hanna"]),
    ("Charlotte", ["Lotte"]),
    ("Alexandra", ["Alex"]),
    ("Veronika", ["Vroni"]),
    ("Michaela", []),
    ("Daniela", []),
    ("Christiane", []),
    ("Jana", []),
    ("Paula", []),
    ("Andrea", []),
    ("Simone", []),
    ("Martina", []),
    ("Julia", []),
    ("Sabine", []),
    ("Petra", []),
    ("Anna", []),
    ("Ayşe", []),
    ("Elif", []),
    ("Zeynep", []),
    ("Priya", []),
    ("Mei Ling", []),
    ("Claudia", []),
    ("Birgit", []),
    ("Heike", []),
    ("Nadine", []),
    ("Kerstin", []),
    ("Laura", []),
    ("Farida", []),
    ("Lena", []),
]
MIDDLE = {
    "m": ["Peter", "Maria", "Alexander", "Johannes", "Georg", "Friedrich", "Karl"],
    "f": ["Marie", "Maria", "Sophie", "Elisabeth", "Anna", "Luise", "Charlotte"],
}
SPELLINGS = {
    "Stefanie": "Stephanie",
    "Christoph": "Christof",
    "Katharina": "Catharina",
    "Philipp": "Phillip",
    "Markus": "Marcus",
    "Claudia": "Klaudia",
    "Günter": "Günther",
    "Ralf": "Ralph",
    "Björn": "Bjoern",
}
FAMILY = [
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Schäfer",
    "Koch",
    "Bauer",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Schwarz",
    "Zimmermann",
    "Braun",
    "Krüger",
    "Hofmann",
    "Hartmann",
    "Lange",
    "Schmitt",
    "Werner",
    "Krause",
    "Meier",
    "Lehmann",
    "Köhler",
    "Vogel",
    "Jäger",
    "Groß",
    "Böhm",
    "Kühn",
    "Brandt",
    "Haas",
    "Ortmann",
    "Dietrich",
    "Engel",
    "Pohl",
    "Sommer",
    "Fuchs",
    "Schubert",
    "Winkler",
    "Lorenz",
    "Weiß",
    "Günther",
    "Seidel",
    "Strauß",
    "Yılmaz",
    "Işık",
    "Öztürk",
    "Şahin",
    "Çelik",
    "Doğan",
    "Kılıç",
    "Aydın",
    "Özdemir",
    "Arslan",
    "Smith",
    "Miller",
    "Carter",
    "Johnson",
    "Taylor",
    "Walker",
    "O'Brien",
    "Kowalski",
    "Nowak",
    "Nguyen",
    "Tran",
    "Tan",
    "Lim",
    "Aisyah",
    "Rahman",
    "Raman",
    "Menon",
    "Santoso",
    "von der Heide",
    "Müller-Lüdenscheidt",
    "Schulze-Wendt",
    "de Vries",
]
ORGS = [
    ("Rhein Cargo", "GmbH", "rhein-cargo.de"),
    ("Westfalen Fördertechnik", "AG", "wft.de"),
    ("Elbe Terminal Services", "GmbH", "elbe-terminal.de"),
    ("Ruhr Intralogistik", "GmbH", "ruhr-intra.de"),
    ("Spedition Kühn & Söhne", "KG", "kuehn-soehne.de"),
    ("NordLager Logistik", "GmbH", "nordlager.de"),
    ("Bayern Chemie", "AG", "bayern-chemie.de"),
    ("Autoteile Schwaben", "GmbH", "ats.de"),
    ("Kontor Handelsgesellschaft", "mbH", "kontor-handel.de"),
    ("Muster Maschinenbau", "GmbH", "muster.de"),
    ("Deutsche Kontraktlogistik", "SE", "dkl.de"),
    ("Weser Umschlag", "GmbH", "weser-umschlag.de"),
    ("Alster Lagerhaus", "GmbH", "alster-lager.de"),
    ("Messe Süd", "GmbH", "messe-sued.de"),
    ("Harbourline Logistics", "Pte. Ltd.", "harbourline.sg"),
    ("Lion City Freight", "Pte. Ltd.", "lcf.sg"),
    ("Saigon Port Logistics", "", "spl.vn"),
    ("Mekong Cold Chain", "Co., Ltd.", "mekong-cold.vn"),
    ("Klang Valley Warehousing", "Sdn Bhd", "kvw.my"),
    ("Manila Bay Forwarding", "Inc.", "mbf.ph"),
    ("Brückner Verpackung", "GmbH & Co. KG", "brueckner.de"),
    ("Hanse Frachtkontor", "GmbH", "hfk.de"),
    ("Taunus Pharma", "AG", "taunus-pharma.de"),
    ("Odenwald Software", "GmbH", "odenwald-sw.de"),
    ("Kieler Werft", "GmbH", "kieler-werft.de"),
    ("Alpen Holz", "AG", "alpenholz.at"),
    ("Donau Energie", "AG", "donau-energie.at"),
    ("Zürcher Rückversicherung", "AG", "zrv.ch"),
    ("Bodensee Optik", "GmbH", "bodensee-optik.de"),
    ("Pfalz Wein", "eG", "pfalzwein.de"),
    ("Mosel Glas", "GmbH", "moselglas.de"),
    ("Lausitz Bau", "GmbH", "lausitzbau.de"),
    ("Ostsee Fisch", "GmbH", "ostseefisch.de"),
    ("Harz Metall", "GmbH", "harzmetall.de"),
    ("Eifel Druck", "GmbH", "eifeldruck.de"),
    ("Fraunhofer IML", "", "iml.fraunhofer.de"),
    ("Universität Bremen", "", "uni-bremen.de"),
    ("Stadtwerke Bochum", "GmbH", "stadtwerke-bochum.de"),
    ("Anatolia Tekstil", "A.Ş.", "anatolia.com.tr"),
    ("Bosporus Lojistik", "Ltd. Şti.", "bosporus.com.tr"),
]
TITLES = [
    "Leiterin Kontraktlogistik",
    "Head of Intralogistics",
    "Disponent",
    "Einkäuferin",
    "Geschäftsführer",
    "Key Account Manager",
    "Teamleiter Lager",
    "Director Operations",
    "Referentin Personal",
    "CFO",
    "Projektleiter",
    "Senior Consultant",
    "Vertriebsleiterin DACH",
    "Werkstudent",
    "Lagerleiter",
]
CITIES = [
    ("Hamburg", "Deutschland"),
    ("Köln", "Deutschland"),
    ("München", "Deutschland"),
    ("Wien", "Österreich"),
    ("Zürich", "Schweiz"),
    ("Singapur", "Singapur"),
    ("Istanbul", "Türkei"),
    ("Dortmund", "Deutschland"),
]
CP1252_LOSSES = str.maketrans({"ı": "i", "İ": "I", "ş": "s", "Ş": "S", "ğ": "g", "Ğ": "G"})


@dataclass
class Identity:
    key: str
    gender: str
    given: str
    nicknames: list[str]
    family: str
    org: int
    title: str
    city: tuple[str, str]
    middle: str = ""
    academic: str = ""
    degree: str = ""
    slug: str = ""
    old_org: int | None = None  # a changed job: the address books still have the old employer
    phone: str = ""
    home_phone: str = ""
    sources: list[str] = field(default_factory=list)


@dataclass
class Export:
    identities: list[Identity]
    linkedin: Path
    vcards: Path
    outlook: Path
    records: dict[str, int] = field(default_factory=dict)  # per source file: how many records

    def key_of_slug(self) -> dict[str, str]:
        return {identity.slug: identity.key for identity in self.identities if identity.slug}


class _Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.identities: list[Identity] = []
        self.slugs: set[str] = set()

    def person(
        self,
        *,
        gender: str | None = None,
        given: str | None = None,
        family: str | None = None,
        org: int | None = None,
    ) -> Identity:
        rng = self.rng
        gender = gender or rng.choice("mf")
        names = MALE if gender == "m" else FEMALE
        if given is None:
            formal, nicknames = rng.choice(names)
        else:
            formal, nicknames = next(((n, k) for n, k in names if n == given), (given, []))
        identity = Identity(
            key=f"P{len(self.identities) + 1:04d}",
            gender=gender,
            given=formal,
            nicknames=list(nicknames),
            family=family or rng.choice(FAMILY),
            org=rng.randrange(len(ORGS)) if org is None else org,
            title=rng.choice(TITLES),
            city=rng.choice(CITIES),
            middle=rng.choice(MIDDLE[gender]) if rng.random() < 0.25 else "",
            academic=rng.choice(["Dr.", "Dr.", "Prof. Dr.", "Dipl.-Ing."]) if rng.random() < 0.15 else "",
            degree=rng.choice(["MBA", "PhD", "M.Sc."]) if rng.random() < 0.06 else "",
            phone=f"+49 {rng.randrange(150, 179)} {rng.randrange(1000000, 9999999)}"
            if rng.random() < 0.6
            else "",
        )
        slug = _ascii(f"{identity.given}-{identity.family}").lower().replace(" ", "-").replace("'", "")
        while slug in self.slugs:
            slug = f"{slug.split('-x')[0]}-x{rng.randrange(100, 999)}"
        identity.slug = slug
        self.slugs.add(slug)
        if rng.random() < 0.02:
            identity.old_org = rng.randrange(len(ORGS))
        self.identities.append(identity)
        return identity


def build_identities(seed: int, *, people: int = 300) -> list[Identity]:
    """The answer key: every invented person, with the sources they appear in."""
    gen = _Generator(seed)
    rng = gen.rng
    for _ in range(people):
        gen.person()
    # Hard negatives, each a pair of different people who look alike.
    for _ in range(20):  # namesakes at different organizations
        first = gen.person()
        other = rng.choice([i for i in range(len(ORGS)) if i != first.org])
        gen.person(
            gender=first.gender, given=first.given, family=first.family, org=other
        ).middle = first.middle
    pairs = [
        ("Michael", "Michaela"),
        ("Daniel", "Daniela"),
        ("Christian", "Christiane"),
        ("Jan", "Jana"),
        ("Paul", "Paula"),
        ("Alexander", "Alexandra"),
        ("Andreas", "Andrea"),
        ("Simon", "Simone"),
        ("Martin", "Martina"),
        ("Farid", "Farida"),
        ("Julian", "Julia"),
        ("Stefan", "Stefanie"),
    ]
    for male, female in pairs + rng.sample(pairs, 6):  # given names of the other gender at one company
        him = gen.person(gender="m", given=male)
        her = gen.person(gender="f", given=female, family=him.family, org=him.org)
        him.middle = her.middle = ""
    for _ in range(18):  # relatives: one family name, different given names, sometimes one home phone
        first = gen.person()
        second = gen.person(family=first.family, org=first.org if rng.random() < 0.5 else None)
        if second.given[:3] == first.given[:3]:
            second.given, second.nicknames = ("Heike", []) if second.gender == "f" else ("Uwe", [])
        if rng.random() < 0.4:
            first.home_phone = second.home_phone = f"+49 40 {rng.randrange(1000000, 9999999)}"
    for identity in gen.identities:
        sources = [
            name
            for name, share in (("linkedin", 0.75), ("vcard", 0.5), ("outlook", 0.5))
            if rng.random() < share
        ]
        identity.sources = sources or [rng.choice(["linkedin", "vcard", "outlook"])]
    return gen.identities


def _ascii(text: str) -> str:
    text = text.replace("ß", "ss").translate(CP1252_LOSSES)
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _umlauts_as_e(text: str) -> str:
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue")):
        text = text.replace(umlaut, spelled)
    return text


class _Writer:
    """How one source writes one person, with the variations that source brings."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def given(self, identity: Identity, *, nickname_share: float) -> str:
        rng = self.rng
        if identity.nicknames and rng.random() < nickname_share:
            return rng.choice(identity.nicknames)
        if identity.given in SPELLINGS and rng.random() < 0.25:
            return SPELLINGS[identity.given]
        return identity.given

    def family(self, identity: Identity) -> str:
        rng = self.rng
        family = identity.family
        if rng.random() < 0.04 and len(family) > 4 and " " not in family:  # a typo
            at = rng.randrange(2, len(family) - 1)
            family = (
                family[:at] + family[at] + family[at:]
                if rng.random() < 0.5
                else family[:at] + family[at + 1 :]
            )
        return family

    def org(self, identity: Identity, *, current: bool) -> tuple[str, str]:
        """(organization as written, e-mail domain), or ("", "") where the source has none."""
        index = identity.org if current or identity.old_org is None else identity.old_org
        name, legal, domain = ORGS[index]
        if self.rng.random() < 0.08:
            return "", domain
        written = f"{name} {legal}".strip() if legal and self.rng.random() < 0.6 else name
        if self.rng.random() < 0.1:
            written = written.replace(" & ", " und ").replace(" ", "-", 1)
        return written, domain

    def work_email(self, identity: Identity, domain: str) -> str:
        local = (
            _ascii(_umlauts_as_e(f"{identity.given}.{identity.family}"))
            .lower()
            .replace(" ", "")
            .replace("'", "")
        )
        return f"{local}@{domain}"


def _linkedin(identities: list[Identity], writer: _Writer) -> str:
    rng = writer.rng
    lines = [
        "Notes:",
        '"When exporting your connection data, you may notice that some of the email addresses are missing."',
        "",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
    ]
    for identity in identities:
        if "linkedin" not in identity.sources:
            continue
        given = writer.given(identity, nickname_share=0.3)
        if identity.middle and rng.random() < 0.6:
            given = f"{given} {identity.middle}"
        if identity.academic and rng.random() < 0.6:
            given = f"{identity.academic} {given}"
        family = writer.family(identity)
        if identity.degree and rng.random() < 0.7:
            family = f"{family}, {identity.degree}"
        org, domain = writer.org(identity, current=True)
        email = writer.work_email(identity, domain) if rng.random() < 0.12 else ""
        cells = [
            given,
            family,
            f"https://www.linkedin.com/in/{identity.slug}",
            email,
            org,
            identity.title,
            f"{rng.randrange(1, 28):02d} Mar 2024",
        ]
        lines.append(",".join(f'"{cell}"' if "," in cell else cell for cell in cells))
    return "\n".join(lines) + "\n"


def _vcard_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")


def _vcards(identities: list[Identity], writer: _Writer) -> bytes:
    """XING cards as vCard 2.1 in ISO-8859-1 (quoted-printable), Apple cards as vCard 3.0 in UTF-8; a
    file with both is what a user gets by exporting both into one address book folder."""
    rng = writer.rng
    xing, apple = [], []
    for identity in identities:
        if "vcard" not in identity.sources:
            continue
        kinds = ["xing", "apple"] if rng.random() < 0.15 else [rng.choice(["xing", "apple"])]
        for kind in kinds:
            given = writer.given(identity, nickname_share=0.1 if kind == "xing" else 0.35)
            family = writer.family(identity)
            prefix = identity.academic if rng.random() < 0.8 else ""
            middle = identity.middle if rng.random() < 0.7 else ""
            org, domain = writer.org(identity, current=kind == "xing")
            email = writer.work_email(identity, domain) if rng.random() < 0.7 else ""
            phones = [p for p in (identity.phone if rng.random() < 0.7 else "", identity.home_phone) if p]
            note = f"Schlüssel: {identity.key}"
            if kind == "xing":
                qp = "CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE"
                full = " ".join(filter(None, (given, family)))
                card = [
                    "BEGIN:VCARD",
                    "VERSION:2.1",
                    f"N;{qp}:{_qp(latin(family))};{_qp(latin(given))};{_qp(latin(middle))};{_qp(prefix)};",
                    f"FN;{qp}:{_qp(latin(full))}",
                ]
                if org:
                    card.append(f"ORG;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:{_qp(latin(org))}")
                card.append(f"TITLE;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:{_qp(identity.title)}")
                card += [f"TEL;WORK;VOICE:{p}" for p in phones]
                if email:
                    card.append(f"EMAIL;INTERNET;WORK:{email}")
                profile = _ascii(f"{identity.given}_{identity.family}").replace(' ', '') + identity.key[1:]
                card.append(f"URL:https://www.xing.com/profile/{profile}")
                card.append(f"NOTE;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:{_qp(note)}")
                card.append("END:VCARD")
                xing.append("\r\n".join(card))
            else:
                card = [
                    "BEGIN:VCARD",
                    "VERSION:3.0",
                    "PRODID:-//Apple Inc.//macOS 15.1//EN",
                    f"N:{_vcard_escape(family)};{_vcard_escape(given)};{_vcard_escape(middle)};{prefix};",
                    f"FN:{' '.join(filter(None, (prefix, given, middle, family)))}",
                ]
                if org:
                    card.append(f"ORG:{_vcard_escape(org)};")
                card.append(f"TITLE:{identity.title}")
                if email:
                    card.append(f"EMAIL;type=INTERNET;type=WORK;type=pref:{email}")
                card += [f"TEL;type=CELL;type=VOICE:{p}" for p in phones]
                card += [f"NOTE:{note}", "END:VCARD"]
                apple.append("\n".join(card))
    latin_part = ("\r\n".join(xing) + "\r\n").encode("iso-8859-1") if xing else b""
    return latin_part + ("\n".join(apple) + "\n").encode("utf-8")


def latin(text: str) -> str:
    """What survives ISO-8859-1: the Turkish ı, ş and ğ become i, s and g."""
    return text.translate(CP1252_LOSSES)


def _qp(text: str) -> str:
    data = text.encode("iso-8859-1", "replace")
    return "".join(chr(b) if 33 <= b <= 126 and b not in (61,) else f"={b:02X}" for b in data)


OUTLOOK_HEADER = [
    "Anrede",
    "Titel",
    "Vorname",
    "Weitere Vornamen",
    "Nachname",
    "Suffix",
    "Firma",
    "Abteilung",
    "Position",
    "Ort geschäftlich",
    "Land/Region geschäftlich",
    "Geburtstag",
    "E-Mail-Adresse",
    "Telefon geschäftlich",
    "Mobiltelefon",
    "Telefon privat",
    "Notizen",
]


def _outlook(identities: list[Identity], writer: _Writer) -> bytes:
    """German Outlook: semicolons, Windows-1252 (ı and ş do not survive it), umlauts often typed as ue."""
    rng = writer.rng
    lines = [";".join(OUTLOOK_HEADER)]
    for identity in identities:
        if "outlook" not in identity.sources:
            continue
        given = writer.given(identity, nickname_share=0.12)
        family = writer.family(identity)
        if rng.random() < 0.3:
            given, family = _umlauts_as_e(given), _umlauts_as_e(family)
        org, domain = writer.org(identity, current=False)
        email = writer.work_email(identity, domain) if rng.random() < 0.8 else ""
        phone = identity.phone if rng.random() < 0.6 else ""
        cells = [
            "Herr" if identity.gender == "m" else "Frau",
            identity.academic if rng.random() < 0.8 else "",
            given,
            identity.middle if rng.random() < 0.5 else "",
            family,
            "",
            org,
            "",
            identity.title,
            identity.city[0],
            identity.city[1],
            "0.0.00",
            email,
            "",
            phone,
            identity.home_phone,
            f"Schlüssel: {identity.key}",
        ]
        lines.append(";".join(cells).translate(CP1252_LOSSES))
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def write_export(seed: int, folder: Path, *, people: int = 300) -> Export:
    identities = build_identities(seed, people=people)
    writer = _Writer(random.Random(seed * 7919 + 1))
    folder.mkdir(parents=True, exist_ok=True)
    export = Export(identities, folder / "Connections.csv", folder / "contacts.vcf", folder / "outlook.csv")
    export.linkedin.write_text(_linkedin(identities, writer), encoding="utf-8-sig")
    export.vcards.write_bytes(_vcards(identities, writer))
    export.outlook.write_bytes(_outlook(identities, writer))
    return export


KEY_IN_NOTES = re.compile(r"Schlüssel: (P\d{4})")


def true_pairs_and_merges(
    people: list[tuple[int, str, str]], export: Export
) -> tuple[set[tuple[int, int]], int]:
    """From (person id, LinkedIn slug, notes) after the import: the pairs of persons that are one
    invented person, and how many persons the import itself made of two invented people."""
    by_slug = export.key_of_slug()
    keys_of: dict[int, set[str]] = {}
    for pid, slug, notes in people:
        keys = set(KEY_IN_NOTES.findall(notes or ""))
        if slug in by_slug:
            keys.add(by_slug[slug])
        keys_of[pid] = keys
    merged_wrongly = sum(1 for keys in keys_of.values() if len(keys) > 1)
    persons_of: dict[str, list[int]] = {}
    for pid, keys in keys_of.items():
        for key in keys:
            persons_of.setdefault(key, []).append(pid)
    pairs = {(a, b) for pids in persons_of.values() for a in pids for b in pids if a < b}
    return pairs, merged_wrongly


@dataclass
class Measurement:
    identities: int
    records: int
    persons: int
    true_pairs: int
    suggested: int
    correct: int
    merged_by_import: int  # records the import itself joined into persons already
    merged_wrongly: int  # persons the import made of two invented people
    missed: list[tuple[int, int]] = field(default_factory=list)
    wrong: list[tuple[int, int]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.suggested if self.suggested else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.true_pairs if self.true_pairs else 1.0


def import_and_measure(owner, export: Export) -> Measurement:
    """Import the three files through the real importers into the account, run the duplicate scan and
    compare the pairs it suggests with the key."""
    from vernetzt.people.models import Person
    from vernetzt.transfer.dedupe import find_duplicates
    from vernetzt.transfer.services import import_contacts, import_linkedin, import_vcards

    import_linkedin(owner=owner, source=export.linkedin)
    import_vcards(owner=owner, sources=[export.vcards])
    import_contacts(owner=owner, source=export.outlook)
    people = list(
        Person.objects.for_user(owner).filter(is_me=False).values_list("id", "linkedin_slug", "notes")
    )
    truth, merged_wrongly = true_pairs_and_merges(people, export)
    suggested = {(pair.first_id, pair.second_id) for pair in find_duplicates(owner=owner, limit=100_000)}
    records = sum(len(identity.sources) for identity in export.identities)
    records += export.vcards.read_bytes().count(b"BEGIN:VCARD") - sum(
        "vcard" in i.sources for i in export.identities
    )
    return Measurement(
        identities=len(export.identities),
        records=records,
        persons=len(people),
        true_pairs=len(truth),
        suggested=len(suggested),
        correct=len(truth & suggested),
        merged_by_import=records - len(people),
        merged_wrongly=merged_wrongly,
        missed=sorted(truth - suggested),
        wrong=sorted(suggested - truth),
    )
