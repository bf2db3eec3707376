"""Reading generated photos of business cards and badges with Tesseract and zxing-cpp: the layouts
held out while the extraction was tuned, so this measures rather than repeats the tuning."""

from __future__ import annotations

import io
import re
from functools import cache

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests_support.card_photos import held_out_photos
from vernetzt.core.text import words
from vernetzt.importers import ImportFormatError
from vernetzt.importers.cards import read_card, tesseract_available

pytestmark = pytest.mark.skipif(
    not tesseract_available(),
    reason="Tesseract not installed (Debian: tesseract-ocr tesseract-ocr-deu tesseract-ocr-eng)",
)


@cache
def _reading(index: int):
    card = held_out_photos()[index]
    return card, read_card(card.image, filename=card.filename)


def _right(index: int) -> bool:
    card, reading = _reading(index)
    record, key = reading.record, card.key
    if record is None or (record.first_name, record.last_name) != (key.first_name, key.last_name):
        return False
    if card.layout in ("linkedin", "xing"):
        return key.profile_url in (record.linkedin_url, record.xing_url)
    return key.email in record.emails and words(record.organization) == words(key.organization)


def test_most_held_out_cards_are_read_right():
    cards = [index for index, card in enumerate(held_out_photos()) if card.font != "qr"]
    right = [index for index in cards if _right(index)]
    assert len(right) >= len(cards) - 1, [_reading(index)[1].record for index in cards if index not in right]


def test_every_badge_qr_code_is_read():
    badges = [index for index, card in enumerate(held_out_photos()) if card.font == "qr"]
    assert all(_right(index) for index in badges), [_reading(index)[1].record for index in badges]
    kinds = {_reading(index)[0].layout: _reading(index)[1] for index in badges}
    assert kinds["vcard-umlauts"].record.full_name == "Sabine Krüger"
    assert kinds["xing"].record.full_name == "Jörg Özdemir"  # the printed name, not the slug's "Joerg"
    assert all(reading.source == "qr" for reading in kinds.values())


def test_a_kept_photo_is_small_and_a_jpeg():
    _card, reading = _reading(0)
    picture = Image.open(io.BytesIO(reading.photo.data))
    assert picture.format == "JPEG"
    assert max(picture.size) <= 800


def test_a_blank_photo_reads_as_nothing_and_a_text_file_is_refused():
    buffer = io.BytesIO()
    Image.new("RGB", (600, 400), "white").save(buffer, format="PNG")
    blank = read_card(buffer.getvalue(), filename="blank.png")
    assert blank.record is None
    assert blank.errors[0].code == "card_unreadable"
    with pytest.raises(ImportFormatError) as refused:
        read_card(b"BEGIN:VCARD\r\nnot a photo", filename="notes.txt")
    assert refused.value.code == "not_image"


def test_an_academic_title_on_the_card_lands_in_the_salutation_fields():
    """"Dr. Katrin Vogel" gives the person's academic title (the salutation uses it: "Frau Dr. Vogel");
    "Dipl.-Ing." is a degree no salutation carries, so it is not stored as one."""
    titled = {
        _reading(index)[0].key.printed_name: _reading(index)[1].record
        for index, card in enumerate(held_out_photos())
        if card.font != "qr" and card.key.printed_name.startswith(("Dr.", "Dipl.-Ing."))
    }
    vogel = titled["Dr. Katrin Vogel"]
    assert (vogel.academic_title, vogel.first_name, vogel.last_name) == ("Dr.", "Katrin", "Vogel")
    assert titled["Dipl.-Ing. Jörg Özdemir"].academic_title == ""


@pytest.mark.django_db
def test_the_card_confirm_form_keeps_the_academic_title(alice_client, user):
    from vernetzt.people.models import Person

    card = next(c for c in held_out_photos() if c.key.printed_name == "Dr. Katrin Vogel")
    upload = SimpleUploadedFile(card.filename, card.image, content_type="image/png")
    page = alice_client.post("/cards/", {"step": "read", "photos": [upload]}).content.decode()
    fields = dict(re.findall(r'name="(form-[^"]+)"[^>]*value="([^"]*)"', page))
    assert fields["form-0-academic_title"] == "Dr."
    saved = alice_client.post("/cards/", {**fields, "step": "save"})
    assert saved.status_code == 302
    person = Person.objects.for_user(user).get(last_name="Vogel")
    assert person.academic_title == "Dr."
