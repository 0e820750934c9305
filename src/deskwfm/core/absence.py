"""Absence and exception codes a site records against actual time (``SICK``, ``NS``, ``LATE``...).

Each code says, as data the site edits:
- whether it is **paid** and how much: nothing, the rest of the scheduled shift's paid time (all
  of it when nothing was worked that day; what was worked is paid as work), or a fixed number of
  minutes;
- whether it is a **reasonable cause** (a late arrival or absence the law excuses: it resolves the
  day's late/early exceptions and keeps public holiday pay under ESA s.26(2));
- whether it **counts as worked** (training off the phones): its paid time is paid as hours worked
  (towards overtime) rather than as leave, counts toward adherence, and the day counts as worked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import StrEnum

from deskwfm.core.errors import InputError
from deskwfm.core.messages import Msg, msg

_CODE = re.compile(r"^[A-Z][A-Z0-9_]{0,11}$")
MAX_PAID_MINUTES = 16 * 60


class AbsencePay(StrEnum):
    UNPAID = "unpaid"
    SCHEDULED = "scheduled"  # the scheduled shift's paid minutes not worked
    FIXED = "fixed"  # ``paid_minutes``


@dataclass(frozen=True, slots=True)
class AbsenceCode:
    code: str
    label: str = ""
    pay: AbsencePay = AbsencePay.UNPAID
    paid_minutes: int = 0  # FIXED only
    reasonable_cause: bool = False
    counts_as_worked: bool = False
    version: int = 0

    @property
    def paid(self) -> bool:
        return self.pay is not AbsencePay.UNPAID


# The codes a new centre starts with; their labels are site data, written in the language of
# whoever creates the centre (``default_absence_codes``) and edited like any other.
_DEFAULTS: tuple[tuple[AbsenceCode, Msg], ...] = (
    (AbsenceCode("SICK", "", AbsencePay.UNPAID, 0, True, False), msg("Sick (unpaid)")),
    (AbsenceCode("SICKP", "", AbsencePay.SCHEDULED, 0, True, False), msg("Sick (paid)")),
    (AbsenceCode("NS", "", AbsencePay.UNPAID, 0, False, False), msg("No-show (no reasonable cause)")),
    (AbsenceCode("LATE", "", AbsencePay.UNPAID, 0, True, False), msg("Late or left early with reason")),
    (AbsenceCode("BRV", "", AbsencePay.SCHEDULED, 0, True, False), msg("Bereavement")),
    (AbsenceCode("PERS", "", AbsencePay.UNPAID, 0, True, False), msg("Personal emergency (unpaid)")),
    (AbsenceCode("TRN", "", AbsencePay.SCHEDULED, 0, True, True), msg("Training off the phones")),
)


def default_absence_codes(lang: str = "en") -> tuple[AbsenceCode, ...]:
    """The default codes with their labels in ``lang``."""
    from deskwfm.core.i18n import render

    return tuple(replace(code, label=render(label, lang)) for code, label in _DEFAULTS)


DEFAULT_ABSENCE_CODES: tuple[AbsenceCode, ...] = default_absence_codes()

PAY_LABELS: dict[AbsencePay, Msg] = {
    AbsencePay.UNPAID: msg("unpaid"),
    AbsencePay.SCHEDULED: msg("the scheduled time"),
    AbsencePay.FIXED: msg("fixed hours"),
}


def validate_absence_code(code: AbsenceCode) -> AbsenceCode:
    """The code upper-cased and checked; InputError naming what is wrong."""
    key = code.code.strip().upper()
    if not _CODE.match(key) or key in {"AM", "PM", "A", "P"}:
        raise InputError(
            msg(
                'absence code "{code}" must start with a letter and hold only letters, digits and _ '
                "(at most 12), so it cannot be read as a time",
                code=code.code,
            )
        )
    label = " ".join(code.label.split())
    if len(label) > 100:
        raise InputError(msg("the label of absence code {code} is longer than 100 characters", code=key))
    if code.pay is AbsencePay.FIXED:
        if not 0 < code.paid_minutes <= MAX_PAID_MINUTES:
            raise InputError(
                msg("absence code {code} pays a fixed time: give 0.01 to {limit:hours} hours",
                    code=key, limit=MAX_PAID_MINUTES)
            )
        paid_minutes = code.paid_minutes
    else:
        paid_minutes = 0
    if code.counts_as_worked and code.pay is AbsencePay.UNPAID:
        raise InputError(
            msg("absence code {code} counts as worked, so it must be paid (scheduled or fixed time)",
                code=key)
        )
    return AbsenceCode(
        key, label, code.pay, paid_minutes, code.reasonable_cause, code.counts_as_worked, code.version
    )
