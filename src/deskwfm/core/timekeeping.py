"""How a site keeps actual time: the pay basis, rounding of in/out times, the gap that joins two
phone-system sessions into one, and the grace periods the exceptions are measured with.

**Pay basis.** ``SCHEDULE`` pays the schedule (the program's behaviour before actual time was
recorded: the plan is taken as worked). ``ACTUAL`` pays what was recorded — worked segments and
paid absence codes — and a scheduled shift with nothing recorded is a no-show, paid nothing.

**Rounding** (``rounding_minutes``: 0 for none, or 5, 6, 10, 15) moves each recorded in and out
time to the nearest multiple of the increment (the "7-minute rule" for quarter hours: 8:07 ->
8:00, 8:08 -> 8:15). A time exactly half-way (3 minutes past a tenth of an hour, 5 past a
ten-minute mark) goes to the even multiple, so ties go down and up in turn. Over the minutes of
two increments rounding therefore adds exactly as many minutes as it takes away, and in and out
times are rounded alike: it "averages out", as 29 CFR 785.48(b) requires of a rounding practice,
instead of always favouring one side. It is applied to payroll only; the recorded times are kept.

**Grace periods** are tolerances before a deviation from the schedule is an exception (a login
four minutes late with a five-minute grace is on time).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from deskwfm.core.errors import InputError
from deskwfm.core.messages import msg

ROUNDING_CHOICES: tuple[int, ...] = (0, 5, 6, 10, 15)
MAX_GRACE_MINUTES = 240


class PayBasis(StrEnum):
    SCHEDULE = "schedule"
    ACTUAL = "actual"


@dataclass(frozen=True, slots=True)
class Timekeeping:
    pay_basis: PayBasis = PayBasis.SCHEDULE
    rounding_minutes: int = 0  # 0: none; else one of ROUNDING_CHOICES
    merge_gap_minutes: int = 2  # imported sessions this close (or closer) are one session
    late_grace_minutes: int = 5
    early_grace_minutes: int = 5
    break_grace_minutes: int = 5  # unpaid time beyond the scheduled break before it is a long break
    overtime_grace_minutes: int = 15  # worked beyond the scheduled minutes before it is unscheduled OT

    def with_changes(self, **changes: object) -> Timekeeping:
        return replace(self, **changes)  # type: ignore[arg-type]

    def check(self) -> Timekeeping:
        """InputError naming the first setting out of range."""
        if self.rounding_minutes not in ROUNDING_CHOICES:
            raise InputError(
                msg(
                    "rounding of in and out times must be none or to the nearest 5, 6, 10 or 15 "
                    "minutes, not {minutes}",
                    minutes=self.rounding_minutes,
                )
            )
        if not 0 <= self.merge_gap_minutes <= 60:
            raise InputError(
                msg("the gap that joins two sessions must be 0 to 60 minutes, not {minutes}",
                    minutes=self.merge_gap_minutes)
            )
        for value in (
            self.late_grace_minutes, self.early_grace_minutes, self.break_grace_minutes,
            self.overtime_grace_minutes,
        ):
            if not 0 <= value <= MAX_GRACE_MINUTES:
                raise InputError(
                    msg("a grace period must be 0 to {limit} minutes, not {minutes}",
                        limit=MAX_GRACE_MINUTES, minutes=value)
                )
        return self


def round_minute(minute: int, increment: int) -> int:
    """``minute`` (any integer, e.g. minutes from a work date's midnight) to the nearest multiple
    of ``increment`` (0: unchanged); exactly half-way goes to the even multiple."""
    if increment <= 1:
        return minute
    low = minute - minute % increment
    twice = (minute - low) * 2
    if twice > increment or (twice == increment and (low // increment) % 2):
        return low + increment
    return low
