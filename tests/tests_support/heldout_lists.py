"""Held-out attendee lists with an answer key, for judging "whom to meet" as a career coach would.

Written before the ranking was tuned, and never tuned against: each generated person carries the
judgement a coach would make from the brief alone, decided by the template the person was drawn from
— not by vernetzt's title classifier. Two lists, each a few hundred people with German country names:

- ``expat_list``: a supply-chain congress in Singapore, English headers. The user is a
  "Logistikleiter" (director level) in Dortmund whose goal is to go to Southeast Asia as an expat.
  Right: supply-chain and logistics leaders at or above director level who live in Southeast Asia,
  and the chief executives of Southeast Asian logistics firms.
- ``home_list``: a finance congress in Düsseldorf, German headers. The user is "Leiter Controlling"
  (director level) in Düsseldorf whose goal is to become CFO at home (no region named).
  Right: finance leaders at or above director level who live in Germany.

Juniors (interns, trainees, working students, apprentices, assistants, analysts, coordinators,
clerks and senior individual contributors — two or more levels below the user) must never be in the
top ten. Some juniors and some people who do not fit are given everything a ranking could be
tempted by: a direct relationship, the user's school and city (``WARM_SHARE``).
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass

RIGHT, JUNIOR, MID, OTHER = "right", "junior", "mid", "other"
WARM_SHARE = 0.15  # of juniors and of "other" people: direct contact, same school, same city


@dataclass(frozen=True)
class Attendee:
    first_name: str
    last_name: str
    title: str
    organization: str
    city: str
    country: str  # German country name, as German organisers write it
    truth: str  # RIGHT, JUNIOR, MID or OTHER
    warm: bool = False


@dataclass(frozen=True)
class HeldOutList:
    name: str
    attendees: tuple[Attendee, ...]
    header: tuple[str, ...]
    delimiter: str

    def csv_bytes(self) -> bytes:
        out = io.StringIO()
        writer = csv.writer(out, delimiter=self.delimiter, lineterminator="\r\n")
        writer.writerow(self.header)
        for a in self.attendees:
            writer.writerow([a.first_name, a.last_name, a.title, a.organization, a.city, a.country])
        return out.getvalue().encode("utf-8-sig")

    def truth_of(self, first_name: str, last_name: str) -> str:
        return self._key()[(first_name, last_name)]

    def _key(self) -> dict[tuple[str, str], str]:
        return {(a.first_name, a.last_name): a.truth for a in self.attendees}

    def makeup(self) -> dict[str, int]:
        counts = {RIGHT: 0, JUNIOR: 0, MID: 0, OTHER: 0}
        for a in self.attendees:
            counts[a.truth] += 1
        return counts


FIRST = ["Anna", "Lena", "Julia", "Katrin", "Sabine", "Claudia", "Petra", "Miriam", "Sophie", "Laura",
         "Jörg", "Jürgen", "Thomas", "Michael", "Andreas", "Stefan", "Markus", "Frank", "Tobias", "Björn",
         "Wei Ling", "Jun Jie", "Mei Hua", "Kok Wai", "Minh", "Thu Ha", "Duc Anh", "Somchai", "Nattaya",
         "Budi", "Siti", "Dewi", "Maria", "Jose", "Ahmad", "Nurul", "Arjun", "Kavitha", "James", "Emily",
         "Carlos", "Giulia", "Marco", "Agnieszka", "Piotr", "Claire", "Pierre", "Oliver", "Charlotte",
         "Henrik", "Ingrid", "Yuki", "Hiroshi", "Li", "Priya", "Rahul", "Olivia", "Noah"]  # fmt: skip
LAST = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
        "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
        "Tan", "Lim", "Ng", "Goh", "Teo", "Nguyen", "Tran", "Pham", "Srisuk", "Wongsa", "Santoso",
        "Wijaya", "Reyes", "Cruz", "Ibrahim", "Rahman", "Menon", "Smith", "Johnson", "Garcia", "Rossi",
        "Bianchi", "Kowalski", "Nowak", "Dubois", "Martin", "Jansen", "de Vries", "Larsen", "Sato",
        "Tanaka", "Wang", "Chen", "Sharma", "Patel", "Brown", "Wilson", "Keller", "Brunner"]  # fmt: skip

# Where people live: (city as organisers write it, German country name).
SEA = [("Singapur", "Singapur"), ("Singapore", "Singapur"), ("Bangkok", "Thailand"),
       ("Ho-Chi-Minh-Stadt", "Vietnam"), ("Hanoi", "Vietnam"), ("Jakarta", "Indonesien"),
       ("Kuala Lumpur", "Malaysia"), ("Penang", "Malaysia"), ("Manila", "Philippinen"),
       ("Surabaya", "Indonesien")]  # fmt: skip
GERMANY = [("Dortmund", "Deutschland"), ("Hamburg", "Deutschland"), ("München", "Deutschland"),
           ("Köln", "Deutschland"), ("Düsseldorf", "Deutschland"), ("Frankfurt am Main", "Deutschland"),
           ("Stuttgart", "Deutschland"), ("Berlin", "Deutschland"), ("Bremen", "Deutschland"),
           ("Leipzig", "Deutschland"), ("Nürnberg", "Deutschland"), ("Essen", "Deutschland")]  # fmt: skip
DACH_ABROAD = [("Wien", "Österreich"), ("Graz", "Österreich"), ("Zürich", "Schweiz"), ("Basel", "Schweiz")]
ABROAD = [("New York", "Vereinigte Staaten"), ("Chicago", "Vereinigte Staaten"), ("Warschau", "Polen"),
          ("Krakau", "Polen"), ("Mailand", "Italien"), ("Rom", "Italien"), ("Paris", "Frankreich"),
          ("Lyon", "Frankreich"), ("London", "Vereinigtes Königreich"), ("Amsterdam", "Niederlande"),
          ("Madrid", "Spanien"), ("Stockholm", "Schweden")]  # fmt: skip
ELSEWHERE_ASIA = [("Shanghai", "China"), ("Tokio", "Japan"), ("Mumbai", "Indien"), ("Sydney", "Australien"),
                  ("Seoul", "Südkorea"), ("Dubai", "Vereinigte Arabische Emirate")]  # fmt: skip

SEA_LOGISTICS_ORGS = ["Harbourline Logistics Pte. Ltd.", "Lion City Freight Pte. Ltd.",
                      "Saigon Port Logistics", "Mekong Cold Chain Co., Ltd.", "Siam Distribution Co., Ltd.",
                      "Nusantara Cargo", "Klang Valley Warehousing Sdn Bhd", "Manila Bay Forwarding Inc.",
                      "Straits Supply Chain Solutions"]  # fmt: skip
SEA_OTHER_ORGS = ["Lion City Bank", "Batik Brands", "Tropical Foods Pte. Ltd.",
                  "Asia Pacific Automotive Parts", "Jakarta Software House", "Bangkok Hospital Group",
                  "Orchard Retail Pte. Ltd."]  # fmt: skip
GERMAN_ORGS = ["Rhein Cargo GmbH", "Spedition Kühn & Söhne KG", "NordLager Logistik GmbH", "Bayern Chemie AG",
               "Autoteile Schwaben GmbH", "Westfalen Fördertechnik AG", "Deutsche Kontraktlogistik SE",
               "Elbe Terminal Services GmbH", "Stadtwerke Bochum GmbH", "Rheinland Versicherung AG",
               "Sparkasse am Niederrhein", "Kanzlei Brandt & Partner"]  # fmt: skip
ABROAD_ORGS = ["Atlantic Holdings Inc.", "Vistula Logistics Sp. z o.o.", "Lombardia Meccanica S.p.A.",
               "Groupe Hexagone SA", "Thames Capital Ltd", "Oranje Distributie B.V.", "Iberia Foods S.L.",
               "Nordic Freight AB"]  # fmt: skip

# --- the expat list: titles per judgement -------------------------------------------------------
# A title naming the region ("VP Supply Chain, Southeast Asia") makes its holder right wherever they
# live, so regional titles go only to people who live there.
SEA_SCOPED_LEADERS = [
    "Head of Supply Chain Southeast Asia",
    "Regional Director Logistics APAC",
    "VP Supply Chain, Southeast Asia",
    "Leiter Logistik Asien",
]
SC_LEADERS = ["Director Supply Chain", "Supply Chain Director",
              "Head of Logistics", "Director of Warehousing & Distribution", "Chief Supply Chain Officer",
              "Vice President Logistics", "Head of Supply Chain Planning", "Director Logistics Operations",
              "Head of Procurement & Logistics", "Senior Director Supply Chain",
              "Director Cold Chain Logistics", "Regional Head of Distribution"]  # fmt: skip
SC_JUNIORS = ["Supply Chain Intern", "Logistics Intern", "Trainee Supply Chain", "Werkstudentin Logistik",
              "Logistics Coordinator", "Supply Chain Analyst", "Warehouse Assistant", "Shipping Clerk",
              "Inventory Specialist", "Praktikant Supply Chain", "Student Assistant Logistics",
              "Junior Logistics Planner", "Senior Logistics Analyst", "Demand Planner",
              "Logistics Administrator", "Supply Chain Graduate Trainee", "Apprentice Warehouse Operations",
              "Export Documentation Officer"]  # fmt: skip
SC_MID = ["Supply Chain Manager", "Logistics Manager", "Warehouse Manager", "Teamleiter Lager",
          "Transport Manager", "Distribution Team Lead"]  # fmt: skip
SEA_OTHER_SENIORS = ["Chief Financial Officer", "Head of Marketing Asia", "Sales Director SEA",
                     "HR Director", "IT Director", "Head of Legal", "Director Business Development",
                     "VP Sales APAC"]  # fmt: skip
CHIEF_EXECUTIVES = ["CEO", "Managing Director", "Geschäftsführer", "Chief Executive Officer"]
OTHER_JUNIORS = ["Marketing Intern", "Sales Assistant", "Junior Accountant", "HR Coordinator",
                 "Assistant to the CEO", "Werkstudent Vertrieb"]  # fmt: skip


# --- the home list: titles per judgement --------------------------------------------------------
FINANCE_LEADERS_ABOVE = ["CFO", "Finanzvorstand", "Chief Financial Officer", "Bereichsleiter Finanzen",
                         "VP Finance", "Vice President Finance & Controlling",
                         "Kaufmännische Geschäftsführerin"]  # fmt: skip
FINANCE_LEADERS_AT = ["Leiter Finanzen", "Leiterin Rechnungswesen", "Head of Finance", "Leiter Controlling",
                      "Director Finance & Controlling", "Leiterin Treasury", "Head of Accounting",
                      "Abteilungsleiter Finanzbuchhaltung", "Finance Director",
                      "Head of Group Controlling"]  # fmt: skip
FINANCE_JUNIORS = ["Werkstudent Controlling", "Praktikantin Finanzen", "Auszubildender Industriekaufmann",
                   "Trainee Finance", "Buchhalterin", "Sachbearbeiter Kreditorenbuchhaltung",
                   "Junior Controller", "Financial Analyst", "Controllerin", "Senior Controller",
                   "Bilanzbuchhalter", "Finance Intern", "Assistentin der Finanzleitung",
                   "Steuerfachangestellte"]  # fmt: skip
FINANCE_MID = ["Teamleiter Buchhaltung", "Finance Manager", "Gruppenleiterin Controlling",
               "Manager Financial Planning & Analysis"]  # fmt: skip
GERMAN_OTHER_SENIORS = ["Leiter Vertrieb", "Head of HR", "Geschäftsführer", "Leiterin Logistik",
                        "Director Marketing", "Leiter IT", "Bereichsleiterin Produktion",
                        "Head of Legal"]  # fmt: skip


def _names(rng: random.Random, count: int) -> list[tuple[str, str]]:
    pairs = [(first, last) for first in FIRST for last in LAST]
    rng.shuffle(pairs)
    return pairs[:count]


def _draw(rng, specs: list[tuple[int, list[str], list, list[str], str]]) -> list[dict]:
    """(count, titles, places, organizations, truth) → rows without names yet."""
    rows = []
    for count, titles, places, orgs, truth in specs:
        for _ in range(count):
            city, country = rng.choice(places)
            rows.append(
                {"title": rng.choice(titles), "organization": rng.choice(orgs), "city": city,
                 "country": country, "truth": truth}
            )  # fmt: skip
    return rows


def _finish(rng, rows: list[dict]) -> tuple[Attendee, ...]:
    rng.shuffle(rows)  # import order must not matter
    people = []
    for (first, last), row in zip(_names(rng, len(rows)), rows, strict=True):
        tempting = row["truth"] in (JUNIOR, OTHER) and rng.random() < WARM_SHARE
        people.append(Attendee(first_name=first, last_name=last, warm=tempting, **row))
    return tuple(people)


def expat_list(seed: int = 2026) -> HeldOutList:
    rng = random.Random(seed)
    rows = _draw(
        rng,
        [
            (18, SC_LEADERS + SEA_SCOPED_LEADERS, SEA, SEA_LOGISTICS_ORGS + SEA_OTHER_ORGS, RIGHT),
            (6, CHIEF_EXECUTIVES, SEA, SEA_LOGISTICS_ORGS, RIGHT),
            (95, SC_JUNIORS, SEA, SEA_LOGISTICS_ORGS + SEA_OTHER_ORGS, JUNIOR),
            (30, OTHER_JUNIORS, SEA, SEA_OTHER_ORGS, JUNIOR),
            (35, SC_MID, SEA, SEA_LOGISTICS_ORGS, MID),
            (40, SEA_OTHER_SENIORS, SEA, SEA_OTHER_ORGS, OTHER),
            (8, CHIEF_EXECUTIVES, SEA, SEA_OTHER_ORGS, OTHER),
            (60, SC_LEADERS, GERMANY, GERMAN_ORGS, OTHER),
            (40, SC_JUNIORS, GERMANY, GERMAN_ORGS, JUNIOR),
            (30, SC_LEADERS, ELSEWHERE_ASIA + ABROAD, ABROAD_ORGS, OTHER),
            (20, SC_MID, GERMANY + ABROAD, GERMAN_ORGS + ABROAD_ORGS, MID),
        ],
    )
    header = ("First Name", "Last Name", "Job Title", "Company", "City", "Country")
    return HeldOutList("expat", _finish(rng, rows), header, ",")


def home_list(seed: int = 2026) -> HeldOutList:
    rng = random.Random(seed + 1)
    rows = _draw(
        rng,
        [
            (10, FINANCE_LEADERS_ABOVE, GERMANY, GERMAN_ORGS, RIGHT),
            (14, FINANCE_LEADERS_AT, GERMANY, GERMAN_ORGS, RIGHT),
            (10, FINANCE_LEADERS_ABOVE + FINANCE_LEADERS_AT, DACH_ABROAD, GERMAN_ORGS, OTHER),
            (45, FINANCE_LEADERS_ABOVE, ABROAD, ABROAD_ORGS, OTHER),
            (15, FINANCE_LEADERS_AT, ABROAD + SEA, ABROAD_ORGS + SEA_OTHER_ORGS, OTHER),
            (85, FINANCE_JUNIORS, GERMANY, GERMAN_ORGS, JUNIOR),
            (25, FINANCE_JUNIORS, ABROAD, ABROAD_ORGS, JUNIOR),
            (30, FINANCE_MID, GERMANY + ABROAD, GERMAN_ORGS + ABROAD_ORGS, MID),
            (60, GERMAN_OTHER_SENIORS, GERMANY, GERMAN_ORGS, OTHER),
            (40, OTHER_JUNIORS, GERMANY, GERMAN_ORGS, JUNIOR),
        ],
    )
    header = ("Vorname", "Nachname", "Position", "Firma", "Stadt", "Land")
    return HeldOutList("home", _finish(rng, rows), header, ";")
