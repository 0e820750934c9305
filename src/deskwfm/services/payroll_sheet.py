"""What the payroll clerk's screen shows for one pay period: every employee's pay (the stored
figures of a locked period, else computed now), their approval, and what needs attention."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from deskwfm.core.approvals import Approval, PeriodState
from deskwfm.core.messages import Msg, msg
from deskwfm.core.pay_snapshot import figures_json
from deskwfm.core.payroll import EmployeePay, MinuteTotals
from deskwfm.core.periods import period_containing
from deskwfm.services.periods import PeriodInfo, check_period_start, stored_payroll
from deskwfm.services.site import get_site
from deskwfm.services.workspace import Workspace


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One employee's line: their pay, its approval (None: not approved) and warnings."""

    pay: EmployeePay
    approval: Approval | None
    warnings: tuple[Msg, ...] = ()

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
        base = msg("{done} of {total} employees with pay approved", done=self.approved, total=self.to_approve)
        if s.lock_no:
            return msg("Reopened ({reason}): {base}", reason=s.reason, base=base)
        return msg("Open: {base}", base=base)


def default_period(ws: Workspace, shown: date) -> date:
    """The start of the pay period a clerk most likely works on from a view starting ``shown``."""
    return period_containing(shown, get_site(ws))[0]


def load_sheet(ws: Workspace, start: date) -> PayrollSheet:
    """The payroll screen's content for the period starting ``start``."""
    from deskwfm.services.payroll import compute_payroll_now

    first, last = check_period_start(ws, start)
    state = next((p for p in ws.store.periods() if p.start == first), PeriodState(first, last))
    approvals = {a.employee_code: a for a in ws.store.approvals([first])}
    if state.locked:
        pays = stored_payroll(ws, state).employees
    else:
        pays = compute_payroll_now(ws, first, last, allow_missing_rates=True).employees
    rows = []
    for ep in pays:
        ap = approvals.get(ep.employee.code)
        warnings: list[Msg] = []
        if ep.missing_rate is not None:
            warnings.append(msg("no pay rate from {day:date}", day=ep.missing_rate))
        if ap is not None and not state.locked and figures_json(ep) != ap.figures:
            warnings.append(msg("pay changed since it was approved"))
        rows.append(SheetRow(ep, ap, tuple(warnings)))
    return PayrollSheet(first, last, state, tuple(rows), state.locked, get_site(ws).currency)


def period_choices(ws: Workspace, around: date) -> list[PeriodInfo]:
    """Pay periods to offer (recent ones and the next), newest first."""
    from deskwfm.services.periods import list_periods

    return list_periods(ws, around, before=12, after=1)
