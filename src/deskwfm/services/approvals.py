"""Approvals follow the pay they approved: a change that alters an approved employee's pay in a
period clears that approval, in the same transaction as the change (audited as "approval
cleared").

The store calls ``clear_changed_approvals`` inside each write transaction, after writing. It
looks only at approvals in unlocked periods that the change could reach — the employee's own
shifts, actual time and rates in or shortly before the period (a shift can move weekly overtime
in its week and holiday pay up to four weeks later; under the actual basis a day of actual time
also decides the pay of a holiday up to four weeks before it, ESA s.26(2)), or any employee after
a site-wide change of rules, shift codes or absence codes — and recomputes each one's pay on the
site's pay basis with the data as written: an approval is cleared only when the figures really
differ (a changed note, or a shift moved within the same hours on the same day, keeps it).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from deskwfm.core.actual import ActualDay
from deskwfm.core.approvals import Approval
from deskwfm.core.changes import AppliedSet, Change, Entity
from deskwfm.core.locks import DateRange, actual_days, rate_window, shift_days
from deskwfm.core.model import PayRate, Shift
from deskwfm.core.pay_basis import eligibility_window, employee_pay
from deskwfm.core.pay_snapshot import figures_json
from deskwfm.core.payroll import payroll_load_window
from deskwfm.core.timekeeping import PayBasis
from deskwfm.store.write import TxReader

# A change on one day can alter pay this long after it (the four work weeks before a holiday's
# week set holiday pay, plus the week itself).
_REACH = timedelta(days=35)
_WEEK = timedelta(days=6)
_ELIGIBILITY = timedelta(days=28)  # a day of actual time decides holiday pay this long before it


def _now() -> int:
    from deskwfm.services.actual import now_minutes

    return now_minutes()


def _touched(applied: AppliedSet) -> dict[str, list[DateRange]]:
    out: dict[str, list[DateRange]] = {}
    for a in applied.applied:
        if a.entity is Entity.SHIFT:
            code = str(a.key[0])
            for v in (a.before, a.after):
                out.setdefault(code, []).extend(shift_days(v if isinstance(v, Shift) else None))
        elif a.entity is Entity.ACTUAL:
            code = str(a.key[0])
            for v in (a.before, a.after):
                for lo, hi in actual_days(v if isinstance(v, ActualDay) else None):
                    out.setdefault(code, []).append((lo - _ELIGIBILITY, hi))
        elif a.entity is Entity.RATE:
            code, eff = str(a.key[0]), a.key[1]
            assert isinstance(eff, date)
            out.setdefault(code, []).append(rate_window(eff, []))
    return out


def _reaches(ranges: Sequence[DateRange], ap: Approval) -> bool:
    """Whether a change on days lo..hi can alter pay in the approval's period: pay on those
    days, later in their week (weekly overtime), the whole week (a FLSA regular rate), or up
    to five weeks later (holiday pay)."""
    return any(lo - _WEEK <= ap.period_end and hi + _REACH >= ap.period_start for lo, hi in ranges)


def clear_changed_approvals(reader: TxReader, applied: AppliedSet) -> Sequence[Change]:
    """The approvals to clear because ``applied`` changed the approved pay."""
    approvals = reader.open_approvals()
    if not approvals:
        return []
    site_wide = any(a.entity in (Entity.SITE, Entity.CODE, Entity.ABSENCE_CODE) for a in applied.applied)
    touched = _touched(applied)
    candidates = [
        ap
        for ap in approvals
        if site_wide or (ap.employee_code in touched and _reaches(touched[ap.employee_code], ap))
    ]
    if not candidates:
        return []
    site = reader.site()
    if site is None:
        return []
    from deskwfm.services.holiday_cache import holidays_between

    codes = sorted({ap.employee_code for ap in candidates})
    employees = {e.code: e for e in reader.employees(codes)}
    rates: dict[str, list[PayRate]] = reader.rates(codes)
    on_actual = site.timekeeping.pay_basis is PayBasis.ACTUAL
    absence = {c.code.upper(): c for c in reader.absence_codes()} if on_actual else {}
    out: list[Change] = []
    for ap in candidates:
        emp = employees.get(ap.employee_code)
        if emp is None:
            continue
        lo, hi = payroll_load_window(site, ap.period_start, ap.period_end)
        if on_actual:
            lo, hi = eligibility_window(lo, hi)
        shifts = reader.shifts(lo, hi, [emp.code])
        actual = reader.actual(lo, hi, [emp.code]) if on_actual else []
        holidays = holidays_between(site.holiday_region, lo, hi)
        pay, _ = employee_pay(
            site, emp, rates.get(emp.code, []), shifts, actual, absence, ap.period_start, ap.period_end,
            holidays, _now(),
        )
        if figures_json(pay) != ap.figures:
            out.append(Change(Entity.APPROVAL, (ap.period_start, ap.employee_code), None, expected=ap))
    return out
