"""Shift-code use cases."""

from __future__ import annotations

from deskwfm.core.model import ShiftCode
from deskwfm.services.workspace import Workspace


def list_codes(ws: Workspace) -> list[ShiftCode]:
    raise NotImplementedError


def save_code(ws: Workspace, code: ShiftCode) -> ShiftCode:
    """Insert, or update by code (version-checked). InputError for a code that could be read
    as a time entry, bad times, or a break not shorter than the shift."""
    raise NotImplementedError


def delete_code(ws: Workspace, code: str) -> None:
    """InputError if shifts use it (say how many)."""
    raise NotImplementedError
