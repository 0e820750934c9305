"""Rules a site shift code must follow (shared by the dialog, the CLI and Excel import)."""

from __future__ import annotations

import re

from deskwfm.core.entry import span_minutes
from deskwfm.core.errors import InputError
from deskwfm.core.model import ShiftCode, ShiftKind

_CODE = re.compile(r"^[A-Z][A-Z0-9_]{0,11}$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def validate_code(code: ShiftCode) -> ShiftCode:
    """The code, upper-cased and checked; InputError naming the code and what is wrong."""
    key = code.code.strip().upper()
    if not _CODE.match(key) or key in {"AM", "PM", "A", "P"}:
        raise InputError(
            f'shift code "{code.code}" must start with a letter and hold only letters, digits and _ '
            "(at most 12), so it cannot be read as a time like 9-17"
        )
    if not _COLOUR.match(code.colour):
        raise InputError(f'colour "{code.colour}" of {key} is not like #a1b2c3')
    if (code.start is None) != (code.end is None):
        raise InputError(f"shift code {key} needs both a start and an end time, or neither")
    if code.kind is ShiftKind.WORK and code.start is None:
        raise InputError(f"work code {key} needs start and end times")
    if code.kind is ShiftKind.PAID_LEAVE and code.start is None:
        raise InputError(
            f"paid-leave code {key} needs start and end times: they set how many hours a day of it pays"
        )
    if code.break_minutes < 0:
        raise InputError(f"the break of {key} cannot be negative")
    if code.start is not None and code.end is not None:
        if code.start == code.end:
            raise InputError(f"shift code {key} has zero length")
        span = span_minutes(code.start, code.end)
        if code.break_minutes >= span:
            raise InputError(
                f"the {code.break_minutes}-minute break of {key} is not shorter than its {span}-minute shift"
            )
    elif code.break_minutes:
        raise InputError(f"shift code {key} has a break but no times")
    return ShiftCode(
        key, code.kind, code.start, code.end, code.break_minutes, code.colour.lower(), code.label,
        code.version,
    )
