"""What the payroll clerk's screen shows for one pay period: every employee's pay (the stored
figures of a locked period, else computed now), their approval, and what needs attention.

When the site pays actual time, each row also carries the employee's scheduled and worked time,
adherence and late arrivals (``services.attendance``), and the exceptions not resolved are
warnings: a critical one (no-show, missing logout) means approving that employee is refused."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from deskwfm.core.adherence import Adherence
from deskwfm.core.approvals import Approval, PeriodState
from deskwfm.core.messages import Msg, msg, msg_n
from deskwfm.core.pay_snapshot import figures_json
from deskwfm.core.payroll import EmployeePay, MinuteTotals
from deskwfm.core.periods import period_containing
from deskwfm.core.timekeeping import PayBasis
from deskwfm.services.attendance import AttendanceRow
from deskwfm.services.periods import PeriodInfo, check_period_start, stored_payroll
from deskwfm.services.site import get_site
from deskwfm.services.workspace import Workspace


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One employee's line: their pay, its approval (None: not approved) and warnings."""

    pay: EmployeePay
    approval: Approval | None
    warnings: tuple[Msg, ...] = ()
    attendance: AttendanceRow | None = None  # scheduled against actual (the actual pay basis)

    @property
    def blocked(self) -> bool:
        """An unresolved critical exception stops approving this employee."""
        return self.attendance is not None and self.attendance.blocking > 0

    @property
    def code(self) -> str:
        return self.pay.employee.code

    @property
    def paid(self) -> bool:
        """Hours or pay in the period (only such employees need an approval to lock)."""
        m = self.pay.minutes
        return bool(m.paid or m.leave or self.pay.gross)


@dataclass(frozen=True, slots=True)
class PayrollSheet:
    start: date
    end: date
    state: PeriodState
    rows: tuple[SheetRow, ...]
    stored: bool  # the figures a lock stored, not computed now
    currency: str = "$"
    pay_basis: PayBasis = PayBasis.SCHEDULE

    @property
    def on_actual(self) -> bool:
        return self.pay_basis is PayBasis.ACTUAL

    def attendance_totals(self, rows: tuple[SheetRow, ...] | None = None) -> tuple[int, int, Adherence]:
        """Scheduled and worked minutes and adherence summed over ``rows`` (default: all)."""
        chosen = [r.attendance for r in (self.rows if rows is None else rows) if r.attendance is not None]
        return (
            sum(a.scheduled_minutes for a in chosen),
            sum(a.worked_minutes for a in chosen),
            sum((a.adherence for a in chosen), Adherence()),
        )

    @property
    def approved(self) -> int:
        return sum(1 for r in self.rows if r.approval is not None and r.paid)

    @property
    def to_approve(self) -> int:
        return sum(1 for r in self.rows if r.paid)

    def totals(self, rows: tuple[SheetRow, ...] | None = None) -> tuple[MinuteTotals, Decimal, Decimal]:
        """Minutes, holiday pay and gross summed over ``rows`` (default: all)."""
        chosen = self.rows if rows is None else rows
        minutes = sum((r.pay.minutes for r in chosen), MinuteTotals())
        hol = sum((r.pay.holiday_pay for r in chosen), Decimal("0.00"))
        gross = sum((r.pay.gross for r in chosen), Decimal("0.00"))
        return minutes, hol, gross

    def status(self) -> Msg:
        """ "Locked by ana@DESK2 on 2026-11-23 (lock 2)", "Open: 57 of 60 approved", ..."""
        s = self.state
        if s.locked:
            when = s.locked_at.date() if s.locked_at else s.start
            return msg(
                "Locked by {who} on {when:date} (lock {n}); the figures are those stored at the lock",
                who=s.locked_by,
                when=when,
                n=s.lock_no,
            )
        base = msg_n("{done} of {count} employee with pay approved",
                     "{done} of {count} employees with pay approved", self.to_approve, done=self.approved)
        if s.lock_no:
            return msg("Reopened ({reason}): {base}", reason=s.reason, base=base)
        return msg("Open: {base}", base=base)


def default_period(ws: Workspace, shown: date) -> date:
    """The start of the pay period a clerk most likely works on from a view starting ``shown``."""
    return period_containing(shown, get_site(ws))[0]


def load_sheet(ws: Workspace, start: date) -> PayrollSheet:
    """The payroll screen's content for the period starting ``start``."""

    from deskwfm.services.attendance import attendance
    from deskwfm.services.payroll import payroll_with_losses

    first, last = check_period_start(ws, start)
    site = get_site(ws)
    on_actual = site.timekeeping.pay_basis is PayBasis.ACTUAL
    state = next((p for p in ws.store.periods() if p.start == first), PeriodState(first, last))
    approvals = {a.employee_code: a for a in ws.store.approvals([first])}
    losses = None
    if state.locked:
        pays = stored_payroll(ws, state).employees
    else:
        result, losses = payroll_with_losses(ws, first, last, allow_missing_rates=True)
        pays = result.employees
    present = {a.employee.code: a for a in attendance(ws, first, last, losses=losses)} if on_actual else {}
    rows = []
    for ep in pays:
        ap = approvals.get(ep.employee.code)
        warnings: list[Msg] = []
        if ep.missing_rate is not None:
            warnings.append(msg("no pay rate from {day:date}", day=ep.missing_rate))
        if ap is not None and not state.locked and figures_json(ep) != ap.figures:
            warnings.append(msg("pay changed since it was approved"))
        att = present.get(ep.employee.code)
        if att is not None:
            warnings.extend(_attendance_warnings(att))
        rows.append(SheetRow(ep, ap, tuple(warnings), att))
    basis = site.timekeeping.pay_basis
    return PayrollSheet(first, last, state, tuple(rows), state.locked, site.currency, basis)


def _attendance_warnings(a: AttendanceRow) -> list[Msg]:
    out: list[Msg] = []
    if a.blocking:
        out.append(msg_n(
            "{count} unresolved critical exception (no-show or missing logout): approval is refused",
            "{count} unresolved critical exceptions (no-show or missing logout): approval is refused",
            a.blocking,
        ))
    if a.open_exceptions > a.blocking:
        n = a.open_exceptions - a.blocking
        out.append(msg_n("{count} open exception", "{count} open exceptions", n))
    for h in a.holiday_losses:
        out.append(msg("no holiday pay for {day:date}: {why}", day=h.holiday, why=h.reason))
    return out


def period_choices(ws: Workspace, around: date) -> list[PeriodInfo]:
    """Pay periods to offer (recent ones and the next), newest first."""
    from deskwfm.services.periods import list_periods

    return list_periods(ws, around, before=12, after=1)
