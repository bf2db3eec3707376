"""Contacts out of vernetzt: vCard 3.0 and spreadsheet-safe CSV, both re-importable by `importers`."""

from vernetzt.exporters.csv import write_contacts_csv
from vernetzt.exporters.vcard import render_vcards

__all__ = ["render_vcards", "write_contacts_csv"]
