"""What a business card says: from the words OCR found on it to name, title, organization and contacts.

Pure: words with their boxes in, fields out. German and English cards. The steps:

1. Words become lines by geometry (same baseline, small gaps; a tiny gap is a word OCR split in two),
   and lines split at "·", "|" and wide gaps (two columns, or "phone · phone").
2. Lines that are plainly contacts are taken first: e-mail, web and profile addresses, phone numbers
   with their labels ("Tel.", "Mobil", "T", "M", "Phone", …; fax numbers are left out), the postal
   line and the street.
3. Of the rest, the organization is the line with a legal form ("GmbH & Co. KG", "Pte. Ltd.") or whose
   words make up the e-mail/web domain, joined with a neighbouring line that continues it; the name is
   the line that looks like a name — matched with the e-mail's local part, large, capitalised words,
   academic titles — and the job title the line that ``core.titles`` recognises, nearest to the name.
4. Names: academic titles ("Dr.", "Prof. Dr.", "Dipl.-Ing.", ", MBA") are set aside, "VOGEL, Katrin"
   and ALL-CAPS family names are understood, and Vietnamese names ("Nguyen Thi Lan") keep their order
   with the family name first.
"""

from __future__ import annotations

import difflib
import itertools
import re
from dataclasses import dataclass, field

from vernetzt.core.text import fold, words
from vernetzt.core.titles import classify_title


@dataclass(frozen=True)
class OcrWord:
    text: str
    left: int
    top: int
    width: int
    height: int


@dataclass
class CardLine:
    text: str
    left: int
    top: int
    height: int


@dataclass
class CardFields:
    first_name: str = ""
    last_name: str = ""
    full_name: str = ""  # as it is written, without academic titles ("Nguyen Thi Lan")
    academic_title: str = ""  # "Dr.", "Prof. Dr.", "Dipl.-Ing.", "MBA"
    title: str = ""
    organization: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    street: str = ""
    postal_code: str = ""
    city: str = ""
    web: str = ""
    linkedin_url: str = ""
    xing_url: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.full_name or self.organization or self.emails or self.phones)


# --- 1. lines ----------------------------------------------------------------------------------------

JOIN_GAP = 0.3  # a gap under this share of the text height: one word OCR split in two
COLUMN_GAP = 1.3  # a gap over this many text heights: another column


def group_lines(ocr_words: list[OcrWord]) -> list[CardLine]:
    """Words → lines in reading order, tolerant of a slightly rotated card."""
    remaining = sorted((w for w in ocr_words if w.text.strip()), key=lambda w: (w.left, w.top))
    lines: list[list[OcrWord]] = []
    for word in remaining:
        centre = word.top + word.height / 2
        best, best_offset = None, 0.0
        for line in lines:
            last = line[-1]
            gap = word.left - (last.left + last.width)
            if gap < -last.height or gap > COLUMN_GAP * max(last.height, word.height):
                continue
            offset = abs(centre - (last.top + last.height / 2))
            if offset <= 0.6 * max(last.height, word.height) and (best is None or offset < best_offset):
                best, best_offset = line, offset
        if best is None:
            lines.append([word])
        else:
            best.append(word)
    result = []
    for line in lines:
        text = line[0].text
        for previous, word in itertools.pairwise(line):
            gap = word.left - (previous.left + previous.width)
            text += ("" if gap < JOIN_GAP * min(previous.height, word.height) else " ") + word.text
        heights = sorted(w.height for w in line)
        result.append(CardLine(text, line[0].left, min(w.top for w in line), heights[len(heights) // 2]))
    return sorted(result, key=lambda line: (line.top, line.left))


_SEPARATORS = re.compile(
    r"\s+[·•|\-–—]\s+|\s{3,}|,\s+(?=\d{4,5}\s)"
    # Two columns OCR ran together: an address begins in the middle of a line.
    r"|\s+(?=\d+[a-z]?\s+[A-Z]\w+\s+(?:Street|Avenue|Road|Boulevard|Lane|Drive|Square)\b)"
    r"|(?<!\bAm)(?<!\bAn)(?<!\bIm)(?<!\bIn)(?<!\bAuf)(?<!\bZum)(?<!\bZur)(?<!\bder)(?<!\bdem)(?<!\bden)"
    r"\s+(?=[A-ZÄÖÜ][\w-]*(?:straße|strasse|Str\.|str\.|weg|allee|platz|kai|ring|damm|ufer)\s+\d)"
    r"|(?<=[a-zäöüß.])\s+(?=\d{5}\s+[A-ZÄÖÜ][a-zäöüß])"
)


def split_segments(lines: list[CardLine]) -> list[CardLine]:
    out = []
    for line in lines:
        for part in _SEPARATORS.split(line.text):
            part = part.strip(" ·•|,;")
            if part:
                out.append(CardLine(part, line.left, line.top, line.height))
    return out


# --- 2. contacts -------------------------------------------------------------------------------------

_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_EMAIL_LABEL = re.compile(r"^(?:e-?mail|mail|e)\s*[:.]?\s+", re.IGNORECASE)
_PROFILE = re.compile(
    r"(?:https?://)?(?:[a-z]{2,3}\.)?(linkedin\.com/in/|xing\.com/profile/)([\w%.-]+)", re.I
)
_WEB = re.compile(
    r"^(?:(?:web|internet|url|w)\s*[:.]?\s+)?((?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?)$", re.I
)
_TLDS = ("de", "com", "net", "org", "eu", "at", "ch", "nl", "uk", "sg", "io", "info", "biz", "vn", "fr", "it")
_PHONE_LABEL = re.compile(
    r"^(?P<label>tel(?:efon)?|fon|phone|ph|t|m|mobil(?:e)?|mob|handy|cell|mobile phone|direct|dw|"
    r"fax|f|telefax)\s*[.:]*\s*(?=[+(\d])",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"^\+?[\d\s()/.-]{6,}\d$")
_FAX = {"fax", "f", "telefax"}
_POSTAL_LINES = (
    re.compile(r"^(?:(?:D|A|CH)-)?(?P<code>\d{5})\s+(?P<city>[A-ZÄÖÜ][\w.\- äöüß()]+)$"),  # 20457 Hamburg
    re.compile(r"^(?P<code>\d{4})\s+(?P<city>[A-ZÄÖÜ][\w.\- äöüß]+)$"),  # 1010 Wien, 8001 Zürich
    re.compile(r"^(?P<city>[A-Z][\w .'-]+?),?\s+(?P<code>[A-Z]{2}\s+\d{5})$"),  # New York, NY 10118
    re.compile(
        r"^(?P<city>[A-Z][\w .'-]+?)\s+(?P<code>[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})$"
    ),  # London EC4Y 1AA
    re.compile(r"^(?P<city>[A-Z][\w .'-]+?)\s+(?P<code>\d{4,6}(?:\s?[A-Z]{2})?)$"),  # Singapore 098632
)
_STREET_WORDS = re.compile(
    r"(stra(?:ß|ss)e|str\.|weg|allee|platz|ring|damm|ufer|kai|gasse|chaussee|markt|hof|"
    r"\bstreet\b|\bavenue\b|\broad\b|\bboulevard\b|\blane\b|\bdrive\b|\bway\b|\bsquare\b|\bplace\b|\bst\.|\bave\.)",
    re.IGNORECASE,
)
_HOUSE_NUMBER = re.compile(r"(?:^\d+[a-z]?\s+\w|\w\s+\d+[a-z]?(?:\s*-\s*\d+)?$)", re.IGNORECASE)


def clean_email(text: str) -> str:
    """An e-mail address from a line OCR read, spaces and a missing dot before the TLD repaired."""
    text = _EMAIL_LABEL.sub("", text.strip())
    local, _, domain = text.partition("@")
    domain_words = domain.split()
    if len(domain_words) == 2 and domain_words[1].lower() in _TLDS:  # "example de": the dot was lost
        domain = ".".join(domain_words)
    # The segment holds only the address (labels and separators are gone), so spaces are OCR's: in
    # the local part most often a dot it lost ("thomas weissenborn@…" is "thomas.weissenborn@…").
    compact = ".".join(local.split()) + "@" + domain.replace(" ", "")
    found = _EMAIL.search(compact)
    return found.group(0).lower().strip(".") if found else ""


def clean_phone(text: str) -> str:
    number = re.sub(r"\s+", " ", text.strip())
    number = re.sub(r"^\+\s+", "+", number)
    return re.sub(r"(\+\d{1,3})\s*\(0\)\s*", r"\1 ", number)


def _phone_of(text: str) -> tuple[str, str] | None:
    """(label, number) of a phone line; label "" for a bare number."""
    match = _PHONE_LABEL.match(text)
    label = match.group("label").lower() if match else ""
    rest = text[match.end() :] if match else text
    rest = rest.strip()
    if not _NUMBER.match(rest) or sum(char.isdigit() for char in rest) < 7:
        return None
    if not match and not rest.startswith(("+", "0", "(")):
        return None
    return label, clean_phone(rest)


def _web_of(text: str) -> str:
    if "@" in text:
        return ""
    match = _WEB.match(text.strip().replace("www. ", "www."))
    if not match:
        return ""
    address = match.group(1)
    host = re.sub(r"^https?://", "", address).split("/")[0].lower()
    if host.rsplit(".", 1)[-1] not in _TLDS and not host.startswith("www."):
        return ""
    return address.lower()


def _postal_of(text: str) -> tuple[str, str] | None:
    for pattern in _POSTAL_LINES:
        match = pattern.match(text.strip())
        if match:
            return match.group("code"), match.group("city").strip(" ,")
    return None


def _is_street(text: str) -> bool:
    return bool(_STREET_WORDS.search(text) and _HOUSE_NUMBER.search(text.strip()))


def profile_url(text: str) -> tuple[str, str] | None:
    """("linkedin"|"xing", canonical URL) when ``text`` holds a LinkedIn or XING profile address."""
    match = _PROFILE.search(text.strip())
    if not match:
        return None
    network = "linkedin" if match.group(1).lower().startswith("linkedin") else "xing"
    slug = match.group(2).strip("/.")
    base = "https://www.linkedin.com/in/" if network == "linkedin" else "https://www.xing.com/profile/"
    return network, base + slug


def name_from_profile_slug(slug: str) -> str:
    """ "emily-carter-7b21a9" → "Emily Carter", "Joerg_Oezdemir" → "Joerg Oezdemir"."""
    parts = [part for part in re.split(r"[-_]", slug.rsplit("/", 1)[-1]) if part]
    named = [part for part in parts if part.isalpha()]
    return " ".join(part[:1].upper() + part[1:] for part in named[:4])


# --- 3./4. names, titles, organizations --------------------------------------------------------------

ACADEMIC_PREFIXES = (
    "prof. dr.-ing.", "prof. dr. med.", "prof. dr.", "prof.", "dr.-ing.", "dr. med.", "dr. rer. nat.",
    "dr. phil.", "dr. jur.", "dr.", "dipl.-ing.", "dipl.-kfm.", "dipl.-kff.", "dipl.-kauffr.",
    "dipl.-wirt.-ing.", "dipl.-inf.", "dipl.-volksw.", "dipl.-psych.", "dipl.-oec.", "mag.", "ing.",
    "mr.", "mrs.", "ms.", "herr", "frau",
)  # fmt: skip
ACADEMIC_SUFFIXES = (
    "mba",
    "phd",
    "ph.d.",
    "m.sc.",
    "b.sc.",
    "m.a.",
    "b.a.",
    "ll.m.",
    "msc",
    "bsc",
    "m.eng.",
    "cpa",
)
# Family names that come first when a Vietnamese name is written in its own order.
VIETNAMESE_FAMILY_NAMES = frozenset(
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly truong dinh dao".split()
)
LEGAL_FORM = re.compile(
    r"(?:\bGmbH\b|\bmbH\b|\bAG\b|\bSE\b|\bKGaA\b|\bKG\b|\bOHG\b|\bGbR\b|\bUG\b|\be\.\s?V\.|\beG\b|"
    r"\bLtd\b\.?|\bLimited\b|\bPLC\b|\bLLC\b|\bLLP\b|\bInc\b\.?|\bCorp\b\.?|\bCorporation\b|\bCo\.,? Ltd|"
    r"\bPte\b\.?|\bPty\b\.?|\bB\.V\.|\bN\.V\.|\bS\.A\.|\bS\.p\.A\.|\bSARL\b|\bS\.r\.l\.|\bA/S\b|\bAB\b|\bOy\b|"
    r"\bSdn\.? Bhd\b\.?|\bTbk\b)"
)
INSTITUTION_WORDS = re.compile(
    r"\b(institut|institute|universit|hochschule|college|verband|association|bank|gruppe|group|holding|"
    r"ministerium|ministry|stiftung|foundation|kammer|agentur|agency|stadtwerke|klinik|hospital)",
    re.IGNORECASE,
)
_LOWER_NAME_PARTICLES = frozenset(
    {"von", "van", "de", "der", "den", "du", "da", "zu", "vom", "ter", "ten", "al", "el"}
)
_NAME_WORD = re.compile(r"^[A-ZÄÖÜÀ-Ý][\w'’.-]*$|^[A-ZÄÖÜ]+$")


def _strip_academic(text: str) -> tuple[str, str]:
    rest = text.strip()
    found: list[str] = []
    changed = True
    while changed:
        changed = False
        lowered = rest.lower()
        for prefix in ACADEMIC_PREFIXES:
            if lowered.startswith(prefix + " "):
                found.append(rest[: len(prefix)])
                rest = rest[len(prefix) :].strip()
                changed = True
                break
    head, comma, tail = rest.partition(",")
    tail_words = [w.strip(" .") for w in tail.split(",")]
    suffixes = {suffix.rstrip(".") for suffix in ACADEMIC_SUFFIXES}
    if comma and tail_words and all(word.lower().rstrip(".") in suffixes for word in tail_words):
        found.append(tail.strip())
        rest = head.strip()
    polite = {"mr.", "mrs.", "ms.", "herr", "frau"}
    titles = [t for t in found if t.lower() not in polite]
    return rest, " ".join(titles)


def split_name(text: str) -> tuple[str, str, str, str]:
    """(first name, last name, name as written, academic titles) of a name on a card."""
    rest, academic = _strip_academic(text)
    if "," in rest:  # "VOGEL, Katrin"
        last, _, first = rest.partition(",")
        first, last = _title_case(first.strip()), _title_case(last.strip())
        return first, last, f"{first} {last}".strip(), academic
    parts = [_title_case(part) for part in rest.split()]
    if not parts:
        return "", "", "", academic
    written = " ".join(parts)
    if len(parts) >= 3 and fold(parts[0]) in VIETNAMESE_FAMILY_NAMES:
        return " ".join(parts[1:]), parts[0], written, academic
    upper = [index for index, part in enumerate(rest.split()) if part.isupper() and len(part) > 1]
    if upper and len(parts) >= 2 and upper[-1] == len(parts) - 1 and len(upper) < len(parts):
        cut = upper[0]  # "Katrin VOGEL", "Anna Maria VON DER HEYDE"
    else:
        cut = len(parts) - 1
        while cut > 1 and parts[cut - 1].lower() in _LOWER_NAME_PARTICLES:
            cut -= 1
    return " ".join(parts[:cut]), " ".join(parts[cut:]), written, academic


def _title_case(word: str) -> str:
    if not word.isupper() or len(word) <= 1:
        return word
    return "-".join(part.capitalize() for part in word.split("-")).replace("'", "'")


def _is_job_title(text: str) -> bool:
    role = classify_title(text)
    return (role.seniority, role.function) != ("entry", "other")


def _domain_words(emails: list[str], web: str) -> set[str]:
    hosts = [email.split("@", 1)[1] for email in emails]
    if web:
        hosts.append(re.sub(r"^(?:https?://)?(?:www\.)?", "", web).split("/")[0])
    found: set[str] = set()
    for host in hosts:
        stem = host.rsplit(".", 2 if host.endswith((".co.uk", ".com.sg", ".com.vn", ".co.jp")) else 1)[0]
        found.update(part for part in re.split(r"[.-]", stem) if len(part) > 1)
    return found


def _domain_share(text: str, domain: set[str]) -> float:
    own = [word for word in words(text) if len(word) > 1]
    if not own or not domain:
        return 0.0
    joined = "".join(sorted(domain))
    hits = sum(1 for word in own if word in domain or (len(word) > 3 and word in joined))
    return hits / len(own)


def _org_score(line: CardLine, domain: set[str]) -> float:
    score = 0.0
    if LEGAL_FORM.search(line.text):
        score += 3
    if INSTITUTION_WORDS.search(line.text):
        score += 2
    score += 3 * _domain_share(line.text, domain)
    if _is_job_title(line.text) and not LEGAL_FORM.search(line.text):
        score -= 3
    if _strip_academic(line.text)[1]:
        score -= 3
    return score


def _name_score(line: CardLine, local_parts: list[str], tallest: int) -> float:
    text, academic = _strip_academic(line.text)
    parts = text.replace(",", " ").split()
    if not 2 <= len(parts) <= 5 or any(char.isdigit() for char in text):
        return -10
    score = 0.0
    if academic:
        score += 2
    if all(_NAME_WORD.match(part) or part.lower() in _LOWER_NAME_PARTICLES for part in parts):
        score += 1.5
    else:
        score -= 2
    folded = [fold(part).replace("'", "") for part in parts]
    for local in local_parts:
        score += 2.5 * sum(1 for part in folded if len(part) > 1 and part in local)
    if line.height >= 0.9 * tallest:
        score += 1.5
    if _is_job_title(line.text):
        score -= 3
    if LEGAL_FORM.search(line.text) or INSTITUTION_WORDS.search(line.text):
        score -= 5
    return score


_UMLAUTS = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"))


def _spelled_as_in_address(name: str, local_parts: list[str]) -> str:
    """A name part OCR misread ("Ludtke", "Zimmerman") spelled as the e-mail address has it
    ("luedtke" → "Lüdtke", "zimmermann" → "Zimmermann")."""
    tokens = {token for local in local_parts for token in re.split(r"[._+-]", local) if len(token) > 2}
    repaired = []
    for part in name.split():
        core = part.strip(",.")
        folded = fold(core).replace("'", "").replace("’", "")
        if not core.isalpha() or len(core) < 3:
            repaired.append(part)
            continue
        best = max(tokens, key=lambda token: difflib.SequenceMatcher(None, folded, token).ratio(), default="")
        if best and folded != best and difflib.SequenceMatcher(None, folded, best).ratio() >= 0.85:
            restored = best
            for plain, umlaut in _UMLAUTS:
                restored = restored.replace(plain, umlaut)
            restored = restored[:1].upper() + restored[1:] if core[:1].isupper() else restored
            part = part.replace(core, restored)
        repaired.append(part)
    return " ".join(repaired)


def _continues(first: CardLine, second: CardLine) -> bool:
    """``second`` is the next line of the same block as ``first`` (directly below, same left edge)."""
    below = 0 < second.top - first.top < 2.2 * max(first.height, second.height)
    return below and abs(second.left - first.left) < 2 * first.height


def _host(web: str) -> str:
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", web).split("/")[0]


def _reconcile_domains(fields: CardFields, texts: list[str]) -> None:
    """E-mail and web address usually share a domain; where OCR misread one of them ("pacific-rint1"
    next to "pacific-rim"), the one whose words also stand elsewhere on the card wins."""
    host = _host(fields.web)
    if not host or not fields.emails:
        return
    local, _, domain = fields.emails[0].partition("@")
    if domain == host or difflib.SequenceMatcher(None, domain, host).ratio() < 0.75:
        return
    printed = {word for text in texts for word in words(text)}

    def support(name: str) -> int:
        return sum(1 for part in re.split(r"[.-]", name) if part in printed)

    if support(host) > support(domain):
        fields.emails[0] = f"{local}@{host}"
    elif support(domain) > support(host):
        fields.web = fields.web.replace(host, domain)


def read_card_lines(lines: list[CardLine], *, hints: tuple[str, ...] = ()) -> CardFields:
    """``hints``: what else is known to be part of the name, e.g. a profile address's slug."""
    fields = CardFields()
    rest: list[CardLine] = []
    for line in split_segments(lines):
        text = line.text
        profile = profile_url(text)
        if profile:
            setattr(fields, f"{profile[0]}_url", profile[1])
        elif "@" in text:
            email = clean_email(text)
            if email and email not in fields.emails:
                fields.emails.append(email)
        elif phone := _phone_of(text):
            label, number = phone
            if label not in _FAX and number not in fields.phones:
                fields.phones.append(number)
        elif postal := _postal_of(text):
            fields.postal_code, fields.city = postal
        elif _is_street(text):
            fields.street = fields.street or text
        elif web := _web_of(text):
            fields.web = fields.web or web
        elif sum(char.isalpha() for char in text) >= 2:
            rest.append(line)
    _reconcile_domains(fields, [line.text for line in rest])
    _read_people_lines(fields, rest, hints)
    return fields


def _read_people_lines(fields: CardFields, rest: list[CardLine], hints: tuple[str, ...]) -> None:
    if not rest:
        return
    domain = _domain_words(fields.emails, fields.web)
    local_parts = [fold(email.split("@", 1)[0]) for email in fields.emails] + [fold(hint) for hint in hints]
    organization = _pick_organization(rest, domain, local_parts)
    if organization:
        fields.organization = _repair_legal_form(" ".join(line.text for line in organization))
        rest = [line for line in rest if all(line is not chosen for chosen in organization)]
    tallest = max(line.height for line in rest) if rest else 0
    scored = sorted(
        ((_name_score(line, local_parts, tallest), index) for index, line in enumerate(rest)), reverse=True
    )
    if scored and scored[0][0] > 0:
        name_line = rest[scored[0][1]]
        spelled = _spelled_as_in_address(name_line.text, local_parts)
        fields.first_name, fields.last_name, fields.full_name, fields.academic_title = split_name(spelled)
        rest = [line for line in rest if line is not name_line]
        titles = [line for line in rest if _is_job_title(line.text)]
        if not titles:
            titles = [line for line in rest if _continues(name_line, line)][:1]
        titles.sort(key=lambda line: abs(line.top - name_line.top))
        fields.title = ", ".join(line.text for line in titles[:2])


def _pick_organization(lines: list[CardLine], domain: set[str], local_parts: list[str]) -> list[CardLine]:
    scored = sorted(((_org_score(line, domain), index) for index, line in enumerate(lines)), reverse=True)
    if not scored or scored[0][0] < 1.5:
        return []
    best = lines[scored[0][1]]
    block = [best]

    def continues_name(line: CardLine) -> bool:
        if _name_score(line, local_parts, 10**6) >= 2:
            return False
        if _domain_share(line.text, domain) >= 0.5:  # "Harbour Logistics" above "Pte. Ltd.": not a job title
            return True
        return _legal_only(line.text) and not _is_job_title(line.text)

    # A name set over two lines: "Krüger & Söhne" / "GmbH & Co. KG", "Ruhr" / "Energie SE".
    below = next((line for line in lines if _continues(best, line)), None)
    if below is not None and continues_name(below):
        block.append(below)
    above = next((line for line in lines if _continues(line, best)), None)
    if above is not None and _legal_only(best.text) and continues_name(above):
        block.insert(0, above)
    return block


# Legal forms OCR commonly misreads at the end of a name: a lost final letter or dot.
_LEGAL_REPAIRS = {"In": "Inc.", "Inc": "Inc.", "Ltd": "Ltd.", "Lt": "Ltd.", "Gmbh": "GmbH", "GmbHl": "GmbH"}


def _repair_legal_form(name: str) -> str:
    head, _, last = name.rpartition(" ")
    return f"{head} {_LEGAL_REPAIRS[last]}" if head and last in _LEGAL_REPAIRS else name


def _legal_only(text: str) -> bool:
    """ "GmbH & Co. KG", "Energie SE": a legal form with at most one other word."""
    remainder = LEGAL_FORM.sub(" ", text).replace("&", " ").replace("Co.", " ").split()
    return bool(LEGAL_FORM.search(text)) and len(remainder) <= 1


# --- QR codes ------------------------------------------------------------------------------------------


def read_mecard(text: str) -> CardFields | None:
    """A MeCard ("MECARD:N:Vogel,Katrin;ORG:…;TEL:…;EMAIL:…;;"), as Japanese phones and badges use."""
    if not text.upper().startswith("MECARD:"):
        return None
    fields = CardFields()
    body = text[7:]
    for part in re.split(r"(?<!\\);", body):
        key, _, value = part.partition(":")
        value = value.replace("\\;", ";").replace("\\:", ":").replace("\\,", ",").strip()
        key = key.upper()
        if key == "N" and value:
            last, _, first = value.partition(",")
            fields.first_name, fields.last_name = first.strip(), last.strip()
            fields.full_name = f"{fields.first_name} {fields.last_name}".strip()
        elif key == "ORG":
            fields.organization = value
        elif key == "TEL" and value:
            fields.phones.append(clean_phone(value))
        elif key == "EMAIL" and value:
            fields.emails.append(value.lower())
        elif key == "URL" and value:
            profile = profile_url(value)
            if profile:
                setattr(fields, f"{profile[0]}_url", profile[1])
            else:
                fields.web = value
        elif key == "ADR" and value:
            fields.street = value
    return fields
