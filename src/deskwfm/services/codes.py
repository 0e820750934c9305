"""Shift-code use cases."""

from __future__ import annotations

from dataclasses import replace

from deskwfm.core.changes import Change, ChangeSet, Entity, How
from deskwfm.core.errors import InputError, NotFoundError, StaleEditError
from deskwfm.core.messages import msg
from deskwfm.core.model import ShiftCode
from deskwfm.core.shift_codes import validate_code
from deskwfm.services.workspace import Workspace

__all__ = ["codes_by_key", "delete_code", "list_codes", "save_code", "validate_code"]

def list_codes(ws: Workspace) -> list[ShiftCode]:
    return ws.store.list_codes()


def codes_by_key(ws: Workspace) -> dict[str, ShiftCode]:
    """UPPER-CASE code -> ShiftCode, as ``parse_entry`` wants it."""
    return {c.code.upper(): c for c in ws.store.list_codes()}


def save_code(ws: Workspace, code: ShiftCode, how: How = How.DIALOG, detail: str = "") -> ShiftCode:
    """Insert (``version == 0``), or update by code, refused with StaleEditError unless the
    stored code is still the version the caller read. InputError for a code that could be read
    as a time entry, bad times, or a break not shorter than the shift."""
    checked = validate_code(code)
    key = checked.code.upper()
    current = codes_by_key(ws).get(key)
    if checked.version == 0:
        if current is not None:
            raise InputError(msg("shift code {code} already exists", code=key))
    elif current is None:
        raise NotFoundError(msg("no shift code {code}", code=key))
    elif current.version != checked.version:
        raise StaleEditError(msg("shift code {code}", code=key))
    ws.commit(ChangeSet([Change(Entity.CODE, (key,), checked, expected=current)], how, detail))
    return replace(checked, code=key, version=checked.version + 1)


def delete_code(ws: Workspace, code: str, how: How = How.DIALOG, detail: str = "") -> None:
    """InputError if shifts use it (say how many)."""
    key = code.strip().upper()
    current = codes_by_key(ws).get(key)
    if current is None:
        raise NotFoundError(msg("no shift code {code}", code=key))
    ws.commit(ChangeSet([Change(Entity.CODE, (key,), None, expected=current)], how, detail))
