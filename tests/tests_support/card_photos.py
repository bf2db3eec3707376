"""Generated photos of business cards and conference badges, each with its answer key.

The cards are German and English, in five layouts and the fonts the machine has (DejaVu, Liberation),
photographed slightly rotated and blurred on a table. Layouts "classic", "centered" and "split" were
used while tuning the field extraction; "bottom" and "english" were held out until it was done.
The answer key is written here, with the card, before anything reads it.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import segno
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/truetype/liberation"))
FONT_FAMILIES = {
    "dejavu-sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    "dejavu-serif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
    "dejavu-condensed": ("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"),
    "liberation-sans": ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    "liberation-serif": ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf"),
    "liberation-narrow": ("LiberationSansNarrow-Regular.ttf", "LiberationSansNarrow-Bold.ttf"),
}
# Family name first: the name as written, while first and last name are split the Western way.
NAME_ORDER = {"Nguyen Thi Lan": "Nguyen Thi Lan", "Tran Van Minh": "Tran Van Minh"}
TUNING_LAYOUTS = ("classic", "centered", "split")
HELD_OUT_LAYOUTS = ("bottom", "english")


@dataclass
class CardPerson:
    """The answer key of one card: what a perfect reading returns."""

    first_name: str
    last_name: str
    printed_name: str  # as on the card, with academic titles and the card's name order
    title: str
    organization: str
    email: str
    phones: list[str]
    street: str = ""
    city_line: str = ""
    web: str = ""
    language: str = "de"
    profile_url: str = ""

    @property
    def name(self) -> str:
        """The name without academic titles, in the card's order."""
        return NAME_ORDER.get(self.printed_name, f"{self.first_name} {self.last_name}")


@dataclass
class GeneratedCard:
    filename: str
    layout: str
    font: str
    key: CardPerson
    image: bytes = field(repr=False, default=b"")


GERMAN = [
    ("Katrin", "Vogel", "Dr. Katrin Vogel", "Leiterin Kontraktlogistik", "Elbe Terminal GmbH"),
    ("Jörg", "Özdemir", "Dipl.-Ing. Jörg Özdemir", "Technischer Leiter", "Rhein Cargo AG"),
    ("Sabine", "Krüger", "Sabine Krüger", "Geschäftsführerin", "Krüger & Söhne GmbH & Co. KG"),
    ("Thomas", "Weißenborn", "Prof. Dr. Thomas Weißenborn", "Institutsleiter", "Fraunhofer-Institut IML"),
    ("Anja", "Schäfer", "Anja Schäfer", "Key Account Managerin", "Nordsee Spedition GmbH"),
    ("Michael", "Hoffmann", "Dipl.-Kfm. Michael Hoffmann", "Bereichsleiter Einkauf", "Westfalen Stahl AG"),
    ("Lena", "Bergmann", "Lena Bergmann", "Referentin Nachhaltigkeit", "Ruhr Energie SE"),
    ("Stefan", "Lüdtke", "Stefan Lüdtke, MBA", "Vertriebsleiter DACH", "Lüdtke Logistik GmbH"),
    ("Thi Lan", "Nguyen", "Nguyen Thi Lan", "Leiterin Supply Chain", "Saigon Trading GmbH"),
    ("Claudia", "Neumann", "Claudia Neumann", "Prokuristin", "Hafen Hamburg Consult GmbH"),
    ("Markus", "Zimmermann", "Dr.-Ing. Markus Zimmermann", "Head of Engineering", "Zimmermann Antriebe KG"),
    ("Julia", "Fischer", "Julia Fischer", "Teamleiterin Disposition", "Main Transport GmbH"),
]
ENGLISH = [
    ("Priya", "Raman", "Priya Raman", "Regional Director APAC", "Harbour Logistics Pte. Ltd."),
    ("James", "O'Connor", "James O'Connor", "Head of Procurement", "Atlantic Freight Ltd."),
    ("Emily", "Carter", "Dr. Emily Carter", "Chief Operating Officer", "Carter Supply Inc."),
    ("Van Minh", "Tran", "Tran Van Minh", "Country Manager Vietnam", "Mekong Shipping Co., Ltd."),
    ("Sarah", "Mitchell", "Sarah Mitchell, PhD", "Senior Data Scientist", "Northwind Analytics LLC"),
    ("David", "Chen", "David Chen", "VP Business Development", "Pacific Rim Ports Corp."),
    ("Olivia", "Brown", "Olivia Brown", "Sales Manager EMEA", "Brown & Partners PLC"),
    ("Daniel", "Wright", "Daniel Wright", "Operations Director", "Wright Logistics Ltd."),
    ("Hannah", "Lee", "Hannah Lee", "Procurement Specialist", "Seoul Components Inc."),
    ("Lucas", "Martin", "Lucas Martin", "Managing Director", "Martin Maritime B.V."),
]
STREETS_DE = ["Am Sandtorkai 12", "Rheinuferstraße 7", "Königsallee 92a", "Hafenweg 3", "Emil-Figge-Str. 80"]
CITIES_DE = ["20457 Hamburg", "47119 Duisburg", "40212 Düsseldorf", "48155 Münster", "44227 Dortmund"]
STREETS_EN = ["1 Harbourfront Avenue", "22 Fleet Street", "350 Fifth Avenue", "8 Marina Boulevard"]
CITIES_EN = ["Singapore 098632", "London EC4Y 1AA", "New York, NY 10118", "Rotterdam 3011"]


def _domain(organization: str) -> str:
    words = [w for w in organization.replace("&", " ").replace(",", " ").split() if w[0].isalpha()]
    stem = "-".join(w.lower().strip(".'") for w in words[:2] if w.rstrip(".") not in LEGAL_TAILS)
    return stem.translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}))


LEGAL_TAILS = {"GmbH", "AG", "SE", "KG", "Co", "Ltd", "Inc", "LLC", "PLC", "Corp", "B.V", "Pte"}


def _email(first: str, last: str, domain: str, tld: str) -> str:
    local = f"{first.split()[0]}.{last}".lower().replace("'", "")
    local = local.translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}))
    return f"{local}@{domain}.{tld}"


def _phone(rng: random.Random, country: str) -> str:
    if country == "de":
        return f"+49 {rng.choice(['40', '203', '211', '231', '251'])} {rng.randint(100000, 9999999)}"
    return f"+{rng.choice(['65', '44', '1'])} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}"


def _mobile(rng: random.Random, country: str) -> str:
    if country == "de":
        return f"+49 {rng.choice(['151', '160', '171', '176'])} {rng.randint(1000000, 99999999)}"
    return f"+{rng.choice(['65', '44'])} {rng.randint(7000, 9999)} {rng.randint(1000, 9999)}"


def card_people(seed: int = 13) -> list[CardPerson]:
    rng = random.Random(seed)
    people = []
    for rows, language in ((GERMAN, "de"), (ENGLISH, "en")):
        for first, last, printed, title, organization in rows:
            domain = _domain(organization)
            tld = "de" if language == "de" else rng.choice(["com", "co.uk", "com.sg"])
            people.append(
                CardPerson(
                    first_name=first,
                    last_name=last,
                    printed_name=printed,
                    title=title,
                    organization=organization,
                    email=_email(first, last, domain, tld),
                    phones=[_phone(rng, language), _mobile(rng, language)],
                    street=rng.choice(STREETS_DE if language == "de" else STREETS_EN),
                    city_line=rng.choice(CITIES_DE if language == "de" else CITIES_EN),
                    web=f"www.{domain}.{tld}",
                    language=language,
                )
            )
    return people


def _font(family: str, size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = FONT_FAMILIES[family][1 if bold else 0]
    for folder in FONT_DIRS:
        if (folder / name).exists():
            return ImageFont.truetype(str(folder / name), size)
    raise FileNotFoundError(f"font {name} not found; install fonts-dejavu-core and fonts-liberation")


def _phone_lines(person: CardPerson, style: str) -> list[str]:
    labels = {
        "de": (("Tel.", "Mobil"), ("Telefon:", "Mobil:"), ("T", "M")),
        "en": (("Phone", "Mobile"), ("T", "M"), ("Tel:", "Mob:")),
    }[person.language]
    office, mobile = labels[{"a": 0, "b": 1, "c": 2}[style]]
    return [f"{office} {person.phones[0]}", f"{mobile} {person.phones[1]}"]


def _draw_card(person: CardPerson, layout: str, family: str, rng: random.Random) -> Image.Image:
    width, height = 1050, 600
    paper = rng.choice([(252, 252, 248), (245, 246, 250), (255, 253, 240)])
    ink = rng.choice([(20, 20, 30), (25, 45, 90), (40, 40, 40)])
    accent = rng.choice([(0, 90, 160), (160, 30, 40), (20, 110, 70)])
    card = Image.new("RGB", (width, height), paper)
    draw = ImageDraw.Draw(card)
    big, mid, small = _font(family, 50, True), _font(family, 32), _font(family, 28)
    org_font = _font(family, 38, True)
    phones = _phone_lines(person, rng.choice("abc"))
    contact = [*phones, person.email, person.web]
    address = [person.street, person.city_line]
    if layout == "classic":
        draw.text((70, 60), person.organization, font=org_font, fill=accent)
        draw.text((70, 170), person.printed_name, font=big, fill=ink)
        draw.text((70, 235), person.title, font=mid, fill=ink)
        y = 320
        for line in [*contact, ", ".join(address)]:
            draw.text((70, y), line, font=small, fill=ink)
            y += 40
    elif layout == "centered":
        lines = [
            (person.printed_name, big, ink),
            (person.title, mid, ink),
            (person.organization, org_font, accent),
        ]
        y = 50
        for text, font, colour in lines:
            draw.text((width // 2, y), text, font=font, fill=colour, anchor="ma")
            y += 70
        y += 15
        for line in [f"{phones[0]}  ·  {phones[1]}", person.email, person.web, " · ".join(address)]:
            draw.text((width // 2, y), line, font=small, fill=ink, anchor="ma")
            y += 42
    elif layout == "split":
        draw.rectangle((0, 0, 330, height), fill=accent)
        words = person.organization.split()
        half = max(1, len(words) // 2)
        draw.text((30, 200), " ".join(words[:half]), font=_font(family, 34, True), fill=paper)
        draw.text((30, 250), " ".join(words[half:]), font=_font(family, 34, True), fill=paper)
        draw.text((370, 60), person.printed_name, font=big, fill=ink)
        draw.text((370, 125), person.title, font=mid, fill=ink)
        y = 220
        for line in [*address, *contact]:
            draw.text((370, y), line, font=small, fill=ink)
            y += 42
    elif layout == "bottom":
        draw.text((70, 50), person.organization, font=org_font, fill=accent)
        y = 130
        for line in [*address, *contact]:
            draw.text((70, y), line, font=small, fill=ink)
            y += 38
        draw.line((70, 380, 980, 380), fill=accent, width=3)
        draw.text((70, 410), person.printed_name, font=big, fill=ink)
        draw.text((70, 475), person.title, font=mid, fill=ink)
    else:  # "english": name and title top right, organization and contacts below
        draw.text((980, 60), person.printed_name, font=big, fill=ink, anchor="ra")
        draw.text((980, 125), person.title, font=mid, fill=ink, anchor="ra")
        draw.text((70, 230), person.organization, font=org_font, fill=accent)
        y = 300
        for line in [person.email, *phones, person.web, *address]:
            draw.text((70, y), line, font=small, fill=ink)
            y += 40
    return card


def _photograph(card: Image.Image, rng: random.Random) -> bytes:
    """The card lying on a table, taken slightly askew and a little out of focus."""
    table = Image.new("RGB", (card.width + 240, card.height + 200), rng.choice([(90, 70, 55), (60, 60, 65)]))
    table.paste(card, (120, 100))
    photo = table.rotate(rng.uniform(-4, 4), resample=Image.Resampling.BICUBIC, fillcolor=(70, 60, 55))
    photo = photo.filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 1.3)))
    buffer = io.BytesIO()
    photo.save(buffer, format="JPEG", quality=82)
    return buffer.getvalue()


def generate_cards(seed: int = 13, layouts=TUNING_LAYOUTS + HELD_OUT_LAYOUTS) -> list[GeneratedCard]:
    """One card per person, layouts and fonts in turn; German people never get the English layout."""
    rng = random.Random(seed)
    families = sorted(FONT_FAMILIES)
    cards = []
    for number, person in enumerate(card_people(seed)):
        usable = [layout for layout in layouts if layout != "english" or person.language == "en"]
        layout = usable[number % len(usable)]
        family = families[number % len(families)]
        image = _photograph(_draw_card(person, layout, family, rng), rng)
        cards.append(GeneratedCard(f"card-{number + 1:02d}-{layout}.jpg", layout, family, person, image))
    return cards


def _vcard(person: CardPerson) -> str:
    return (
        "BEGIN:VCARD\r\nVERSION:3.0\r\n"
        f"N:{person.last_name};{person.first_name};;;\r\nFN:{person.name}\r\n"
        f"ORG:{person.organization}\r\nTITLE:{person.title}\r\n"
        f"EMAIL;TYPE=INTERNET:{person.email}\r\nTEL;TYPE=WORK:{person.phones[0]}\r\nEND:VCARD\r\n"
    )


def _mecard(person: CardPerson) -> str:
    return (
        f"MECARD:N:{person.last_name},{person.first_name};ORG:{person.organization};"
        f"TEL:{person.phones[1].replace(' ', '')};EMAIL:{person.email};;"
    )


def generate_badges(seed: int = 13) -> list[GeneratedCard]:
    """Five conference badges: vCard, MeCard, a LinkedIn and a XING profile, and a vCard with umlauts."""
    people = card_people(seed)
    rng = random.Random(seed + 1)
    chosen = [people[12], people[4], people[14], people[1], people[2]]
    chosen[2].profile_url = "https://www.linkedin.com/in/emily-carter-7b21a9"
    chosen[3].profile_url = "https://www.xing.com/profile/Joerg_Oezdemir"
    payloads = [
        ("vcard", _vcard(chosen[0])),
        ("mecard", _mecard(chosen[1])),
        ("linkedin", chosen[2].profile_url),
        ("xing", chosen[3].profile_url),
        ("vcard-umlauts", _vcard(chosen[4])),
    ]
    badges = []
    for number, ((kind, payload), person) in enumerate(zip(payloads, chosen, strict=True)):
        badge = Image.new("RGB", (700, 1000), (255, 255, 255))
        draw = ImageDraw.Draw(badge)
        draw.rectangle((0, 0, 700, 160), fill=(0, 70, 140))
        draw.text(
            (350, 60), "Logistik-Forum 2026", font=_font("dejavu-sans", 44, True), fill="white", anchor="ma"
        )
        draw.text((350, 220), person.name, font=_font("dejavu-sans", 52, True), fill="black", anchor="ma")
        qr = segno.make(payload, error="m")
        buffer = io.BytesIO()
        qr.save(buffer, kind="png", scale=10, border=2)
        code = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB").resize((440, 440))
        badge.paste(code, (130, 380))
        photo = badge.rotate(rng.uniform(-6, 6), resample=Image.Resampling.BICUBIC, fillcolor=(80, 80, 80))
        photo = photo.filter(ImageFilter.GaussianBlur(0.8))
        out = io.BytesIO()
        photo.save(out, format="JPEG", quality=85)
        badges.append(GeneratedCard(f"badge-{number + 1}-{kind}.jpg", kind, "qr", person, out.getvalue()))
    return badges


@cache
def held_out_photos() -> tuple[GeneratedCard, ...]:
    """The photos the tests read: three cards in the held-out layouts and the five badges (OCR is
    slow, so each is read once per test run)."""
    cards = generate_cards(layouts=HELD_OUT_LAYOUTS)
    chosen = [card for card in cards if card.layout == "bottom"][:2] + [
        c for c in cards if c.layout == "english"
    ][:1]
    return (*chosen, *generate_badges())
