"""Shift-code use cases."""

from __future__ import annotations

from deskwfm.core.model import ShiftCode
from deskwfm.core.shift_codes import validate_code
from deskwfm.services.workspace import Workspace

__all__ = ["codes_by_key", "delete_code", "list_codes", "save_code", "validate_code"]

def list_codes(ws: Workspace) -> list[ShiftCode]:
    return ws.store.list_codes()


def codes_by_key(ws: Workspace) -> dict[str, ShiftCode]:
    """UPPER-CASE code -> ShiftCode, as ``parse_entry`` wants it."""
    return {c.code.upper(): c for c in ws.store.list_codes()}


def save_code(ws: Workspace, code: ShiftCode) -> ShiftCode:
    """Insert, or update by code (version-checked). InputError for a code that could be read
    as a time entry, bad times, or a break not shorter than the shift."""
    return ws.store.save_code(validate_code(code))


def delete_code(ws: Workspace, code: str) -> None:
    """InputError if shifts use it (say how many)."""
    ws.store.delete_code(code)
