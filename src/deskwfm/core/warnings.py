"""Rule warnings (never errors): overlap, short rest, over daily/weekly maximum, over contract."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from deskwfm.core.model import Employee, Shift
from deskwfm.core.site import SiteSettings


@dataclass(frozen=True, slots=True)
class RuleWarning:
    employee_code: str
    work_date: date  # the shift (grid cell) the warning is shown on
    rule: str  # "overlap" | "rest" | "daily_max" | "weekly_max" | "contract"
    message: str  # e.g. "only 6.50 h rest after the shift of Mon 2026-11-23 (minimum 8.00 h)"


def check_employee(
    site: SiteSettings, employee: Employee, shifts: Sequence[Shift], start: date, end: date
) -> list[RuleWarning]:
    """Warnings for one employee's shifts with work dates in start..end (shifts may extend
    beyond, so rest and weekly checks see neighbours)."""
    raise NotImplementedError
