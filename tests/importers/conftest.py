from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def read_data():
    """Bytes of a file under tests/data (e.g. "samples/contacts.vcf", "ugly/truncated.vcf")."""

    def read(relative: str) -> bytes:
        return (DATA / relative).read_bytes()

    return read
