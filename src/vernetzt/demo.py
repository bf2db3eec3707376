"""The demo workspace: a logistics manager in Dortmund whose goal is Southeast Asia.

Deterministic (seeded), bilingual and realistic enough that a newcomer sees a living app: a few
hundred people across Germany and Southeast Asia, an upcoming association event with attendees,
ties and a reporting line, recorded successes, conversations and the tasks they led to.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from vernetzt.events.models import Attendance
from vernetzt.events.services import add_attendee, create_event
from vernetzt.goals.services import add_target, create_goal
from vernetzt.journal.models import Benefit, Interaction, Snippet, Task
from vernetzt.people.models import Education, Person, Success, Tie
from vernetzt.people.services import create_person, set_me

SEED = 20261127
PEOPLE_COUNT = 320

GERMAN_FIRST = [
    "Anna",
    "Lena",
    "Julia",
    "Katrin",
    "Sabine",
    "Claudia",
    "Petra",
    "Miriam",
    "Sophie",
    "Laura",
    "Jana",
    "Nicole",
    "Stefanie",
    "Birgit",
    "Heike",
    "Andrea",
    "Franziska",
    "Carina",
    "Tanja",
    "Ulrike",
    "Jörg",
    "Jürgen",
    "Thomas",
    "Michael",
    "Andreas",
    "Stefan",
    "Markus",
    "Frank",
    "Christian",
    "Tobias",
    "Matthias",
    "Sebastian",
    "Björn",
    "Sven",
    "Uwe",
    "Ralf",
    "Dirk",
    "Lars",
    "Florian",
    "Jan",
    "Philipp",
    "Moritz",
    "Lukas",
    "Günter",
    "Klaus",
    "Hans",
]
GERMAN_WOMEN = frozenset(GERMAN_FIRST[:20])
GERMAN_LAST = [
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
    "Maier",
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
]
# (given names, family names) per country, combined at random so names rarely repeat.
SEA_NAMES = {
    "SG": (
        ["Wei Ling", "Jun Jie", "Mei Hua", "Kok Wai", "Siew Lan", "Hui Min", "Zhi Hao"],
        ["Tan", "Lim", "Ng", "Lee", "Goh", "Teo", "Chua", "Koh"],
    ),
    "VN": (
        ["Minh", "Lan", "Nam", "Thu Ha", "Duc Anh", "Linh", "Quang"],
        ["Nguyen", "Tran", "Le", "Pham", "Vo", "Hoang", "Dang"],
    ),
    "TH": (
        ["Somchai", "Nattaya", "Kittipong", "Ploy", "Anong"],
        ["Srisuk", "Wongsa", "Chaiyaporn", "Suwannarat"],
    ),
    "ID": (["Budi", "Siti", "Agus", "Dewi", "Rizal"], ["Santoso", "Rahayu", "Wijaya", "Lestari", "Hakim"]),
    "PH": (["Maria", "Jose", "Andrea", "Paolo"], ["Santos", "Reyes", "Cruz", "Bautista"]),
    "MY": (
        ["Ahmad", "Nurul", "Farid", "Arjun", "Kavitha"],
        ["Ibrahim", "Aisyah", "Rahman", "Menon", "Subramaniam"],
    ),
}
# Given names above that tell Ms or Mr (as international business mail addresses them); "Minh" and "Linh"
# are given to women and men alike, so their holders are greeted by name.
SEA_WOMEN = frozenset(
    "Wei Ling|Mei Hua|Siew Lan|Hui Min|Lan|Thu Ha|Nattaya|Ploy|Anong|Siti|Dewi|Maria|Andrea|Nurul|Kavitha"
    .split("|")
)
SEA_MEN = frozenset(
    "Jun Jie|Kok Wai|Zhi Hao|Nam|Duc Anh|Quang|Somchai|Kittipong|Budi|Agus|Rizal|Jose|Paolo|Ahmad|Farid|Arjun"
    .split("|")
)
GERMAN_ORGS = [
    ("Muster Maschinenbau GmbH", "Dortmund"),
    ("Rhein Cargo GmbH", "Duisburg"),
    ("Westfalen Fördertechnik AG", "Bielefeld"),
    ("Elbe Terminal Services GmbH", "Hamburg"),
    ("Ruhr Intralogistik GmbH", "Essen"),
    ("Spedition Kühn & Söhne KG", "Bochum"),
    ("NordLager Logistik GmbH", "Bremen"),
    ("Bayern Chemie AG", "München"),
    ("Autoteile Schwaben GmbH", "Stuttgart"),
    ("Kontor Handelsgesellschaft mbH", "Köln"),
    ("Fraunhofer-Institut für Materialfluss und Logistik", "Dortmund"),
    ("Deutsche Kontraktlogistik SE", "Frankfurt am Main"),
]
SEA_ORGS = [
    ("Harbourline Logistics Pte. Ltd.", "Singapur"),
    ("Lion City Freight Pte. Ltd.", "Singapore"),
    ("Saigon Port Logistics", "Ho-Chi-Minh-Stadt"),
    ("Mekong Cold Chain Co., Ltd.", "Hanoi"),
    ("Siam Distribution Co., Ltd.", "Bangkok"),
    ("Nusantara Supply Chain", "Jakarta"),
    ("Klang Valley Warehousing Sdn Bhd", "Kuala Lumpur"),
    ("Manila Bay Forwarding Inc.", "Manila"),
    ("Asia Pacific Automotive Parts Pte. Ltd.", "Singapore"),
]
# Each title as a man and as a woman hold it (a "Leiterin Personal" is greeted "Sehr geehrte Frau …").
SEA_COUNTRY_NAMES = {
    "Singapur": "Singapore",
    "Singapore": "Singapore",
    "Ho-Chi-Minh-Stadt": "Vietnam",
    "Hanoi": "Vietnam",
    "Bangkok": "Thailand",
    "Jakarta": "Indonesia",
    "Kuala Lumpur": "Malaysia",
    "Manila": "Philippines",
}
GERMAN_TITLES = [
    ("Logistikleiter", "Logistikleiterin"),
    ("Leiter Kontraktlogistik", "Leiterin Kontraktlogistik"),
    ("Head of Intralogistics", "Head of Intralogistics"),
    ("Teamleiter Disposition", "Teamleiterin Disposition"),
    ("Disponent", "Disponentin"),
    ("Sachbearbeiter Versand", "Sachbearbeiterin Versand"),
    ("Bereichsleiter Supply Chain", "Bereichsleiterin Supply Chain"),
    ("Geschäftsführer", "Geschäftsführerin"),
    ("Leiter Einkauf", "Leiterin Einkauf"),
    ("Einkäufer", "Einkäuferin"),
    ("Vertriebsleiter DACH", "Vertriebsleiterin DACH"),
    ("Key Account Manager", "Key Account Manager"),
    ("Leiter Personal", "Leiterin Personal"),
    ("Projektleiter Lagerautomatisierung", "Projektleiterin Lagerautomatisierung"),
    ("Senior Consultant Supply Chain", "Senior Consultant Supply Chain"),
    ("Werkstudent Logistik", "Werkstudentin Logistik"),
    ("Schichtleiter Lager", "Schichtleiterin Lager"),
    ("Director Operations", "Director Operations"),
    ("Leiter Qualitätsmanagement", "Leiterin Qualitätsmanagement"),
    ("CFO", "CFO"),
    ("Head of Supply Chain Planning", "Head of Supply Chain Planning"),
    ("Abteilungsleiter Materialwirtschaft", "Abteilungsleiterin Materialwirtschaft"),
    ("Lagerleiter", "Lagerleiterin"),
    ("Vice President Logistics Europe", "Vice President Logistics Europe"),
    ("Fachkraft für Lagerlogistik", "Fachkraft für Lagerlogistik"),
    ("Inhaber", "Inhaberin"),
]
SEA_TITLES = [
    "Regional Director Supply Chain APAC",
    "VP Supply Chain, Southeast Asia",
    "Head of Cold Chain",
    "Director of Operations",
    "Country Manager Vietnam",
    "Warehouse Supervisor",
    "Logistics Coordinator",
    "General Manager",
    "Head of Regional Distribution SEA",
    "Senior Manager Procurement",
    "Managing Director",
    "Chief Financial Officer",
    "HR Business Partner",
    "Supply Chain Analyst",
    "Operations Manager",
    "Director Logistics Asia-Pacific",
    "Head of Sales ASEAN",
    "Senior Supply Chain Planner",
]
INTERESTS = [
    "Segeln",
    "Rennradfahren",
    "Laufen",
    "Fußball",
    "Kochen",
    "Jazz",
    "Golf",
    "Bergwandern",
    "Schach",
    "Tauchen",
]
SCHOOLS = [
    "Technische Universität Dortmund",
    "Universität Duisburg-Essen",
    "RWTH Aachen",
    "WHU Otto Beisheim",
    "National University of Singapore",
    "Universität St. Gallen",
    "Kühne Logistics University",
]
ASSOCIATIONS = [
    "Bundesvereinigung Logistik (BVL)",
    "VDI",
    "Deutsch-Singapurische Handelskammer",
    "Rotary Club",
]
SNIPPETS = [
    "segelt am Wochenende auf dem Phoenix-See",
    "Tochter hat gerade in Singapur mit dem Studium angefangen",
    "baut ein neues Hochregallager in Bình Dương",
    "läuft im Herbst den Berlin-Marathon",
    "sucht Erfahrungen mit fahrerlosen Transportsystemen",
    "war zwei Jahre Expat in Bangkok",
]
PROMOTION = "Zum Regional Director befördert"
SUCCESSES = [
    "Neues Distributionszentrum in Singapur eröffnet",
    PROMOTION,
    "Vortrag auf dem Deutschen Logistik-Kongress über Kühlketten in Asien",
    "Kosten der Lagerlogistik um 18 % gesenkt",
    "Joint Venture mit einem vietnamesischen Hafenbetreiber geschlossen",
    "Auszeichnung „Supply Chain Leader of the Year“ erhalten",
]


# What people work on, read off their titles (first match wins): material for questions and benefits.
FIELDS_BY_TITLE = [
    ("cold chain", "Kühlketten"), ("kontraktlogistik", "Kontraktlogistik"),
    ("intralogistic", "Intralogistik"),
    ("lagerautomatisierung", "Lagerautomatisierung"), ("distribution", "Distribution"),
    ("procurement", "Einkauf"), ("einkauf", "Einkauf"), ("planning", "Supply-Chain-Planung"),
    ("planner", "Supply-Chain-Planung"), ("sales", "Vertrieb"), ("vertrieb", "Vertrieb"),
    ("key account", "Vertrieb"), ("personal", "Personalentwicklung"), ("hr ", "Personalentwicklung"),
    ("qualität", "Qualitätsmanagement"), ("cfo", "Controlling"), ("financial", "Controlling"),
    ("country manager", "Marktentwicklung"), ("lager", "Lagerlogistik"),
    ("warehouse", "Lagerlogistik"), ("operations", "Prozessoptimierung"), ("disposition", "Transportplanung"),
]
# Stated needs, given to every 23rd person (the benefit suggestions match them first).
NEEDS = [
    "Lagerplaner in Vietnam",
    "Erfahrungen mit Lagerautomatisierung",
    "Einkäufer mit Asien-Erfahrung",
    "Kontakte zu Kühlhäusern in Thailand",
    "IT-Partner für ein Lagerverwaltungssystem",
    "Vertriebskontakte in Singapur",
]


def _fields_of(title: str) -> list[str]:
    lowered = f"{title.casefold()} "
    return next(([name] for key, name in FIELDS_BY_TITLE if key in lowered), [])


def _pick_person(rng: random.Random, index: int) -> dict:
    in_sea = index % 3 == 0
    if in_sea:
        given, family = SEA_NAMES[rng.choice(sorted(SEA_NAMES))]
        first, last = rng.choice(given), rng.choice(family)
        org, city = SEA_ORGS[rng.randrange(len(SEA_ORGS))]
        title = SEA_TITLES[rng.randrange(len(SEA_TITLES))]
        # A country manager manages the country their office is in.
        title = title.replace("Vietnam", SEA_COUNTRY_NAMES[city]) if title.startswith("Country") else title
        formality, languages = "sie", ["Englisch"]
    else:
        first, last = rng.choice(GERMAN_FIRST), rng.choice(GERMAN_LAST)
        org, city = GERMAN_ORGS[rng.randrange(len(GERMAN_ORGS))]
        title = GERMAN_TITLES[rng.randrange(len(GERMAN_TITLES))][first in GERMAN_WOMEN]
        formality, languages = rng.choice(["sie", "sie", "du"]), ["Deutsch", "Englisch"]
    slug = f"{first}-{last}-{index}".lower().replace(" ", "-")
    data = {
        "first_name": first,
        "last_name": last,
        "title": title,
        "organization_name": org,
        "city": city,
        "emails": [f"{slug.encode('ascii', 'ignore').decode()}@example.com"] if rng.random() < 0.6 else [],
        "linkedin_url": f"https://www.linkedin.com/in/{slug.encode('ascii', 'ignore').decode()}",
        "linkedin_connected": rng.random() < 0.7,
        "formality": formality,
        "languages": languages,
        "interests": rng.sample(INTERESTS, k=rng.randrange(0, 3)),
        "associations": rng.sample(ASSOCIATIONS, k=rng.randrange(0, 2)),
        "tier": rng.choice(["pool", "pool", "pool", "secondary", "developing", "new", "key"]),
        "expertise": _fields_of(title),
        "needs": [NEEDS[index // 23 % len(NEEDS)]] if index % 23 == 5 else [],
    }
    if not in_sea:
        data["title_of_address"] = "Frau" if first in GERMAN_WOMEN else "Herr"
    elif first in SEA_WOMEN or first in SEA_MEN:
        data["title_of_address"] = "Frau" if first in SEA_WOMEN else "Herr"
    if rng.random() < 0.4:
        data["birth_day"], data["birth_month"] = rng.randrange(1, 29), rng.randrange(1, 13)
        data["birth_year"] = rng.choice([None, rng.randrange(1960, 1995)])
    return data


@transaction.atomic
def load_demo(*, owner, today: date | None = None) -> dict[str, int]:
    """Fill ``owner``'s empty workspace with the demo; returns what was created."""
    rng = random.Random(SEED)
    today = today or timezone.localdate()
    if not owner.first_name:
        owner.first_name, owner.last_name = "Thomas", "Berger"
        owner.save(update_fields=["first_name", "last_name"])
    me = set_me(
        owner=owner,
        title="Logistikleiter",
        organization="Muster Maschinenbau GmbH",
        city="Dortmund",
        country="Deutschland",
        schools=["Technische Universität Dortmund"],
        interests=["Segeln", "Laufen"],
        languages=["Deutsch", "Englisch"],
        associations=["Bundesvereinigung Logistik (BVL)"],
        expertise=["Intralogistik", "Hochregallager-Automatisierung"],
        offers=["Kontakte in die Logistik an Rhein und Ruhr"],
    )
    Success.objects.create(
        owner=owner, person=me, date=today - timedelta(days=90), text="Hochregallager in Dortmund eröffnet"
    )
    people = [create_person(owner=owner, source="demo", **_pick_person(rng, i)) for i in range(PEOPLE_COUNT)]
    # A person everyone can find in the walkthrough, with birthday soon and rich research.
    priya = create_person(
        owner=owner,
        source="demo",
        first_name="Priya",
        last_name="Raman",
        title_of_address="Frau",
        academic_title="Dr.",
        needs=["Lagerplaner in Vietnam"],
        offers=["Kontakte zu Häfen in Südostasien"],
        title="VP Supply Chain, Southeast Asia",
        organization_name="Harbourline Logistics Pte. Ltd.",
        city="Singapur",
        emails=["priya.raman@example.com"],
        linkedin_url="https://www.linkedin.com/in/priya-raman-sg",
        formality="sie",
        tier="new",
        interests=["Segeln"],
        languages=["Englisch", "Tamil"],
        expertise=["Kühlketten", "Hafenlogistik"],
        birth_day=(today + timedelta(days=3)).day,
        birth_month=(today + timedelta(days=3)).month,
    )
    people.append(priya)
    for person in people[:40]:
        Education.objects.create(
            owner=owner,
            person=person,
            school=(school := rng.choice(SCHOOLS)),
            normalized_school=school.casefold(),
        )
    Success.objects.create(
        owner=owner,
        person=priya,
        date=today - timedelta(days=60),
        text=SUCCESSES[0],
        source_url="https://example.com/news/harbourline-dc",
    )
    for person in rng.sample(people, 25):
        day, text = today - timedelta(days=rng.randrange(10, 300)), rng.choice(SUCCESSES)
        if person.seniority in ("unpaid", "training", "entry"):
            continue  # an award or a joint venture is not what a clerk or a trainee is known for
        if text == PROMOTION and person.seniority not in ("director", "vp"):
            text = SUCCESSES[2]  # an owner or a team lead is not promoted to regional director
        Success.objects.create(owner=owner, person=person, date=day, text=text)
    boss = create_person(
        owner=owner,
        source="demo",
        first_name="Claudia",
        last_name="Wermelskirchen",
        title_of_address="Frau",
        title="Geschäftsführerin Operations",
        organization_name="Muster Maschinenbau GmbH",
        city="Dortmund",
        tier="key",
        formality="sie",
    )
    Tie.objects.create(
        owner=owner, from_person=me, to_person=boss, kind=Tie.Kind.REPORTS_TO, strength=4, source="demo"
    )
    for person in rng.sample(people, 120):
        Tie.objects.create(
            owner=owner, from_person=me, to_person=person, strength=rng.randrange(1, 6), source="demo"
        )
    for a, b in {(rng.randrange(len(people)), rng.randrange(len(people))) for _ in range(400)}:
        if a != b:
            Tie.objects.get_or_create(
                owner=owner,
                from_person=people[a],
                to_person=people[b],
                kind=Tie.Kind.KNOWS,
                defaults={"strength": rng.randrange(1, 6), "source": "demo"},
            )
    goal = create_goal(
        owner=owner,
        text="Expat in Südostasien: Leitung Supply Chain bei einem Logistikdienstleister",
        why=(
            "Ich will internationale Führungserfahrung sammeln; "
            "meine Familie ist offen für zwei bis drei Jahre in Singapur."
        ),
        horizon=date(today.year + 2, 6, 30),
        levels=["director", "vp", "cxo"],
        functions=["supply_chain_logistics", "operations"],
        regions=["southeast_asia"],
        keywords=["Kühlkette", "Hafen", "Distribution"],
    )
    add_target(goal=goal, person=priya, priority=1)
    event = create_event(
        owner=owner,
        name="Logistik-Forum Rhein-Ruhr 2026",
        kind="external",
        starts_on=today + timedelta(days=12),
        location="Dortmund",
        notes="Jahrestreffen der Regionalgruppe; Schwerpunkt Asien-Geschäft.",
    )
    attendees = [priya, *rng.sample(people[:-1], 60)]
    for person in attendees:
        add_attendee(event=event, person=person, source="demo")
    Attendance.objects.filter(event=event, person=priya).update(must_meet=True)
    past = create_event(
        owner=owner,
        name="Deutscher Logistik-Kongress",
        kind="external",
        starts_on=today - timedelta(days=30),
        location="Berlin",
    )
    daniel = create_person(
        owner=owner,
        source="demo",
        first_name="Daniel",
        last_name="Ortmann",
        title_of_address="Herr",
        expertise=["Intralogistik", "Fahrerlose Transportsysteme"],
        title="Head of Intralogistics",
        organization_name="Westfalen Fördertechnik AG",
        city="Bielefeld",
        emails=["daniel.ortmann@example.com"],
        linkedin_url="https://www.linkedin.com/in/dortmann",
        linkedin_connected=True,
        tier="developing",
        formality="du",
    )
    talk = Interaction.objects.create(
        owner=owner,
        person=daniel,
        kind="event_conversation",
        date=past.starts_on,
        event=past,
        notes="Austausch über fahrerlose Transportsysteme; kennt Harbourline aus einem Projekt.",
        their_share=65,
        meeting_agreed=True,
        source="demo",
    )
    Snippet.objects.create(owner=owner, person=daniel, interaction=talk, text=SNIPPETS[0])
    Snippet.objects.create(owner=owner, person=priya, text=SNIPPETS[1])
    Benefit.objects.create(
        owner=owner,
        person=daniel,
        direction="offered",
        kind="information",
        description="Unsere Erfahrungen mit dem Hochregallager-Projekt teilen",
        status="planned",
    )
    Task.objects.create(
        owner=owner,
        person=daniel,
        interaction=talk,
        kind="call_to_schedule",
        due=today - timedelta(days=1),
        dedupe_key=f"call_to_schedule:{daniel.pk}:{talk.pk}",
    )
    Task.objects.create(
        owner=owner,
        person=priya,
        kind="birthday_greeting",
        due=today + timedelta(days=3),
        dedupe_key=f"birthday_greeting:{priya.pk}:{(today + timedelta(days=3)).year}",
    )
    return {"people": Person.objects.for_user(owner).count(), "events": 2, "goals": 1}


def load_demo_if_empty(*, owner) -> dict[str, int] | None:
    if Person.objects.for_user(owner).filter(is_me=False).exists():
        return None
    return load_demo(owner=owner)
