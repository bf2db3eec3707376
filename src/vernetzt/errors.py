"""The one error type services raise for input they cannot accept.

``field`` names where the problem is (a form field, a CLI option, a JSON key), so every front end —
form, API (422 ``{"error", "field"}``) and CLI (``--field: message``) — can point at it.
"""

from __future__ import annotations


class DataError(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
