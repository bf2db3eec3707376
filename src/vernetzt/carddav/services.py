"""The one write of the address book: who is in it."""

from __future__ import annotations

from vernetzt.carddav.book import SCOPES
from vernetzt.carddav.models import AddressBookSettings


def save_address_book_settings(*, owner, **scopes: bool) -> AddressBookSettings:
    unknown = set(scopes) - set(SCOPES)
    if unknown:
        raise ValueError(f"not an address book setting: {sorted(unknown)[0]}")
    if any(not isinstance(value, bool) for value in scopes.values()):
        raise ValueError("address book settings are on or off")
    row, _ = AddressBookSettings.objects.update_or_create(owner=owner, defaults=scopes)
    return row
