"""Household import from CSV/XLSX: readers → columns/values → validation → apply, behind import_households."""

from gotong.registry.importing.result import ImportResult, Issue, summary_lines
from gotong.registry.importing.service import import_households

__all__ = ["ImportResult", "Issue", "import_households", "summary_lines"]
