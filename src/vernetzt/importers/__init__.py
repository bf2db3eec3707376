"""The file-format layer of imports: bytes in, plain records out, no Django and no database.

Each parser takes the uploaded bytes and the file name (for messages) and returns plain dataclasses;
a file that is not what it claims raises ImportFormatError before anything is returned, so the caller
can refuse it without changing data. Row problems come back as RowError codes; `describe_error` words
them in German or English.
"""

from vernetzt.importers.attendees import parse_attendees
from vernetzt.importers.contacts_csv import parse_contacts_csv
from vernetzt.importers.linkedin import (
    InvitationRecord,
    LinkedInExport,
    MessageRecord,
    NoteRecord,
    OwnProfile,
    Position,
    School,
    parse_linkedin_export,
)
from vernetzt.importers.records import (
    Birthday,
    ContactRecord,
    ImportFormatError,
    ParseResult,
    RowError,
    describe_error,
    normalize_linkedin_url,
    normalize_xing_url,
    slug_of,
)
from vernetzt.importers.vcard import parse_vcards

__all__ = [
    "Birthday",
    "ContactRecord",
    "ImportFormatError",
    "InvitationRecord",
    "LinkedInExport",
    "MessageRecord",
    "NoteRecord",
    "OwnProfile",
    "ParseResult",
    "Position",
    "RowError",
    "School",
    "describe_error",
    "normalize_linkedin_url",
    "normalize_xing_url",
    "parse_attendees",
    "parse_contacts_csv",
    "parse_linkedin_export",
    "parse_vcards",
    "slug_of",
]
