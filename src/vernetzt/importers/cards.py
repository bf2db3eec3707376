"""Photos of business cards and conference badges → contact records.

A photo is decoded with Pillow (turned upright by its EXIF orientation), searched for QR codes with
zxing-cpp (vCard, MeCard, LinkedIn/XING profile addresses) and read with Tesseract's German and
English models (through pytesseract); ``core.cards`` makes fields of the words. A QR code says exactly
what it means, so its fields win; the printed name fills in what a bare profile address lacks.
Nothing here touches the database: the transfer app matches and stores what comes back.
"""

from __future__ import annotations

import io
import shutil
import warnings
from dataclasses import dataclass, field

import pytesseract
import zxingcpp
from PIL import Image, ImageOps, UnidentifiedImageError

from vernetzt.core.cards import (
    CardFields,
    OcrWord,
    group_lines,
    name_from_profile_slug,
    profile_url,
    read_card_lines,
    read_mecard,
    split_name,
)
from vernetzt.importers.honorifics import split_honorific
from vernetzt.importers.records import ContactRecord, ImportFormatError, Photo, RowError
from vernetzt.importers.vcard import parse_vcards

OCR_LANGUAGES = "deu+eng"
OCR_WIDTH = 1700  # px: Tesseract reads card text best at about 30–60 px per line at this width
MAX_PIXELS = 60_000_000  # a 60-megapixel photo is the most a phone takes; more is not a photo
PHOTO_SIZE = 800  # px, the longer side of the picture kept with a person
TESSERACT_PACKAGES = "tesseract-ocr tesseract-ocr-deu tesseract-ocr-eng"


@dataclass
class CardReading:
    """What one photo says: a record (or an error), where it came from, and the picture to keep."""

    filename: str
    record: ContactRecord | None = None
    source: str = ""  # "qr" or "ocr"
    text: str = ""  # the lines OCR read, shown next to the confirm form
    photo: Photo | None = None
    errors: list[RowError] = field(default_factory=list)


def tesseract_available() -> bool:
    return shutil.which(pytesseract.pytesseract.tesseract_cmd) is not None


def _open(data: bytes, filename: str) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.width * image.height > MAX_PIXELS:
                raise ImportFormatError(
                    "image_too_large", filename=filename, limit=str(MAX_PIXELS // 1_000_000)
                )
            image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImportFormatError("not_image", filename=filename) from None
    return ImageOps.exif_transpose(image).convert("RGB")


def _qr_fields(image: Image.Image, filename: str) -> CardFields | ContactRecord | None:
    codes = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    for code in codes:
        text = code.text.strip()
        if text.upper().startswith("BEGIN:VCARD"):
            parsed = parse_vcards(text.encode("utf-8"), filename=filename)
            if parsed.records:
                return parsed.records[0]
        if mecard := read_mecard(text):
            return mecard
        if profile := profile_url(text):
            fields = CardFields()
            fields.first_name, fields.last_name, fields.full_name, _ = split_name(
                name_from_profile_slug(profile[1])
            )
            setattr(fields, f"{profile[0]}_url", profile[1])
            return fields
    return None


def _ocr_fields(image: Image.Image, hints: tuple[str, ...]) -> tuple[CardFields, str]:
    gray = ImageOps.autocontrast(ImageOps.grayscale(image))
    scale = OCR_WIDTH / gray.width
    gray = gray.resize((OCR_WIDTH, max(1, round(gray.height * scale))), Image.Resampling.LANCZOS)
    data = pytesseract.image_to_data(
        gray, lang=OCR_LANGUAGES, config="--psm 11", output_type=pytesseract.Output.DICT
    )
    words = [
        OcrWord(text, data["left"][i], data["top"][i], data["width"][i], data["height"][i])
        for i, text in enumerate(data["text"])
        if text.strip() and float(data["conf"][i]) >= 0
    ]
    lines = group_lines(words)
    return read_card_lines(lines, hints=hints), "\n".join(line.text for line in lines)


def fields_record(fields: CardFields, *, line: int) -> ContactRecord:
    return ContactRecord(
        line=line,
        source="card",
        first_name=fields.first_name,
        last_name=fields.last_name,
        full_name=fields.full_name,
        # Only what a salutation uses ("Dr.", "Prof. Dr."), not "Dipl.-Ing." or "MBA".
        academic_title=split_honorific(fields.academic_title)[1],
        emails=list(fields.emails),
        phones=list(fields.phones),
        organization=fields.organization,
        title=fields.title,
        city=fields.city,
        linkedin_url=fields.linkedin_url,
        xing_url=fields.xing_url,
        other_urls=[fields.web] if fields.web else [],
    )


def _named(record: ContactRecord, printed: CardFields) -> ContactRecord:
    """A QR code with only a profile address takes the name printed on the badge."""
    if printed.full_name and (not record.full_name or not (record.emails or record.organization)):
        record.first_name, record.last_name = printed.first_name, printed.last_name
        record.full_name = printed.full_name
    return record


def _keepable(image: Image.Image) -> Photo:
    copy = image.copy()
    copy.thumbnail((PHOTO_SIZE, PHOTO_SIZE))
    buffer = io.BytesIO()
    copy.save(buffer, format="JPEG", quality=80, optimize=True)
    return Photo(data=buffer.getvalue(), media_type="image/jpeg")


def read_card(data: bytes, *, filename: str, line: int = 1) -> CardReading:
    """One photo; a file that is not an image raises ImportFormatError, a card without anything
    readable comes back with an error and no record."""
    if not tesseract_available():
        raise ImportFormatError("no_tesseract", filename=filename, packages=TESSERACT_PACKAGES)
    image = _open(data, filename)
    reading = CardReading(filename=filename, photo=_keepable(image))
    found = _qr_fields(image, filename)
    hints = (
        tuple(url.rsplit("/", 1)[-1] for url in (found.linkedin_url, found.xing_url) if url) if found else ()
    )
    printed, reading.text = _ocr_fields(image, hints)
    if isinstance(found, ContactRecord):
        reading.record, reading.source = _named(found, printed), "qr"
        reading.record.source, reading.record.line = "card", line
    elif found is not None:
        reading.record, reading.source = _named(fields_record(found, line=line), printed), "qr"
    elif not printed.is_empty:
        reading.record, reading.source = fields_record(printed, line=line), "ocr"
    else:
        reading.errors.append(RowError(line=line, code="card_unreadable", file=filename))
    return reading
