"""Rules an employee record must follow (shared by the dialog, the CLI and Excel import)."""

from __future__ import annotations

import re

from deskwfm.core.errors import InputError

# Codes end up in file names (timesheets --split), cell references and payroll systems:
# letters, digits and . _ - only, starting with a letter or digit.
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")


def validate_employee_code(code: str) -> str:
    """The code, stripped; InputError saying what a code may hold."""
    c = code.strip()
    if not c:
        raise InputError("an employee needs a code (like AG014)")
    if not _CODE.match(c):
        raise InputError(
            f'employee code "{code}" may hold only letters, digits, ".", "_" and "-" (at most 40, '
            "starting with a letter or digit), like AG014"
        )
    return c
