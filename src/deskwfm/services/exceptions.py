"""Exceptions of a period (``core.exceptions``), the ones that block approval, and adherence
(``core.adherence``) per agent and team — what the exceptions panel, ``deskwfm exceptions``, the
payroll screen and the payroll export show.

Critical exceptions block approving (and locking) a period only while the site pays actual time:
under the schedule basis the plan is what is paid, and a site that does not record actual time
would otherwise never be able to approve.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from deskwfm.core.adherence import Adherence, adherence_by_employee, total
from deskwfm.core.exceptions import TimeException, find_exceptions
from deskwfm.core.messages import Msg, msg_n
from deskwfm.core.model import Employee
from deskwfm.core.timekeeping import PayBasis
from deskwfm.services.actual import ActualContext, load_actual, now_minutes
from deskwfm.services.workspace import Workspace


@dataclass(frozen=True, slots=True)
class ExceptionList:
    start: date
    end: date
    exceptions: list[TimeException]
    employees: dict[str, Employee] = field(default_factory=dict)
    pay_basis: PayBasis = PayBasis.SCHEDULE

    @property
    def blocking(self) -> list[TimeException]:
        """The critical ones not resolved (they block approval under the actual basis)."""
        return [e for e in self.exceptions if e.blocks]


def _exceptions(ctx: ActualContext, now: int | None) -> list[TimeException]:
    shown = {e.code for e in ctx.employees}
    return find_exceptions(
        [s for s in ctx.shifts if s.employee_code in shown],
        [d for d in ctx.actual if d.employee_code in shown],
        ctx.codes,
        ctx.site.timekeeping,
        ctx.clock,
        ctx.start,
        ctx.end,
        now_minutes() if now is None else now,
    )


def exceptions_between(
    ws: Workspace,
    start: date,
    end: date,
    *,
    employee_codes: Sequence[str] | None = None,
    team: str | None = None,
    now: int | None = None,
) -> ExceptionList:
    """Every exception with a work date in start..end, by employee, date and kind."""
    ctx = load_actual(ws, start, end, employee_codes=employee_codes, team=team)
    return ExceptionList(
        start, end, _exceptions(ctx, now), {e.code: e for e in ctx.employees}, ctx.site.timekeeping.pay_basis
    )


def approval_blockers(
    ws: Workspace, start: date, end: date, codes: Sequence[str] | None = None, now: int | None = None
) -> list[TimeException]:
    """The exceptions that stop approving these employees' pay for start..end (none under the
    schedule basis)."""
    site = ws.store.get_site()
    if site is None or site.timekeeping.pay_basis is not PayBasis.ACTUAL:
        return []
    return exceptions_between(ws, start, end, employee_codes=codes, now=now).blocking


def blockers_message(blockers: Sequence[TimeException]) -> Msg:
    """One message naming who is blocked and the first thing blocking them."""
    who = sorted({e.employee_code for e in blockers})
    first = blockers[0]
    return msg_n(
        "{count} employee has unresolved critical exceptions ({who}), such as {code} {day:day}: {what}; "
        "record the time or an absence code first (deskwfm exceptions)",
        "{count} employees have unresolved critical exceptions ({who}), such as {code} {day:day}: {what}; "
        "record the time or an absence code first (deskwfm exceptions)",
        len(who),
        who=", ".join(who[:8]) + (" …" if len(who) > 8 else ""),
        code=first.employee_code,
        day=first.work_date,
        what=first.message(),
    )


# ---------------------------------------------------------------- adherence
@dataclass(frozen=True, slots=True)
class AdherenceReport:
    start: date
    end: date
    employees: dict[str, Adherence]
    teams: dict[str, Adherence]
    total: Adherence


def adherence_between(
    ws: Workspace,
    start: date,
    end: date,
    *,
    employee_codes: Sequence[str] | None = None,
    team: str | None = None,
    now: int | None = None,
) -> AdherenceReport:
    """Adherence per agent, per team and in all over start..end."""
    ctx = load_actual(ws, start, end, employee_codes=employee_codes, team=team)
    moment = now_minutes() if now is None else now
    return adherence_of(ctx, _exceptions(ctx, moment), moment)


def adherence_of(ctx: ActualContext, exceptions: Sequence[TimeException], now: int | None) -> AdherenceReport:
    """``adherence_between`` of a loaded context and its exceptions."""
    shown = {e.code for e in ctx.employees}
    per = adherence_by_employee(
        [s for s in ctx.shifts if s.employee_code in shown],
        [d for d in ctx.actual if d.employee_code in shown],
        ctx.codes,
        exceptions,
        ctx.clock,
        ctx.start,
        ctx.end,
        now,
    )
    teams: dict[str, Adherence] = {}
    for e in ctx.employees:
        if e.code in per:
            teams[e.team] = teams.get(e.team, Adherence()) + per[e.code]
    return AdherenceReport(ctx.start, ctx.end, per, teams, total(per.values()))
