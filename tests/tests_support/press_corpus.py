"""A generated business press with an answer key: the held-back set for matching articles to people.

The key is decided before any text is written: for each article the generator first picks who it is
about (a contact at their organization, a namesake elsewhere, nobody), records that, and only then
renders German or English prose around it. Seeds are fixed; ``HELD_BACK_SEED`` was never used while
the matching rules were written (``DEVELOPMENT_SEED`` was).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

DEVELOPMENT_SEED = 7
HELD_BACK_SEED = 2026

FIRST = [
    "Anna",
    "Jürgen",
    "Tim",
    "Sabine",
    "Lukas",
    "Özlem",
    "Priya",
    "Nguyen",
    "Mei",
    "Thomas",
    "Katrin",
    "Stefan",
    "Chloé",
    "Björn",
    "Aylin",
    "David",
    "Sarah",
    "Ralf",
    "Jana",
    "Wei",
    "Somchai",
    "Ingrid",
    "Marco",
    "Fatima",
    "Henrik",
    "Claudia",
    "Rahul",
    "Elena",
    "Kai",
    "Yuki",
]
LAST = [
    "Krause",
    "Müller",
    "Wongsakul",
    "Schäfer",
    "Becker",
    "Yılmaz",
    "Sharma",
    "Tran",
    "Lim",
    "Weiß",
    "Hoffmann",
    "Keller",
    "Dubois",
    "Sørensen",
    "Öztürk",
    "Brown",
    "Lehmann",
    "Groß",
    "Chen",
    "Srisuk",
    "Lindqvist",
    "Rossi",
    "Haddad",
    "Jansen",
    "Kumar",
    "Popescu",
    "Vogt",
    "Tanaka",
    "Fischer",
    "Zimmermann",
    "von der Heide",
    "O'Connor",
]
ORGS = [
    ("Siam Logistics Co., Ltd.", ["SiamLog"]),
    ("Kühne + Nagel AG", []),
    ("Muster Maschinenbau GmbH", []),
    ("Hafen Hamburg Logistik AG", ["HHLA"]),
    ("Rhein Cargo GmbH & Co. KG", []),
    ("Pacific Freight Pte. Ltd.", []),
    ("Nordsee Windkraft SE", []),
    ("Brandt Spedition GmbH", []),
    ("Vantage Supply Chain Inc.", ["Vantage SC"]),
    ("Lotus Retail Thailand", []),
    ("Alpen Pharma AG", []),
    ("Bayern Antriebstechnik GmbH", ["BAT"]),
    ("Mekong Shipping JSC", []),
    ("Dortmunder Stahlhandel GmbH", []),
    ("Saigon Port Services", []),
    ("Baltic Rail AB", []),
    ("Westfalen Verpackung GmbH", []),
    ("Orion Analytics Ltd", []),
    ("Kranich Luftfracht GmbH", []),
    ("Sunda Energy Tbk", []),
    ("Helvetia Präzision AG", []),
    ("Straits Cold Chain Pte. Ltd.", []),
    ("Elbe Digital GmbH", []),
    ("Atlas Containers B.V.", []),
]
# Organizations that appear in the press but employ nobody in the network.
STRANGERS = [
    "Deutsche Bahn",
    "Siemens Energy",
    "Maersk",
    "DHL Supply Chain",
    "Zalando SE",
    "Bosch Rexroth",
    "Lufthansa Cargo",
    "Thai Airways",
    "Grab Holdings",
    "Otto Group",
]

TITLES_DE = [
    "Geschäftsführerin",
    "Leiter Logistik",
    "Vertriebsleiterin",
    "Head of Supply Chain",
    "Vorstand Finanzen",
    "Bereichsleiter Einkauf",
]
TITLES_EN = [
    "Managing Director",
    "VP Operations",
    "Head of Procurement",
    "Chief Executive",
    "Regional Director APAC",
    "Country Manager",
]

STORIES_DE = [
    "{org} eröffnet ein Hub in Laem Chabang. „Wir wachsen in Asien“, sagt {name}, {title} bei {org}.",
    "{name} ({title}) hat bei {org} den Umsatz im dritten Quartal um 12 % gesteigert.",
    "Auszeichnung für {org}: {name} nahm den Preis für die beste Lieferkette entgegen.",
    "Bei {org} übernimmt {name} ab Juli die Rolle als {title}. Der Wechsel war seit Monaten geplant.",
    "Wie {org} die Energiekosten halbiert: {name}s Team setzt auf Wärmerückgewinnung.",
    "{name}, {title} der {org}, sprach auf dem Logistik-Forum in Köln über Nearshoring.",
]
STORIES_EN = [
    "{org} opens a new hub in Laem Chabang. “Asia is where we grow,” said {name}, {title} at {org}.",
    "{name}, {title} of {org}, announced a partnership with a regional carrier on Tuesday.",
    "{org} wins the supply chain award; {name} accepted it on behalf of the team.",
    "Under {name}'s leadership {org} cut delivery times by a third, the company said.",
    "{org} appoints {name} as {title}, effective immediately.",
    "Interview: {name} on how {org} plans to double its fleet by 2027.",
]
# A namesake: the same full name in a story about an organization none of the network works for.
NAMESAKE_DE = [
    "{name} gewinnt den Stadtlauf in Freiburg. Der Verein {org} gratuliert seinem Mitglied.",
    "Die Schauspielerin {name} spielt in der neuen Serie von {org} die Hauptrolle.",
    "{name}, Sprecher von {org}, äußerte sich zu den Tarifverhandlungen.",
    "Leserbrief von {name} aus Bielefeld zur Sanierung der Brücke.",
]
NAMESAKE_EN = [
    "{name} scores twice as the county team beats its rivals; {org} sponsored the match.",
    "Local baker {name} opens a second shop downtown.",
    "{name}, a spokesperson for {org}, declined to comment on the strike.",
    "Author {name} presents her new novel at the city library.",
]
FILLER_DE = (
    "Die Branche rechnet für das kommende Jahr mit stabiler Nachfrage, auch wenn die Frachtraten "
    "weiter schwanken. Analysten verweisen auf die Lage im Roten Meer und auf neue Zölle."
)
FILLER_EN = (
    "Analysts expect steady demand next year even as freight rates keep moving. They point to the "
    "situation in the Red Sea and to new tariffs that shippers are still digesting."
)
NOISE_DE = [
    "Hafenumschlag in Hamburg stagniert",
    "Neue Zölle belasten den Mittelstand",
    "Bahnstreik: Güterverkehr steht still",
]
NOISE_EN = [
    "Container rates rise for a third week",
    "Tariffs weigh on mid-sized exporters",
    "Air cargo demand recovers in Asia",
]


@dataclass(frozen=True)
class NetworkPerson:
    person_id: int
    first_name: str
    last_name: str
    organization: str


@dataclass
class Article:
    title: str
    text: str
    about: set[int] = field(default_factory=set)  # person ids the article is truly about
    namesakes: set[int] = field(default_factory=set)  # network people whose names appear, not about them


@dataclass
class Corpus:
    people: list[NetworkPerson]
    organizations: dict[str, list[str]]  # name → aliases
    articles: list[Article]


def _variant(name: str, rng: random.Random) -> str:
    """How the press spells a name: umlauts written out now and then."""
    if rng.random() < 0.25:
        return name.replace("ü", "ue").replace("ö", "oe").replace("ä", "ae").replace("ß", "ss")
    return name


def _org_as_written(name: str, aliases: list[str], rng: random.Random) -> str:
    roll = rng.random()
    if aliases and roll < 0.3:
        return aliases[0]
    if roll < 0.6:  # without the legal form, as journalists write it
        for form in (
            " GmbH & Co. KG",
            " Co., Ltd.",
            " Pte. Ltd.",
            " GmbH",
            " AG",
            " SE",
            " Inc.",
            " Ltd",
            " B.V.",
            " JSC",
            " Tbk",
            " AB",
        ):
            if name.endswith(form):
                return name[: -len(form)]
    return name


def generate_corpus(seed: int, *, articles: int = 200, people: int = 300) -> Corpus:
    rng = random.Random(seed)
    organizations = {name: aliases for name, aliases in ORGS}
    network: list[NetworkPerson] = []
    taken: set[tuple[str, str, str]] = set()
    while len(network) < people:
        first, last, org = rng.choice(FIRST), rng.choice(LAST), rng.choice(ORGS)[0]
        if (first, last, org) in taken:
            continue
        taken.add((first, last, org))
        network.append(NetworkPerson(len(network) + 1, first, last, org))
    # A few true namesakes inside the network: the same name at two organizations.
    for person in rng.sample(network[:150], 10):
        other = rng.choice([o for o, _ in ORGS if o != person.organization])
        if (person.first_name, person.last_name, other) not in taken:
            taken.add((person.first_name, person.last_name, other))
            network.append(NetworkPerson(len(network) + 1, person.first_name, person.last_name, other))

    corpus = Corpus(network, organizations, [])
    for _ in range(articles):
        german = rng.random() < 0.5
        kind = rng.choices(
            ["about", "two", "namesake", "namesake_near", "far", "surname", "noise"],
            weights=[40, 10, 22, 3, 7, 6, 12],
        )[0]
        corpus.articles.append(_article(kind, german, network, organizations, rng))
    return corpus


def _article(kind, german, network, organizations, rng) -> Article:
    filler = FILLER_DE if german else FILLER_EN
    titles = TITLES_DE if german else TITLES_EN
    if kind == "noise":
        title = rng.choice(NOISE_DE if german else NOISE_EN)
        return Article(title, f"{filler} {rng.choice(STRANGERS)} meldet stabile Zahlen. {filler}")
    if kind in ("namesake", "namesake_near"):
        person = rng.choice(network)
        story = rng.choice(NAMESAKE_DE if german else NAMESAKE_EN)
        name = _variant(f"{person.first_name} {person.last_name}", rng)
        text = story.format(name=name, org=rng.choice(STRANGERS))
        if kind == "namesake_near":
            # The hard case: the namesake's story names a contact's organization as a sponsor.
            org = _org_as_written(person.organization, organizations[person.organization], rng)
            text += f" Gesponsert von {org}." if german else f" Sponsored by {org}."
        same_name = {
            p.person_id
            for p in network
            if (p.first_name, p.last_name) == (person.first_name, person.last_name)
        }
        return Article(text.split(".")[0][:90], f"{text} {filler}", namesakes=same_name)
    chosen = rng.sample(network, 2 if kind == "two" else 1)
    about: set[int] = set()
    sentences = []
    for person in chosen:
        about.add(person.person_id)
        story = rng.choice(STORIES_DE if german else STORIES_EN)
        name = f"{person.first_name} {person.last_name}"
        if rng.random() < 0.15:
            name = f"Dr. {name}"
        sentences.append(
            story.format(
                name=_variant(name, rng),
                org=_org_as_written(person.organization, organizations[person.organization], rng),
                title=rng.choice(titles),
            )
        )
    namesakes = {
        p.person_id
        for p in network
        if p.person_id not in about
        and any((p.first_name, p.last_name) == (c.first_name, c.last_name) for c in chosen)
    }
    person = chosen[0]
    name = _variant(f"{person.first_name} {person.last_name}", rng)
    org = _org_as_written(person.organization, organizations[person.organization], rng)
    if kind == "far":
        # The organization only in a paragraph far from the name, the headline neutral: a miss is
        # allowed here (recall), since a namesake would look the same.
        lead = f"{org} meldet Rekordzahlen." if german else f"{org} reports record results."
        close = f"„Wir sind zufrieden“, sagte {name}." if german else f"“We are pleased,” said {name}."
        title = rng.choice(NOISE_DE if german else NOISE_EN)
        return Article(
            title, " ".join([lead, filler, filler, filler, close]), about=about, namesakes=namesakes
        )
    if kind == "surname":
        # Only the surname with a form of address: too little to tell a namesake apart.
        if german:
            text = f"Frau {person.last_name} von {org} kündigte eine neue Strategie an."
        else:
            text = f"Ms {person.last_name} of {org} announced a new strategy."
        return Article(text[:90], f"{text} {filler}", about=about, namesakes=namesakes)
    headline = sentences[0].split(".")[0][:100]
    body = " ".join([sentences[0], filler, *sentences[1:]])
    return Article(headline, body, about=about, namesakes=namesakes)
