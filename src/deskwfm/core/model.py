"""Domain objects. Plain frozen dataclasses: money is Decimal, durations integer minutes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal
from enum import StrEnum

from deskwfm.core.availability import ALWAYS, Availability
from deskwfm.core.messages import Msg, msg


class ShiftKind(StrEnum):
    WORK = "work"
    PAID_LEAVE = "paid_leave"
    UNPAID_LEAVE = "unpaid_leave"
    OFF = "off"


# What each kind is called where people read it (the values above are stored, never shown).
KIND_LABELS: dict[ShiftKind, Msg] = {
    ShiftKind.WORK: msg("work"),
    ShiftKind.PAID_LEAVE: msg("paid leave"),
    ShiftKind.UNPAID_LEAVE: msg("unpaid leave"),
    ShiftKind.OFF: msg("off"),
}


class PayPeriodKind(StrEnum):
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    SEMIMONTHLY = "semimonthly"
    MONTHLY = "monthly"


PAY_PERIOD_LABELS: dict[PayPeriodKind, Msg] = {
    PayPeriodKind.WEEKLY: msg("weekly"),
    PayPeriodKind.BIWEEKLY: msg("biweekly"),
    PayPeriodKind.SEMIMONTHLY: msg("semimonthly"),
    PayPeriodKind.MONTHLY: msg("monthly"),
}


@dataclass(frozen=True, slots=True)
class Employee:
    code: str
    name: str
    team: str = ""
    active: bool = True
    contract_minutes: int | None = None  # contracted minutes per work week
    max_minutes: int | None = None  # maximum minutes per work week (warning threshold)
    version: int = 0
    login_id: str = ""  # the phone system's / time clock's ID for this person ("": none)
    # When the employee can be scheduled (weekday windows and dates off); used by the
    # automatic scheduler and the rule warnings.
    availability: Availability = field(default=ALWAYS)


@dataclass(frozen=True, slots=True)
class PayRate:
    """An hourly rate in force for ``employee_code`` from ``effective_from`` (inclusive) on."""

    employee_code: str
    effective_from: date
    hourly: Decimal


@dataclass(frozen=True, slots=True)
class ShiftCode:
    """A site shift code such as ``D`` (day), ``N`` (night), ``VAC``.

    Work and paid-leave codes carry times; the paid minutes of a paid-leave code are
    what it pays as leave. ``OFF``-kind codes clear a day.
    """

    code: str
    kind: ShiftKind
    start: time | None = None
    end: time | None = None
    break_minutes: int = 0
    colour: str = "#d9d9d9"
    label: str = ""
    version: int = 0
    # Paid breaks (e.g. 2 x 15 min): paid time, but off the phones (not coverage).
    paid_breaks: int = 0
    paid_break_minutes: int = 0


@dataclass(frozen=True, slots=True)
class Shift:
    """One shift on a work date; ``end <= start`` means it ends the next day.

    ``code`` is "" for a plain time entry; ``kind`` is the code's kind (WORK for plain times).
    Leave without times (``start is None``) pays nothing and counts nothing.
    ``break_start`` staggers the break (``9-17/30@12:30``); it lies inside the shift, on the
    work date or, for a shift past midnight, on the next day when it is before the start.
    Paid breaks are placed the same way (``+15@10:15``).
    """

    employee_code: str
    work_date: date
    start: time | None
    end: time | None
    break_minutes: int = 0
    code: str = ""
    kind: ShiftKind = ShiftKind.WORK
    note: str = ""
    version: int = 0
    # Wall-clock start of the unpaid break; None places the break centred on the shift.
    break_start: time | None = None
    # Paid breaks (count and length each): paid, but not on the phones. ``paid_break_starts``
    # holds one wall-clock start per paid break, or is empty for the default places
    # (``core.breaks``).
    paid_breaks: int = 0
    paid_break_minutes: int = 0
    paid_break_starts: tuple[time, ...] = ()

    @property
    def has_times(self) -> bool:
        return self.start is not None and self.end is not None

    @property
    def is_paid(self) -> bool:
        """Whether payroll pays it: work or paid leave, with times (the one rule for this)."""
        return self.start is not None and self.end is not None and self.kind in _PAID_KINDS


_PAID_KINDS = frozenset({ShiftKind.WORK, ShiftKind.PAID_LEAVE})
