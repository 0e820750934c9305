"""Pay periods a clerk signs off: list them with their status, approve employees, lock a period
(storing its payroll), unlock it with a reason, and report what recomputing would change.

Status: a period is **open** until locked; employees in it are **approved** one by one (an
approval records the pay it approved and is cleared when a later change alters that pay,
``services.approvals``); **locked** stores every employee's payroll as it stands, and while
locked the store refuses any change that would alter it (``core.locks``); **unlocking** (with a
reason) reopens it and keeps the lock's stored figures for the differences report.

While the site pays actual time, an employee with an unresolved critical exception in the period
(a no-show, a missing logout: ``services.exceptions``) cannot be approved, and the period cannot
be locked, until the day is corrected or coded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from decimal import Decimal

from deskwfm.core.approvals import Approval, PeriodState, PeriodStatus
from deskwfm.core.changes import ANY, Change, ChangeSet, Entity, How
from deskwfm.core.errors import InputError
from deskwfm.core.messages import Msg, msg, msg_n
from deskwfm.core.pay_snapshot import figures_json, from_snapshot, snapshot_json
from deskwfm.core.payroll import EmployeePay, PayrollResult
from deskwfm.core.periods import next_period, period_containing, previous_period
from deskwfm.services.site import get_site
from deskwfm.services.workspace import Workspace


@dataclass(frozen=True, slots=True)
class PeriodInfo:
    """A pay period as the payroll screen and ``period list`` show it."""

    start: date
    end: date
    state: PeriodState
    approvals: dict[str, Approval] = field(default_factory=dict)

    @property
    def locked(self) -> bool:
        return self.state.locked


def check_period_start(ws: Workspace, start: date) -> tuple[date, date]:
    """The period that starts on ``start``; InputError naming the real start otherwise."""
    site = get_site(ws)
    first, last = period_containing(start, site)
    if first != start:
        raise InputError(
            msg(
                "{day:date} is not the first day of a pay period; the period containing it runs "
                "{first:date} to {last:date}",
                day=start,
                first=first,
                last=last,
            )
        )
    return first, last


def _state(ws: Workspace, start: date, end: date) -> PeriodState:
    return next((p for p in ws.store.periods() if p.start == start), PeriodState(start, end))


def list_periods(ws: Workspace, around: date, *, before: int = 6, after: int = 1) -> list[PeriodInfo]:
    """Periods around a date (``before`` earlier ones, ``after`` later ones), newest first, with
    their lock state and approvals; every locked or reopened period is listed too."""
    site = get_site(ws)
    s, e = period_containing(around, site)
    spans = [(s, e)]
    for _ in range(before):
        spans.append(previous_period(spans[-1][0], site))
    nxt = (s, e)
    for _ in range(after):
        nxt = next_period(nxt[0], site)
        spans.insert(0, nxt)
    stored = {p.start: p for p in ws.store.periods()}
    for p in stored.values():
        if all(p.start != a for a, _ in spans):
            spans.append((p.start, p.end))
    approvals: dict[date, dict[str, Approval]] = {}
    for a in ws.store.approvals([a for a, _ in spans]):
        approvals.setdefault(a.period_start, {})[a.employee_code] = a
    out = [PeriodInfo(a, b, stored.get(a, PeriodState(a, b)), approvals.get(a, {})) for a, b in spans]
    return sorted(out, key=lambda p: p.start, reverse=True)


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def period_pay(ws: Workspace, start: date, end: date, codes: Sequence[str] | None = None) -> PayrollResult:
    """The payroll of a period computed from the data now (never the stored figures)."""
    from deskwfm.services.payroll import compute_payroll_now

    return compute_payroll_now(ws, start, end, employee_codes=codes)


def approve(
    ws: Workspace, start: date, codes: Sequence[str] | None = None, how: How = How.APPROVE, detail: str = ""
) -> list[Approval]:
    """Approve the pay of the given employees (all in the period's payroll when None), as it
    stands now. Refused for a locked period, while any of them has no pay rate, or (actual basis)
    while any of them has an unresolved critical exception in the period."""
    first, last = check_period_start(ws, start)
    state = _state(ws, first, last)
    if state.locked:
        raise InputError(_locked_msg(state))
    result = period_pay(ws, first, last, codes)
    _refuse_blocked(ws, first, last, [ep.employee.code for ep in result.employees])
    actor = ws.actor.label
    at = _now()
    approvals = [
        Approval(first, last, ep.employee.code, actor, at, figures_json(ep)) for ep in result.employees
    ]
    if not approvals:
        raise InputError(
            msg("nobody is paid in the pay period {start:date} to {end:date}", start=first, end=last)
        )
    ws.commit(
        ChangeSet(
            [Change(Entity.APPROVAL, (first, a.employee_code), a, expected=ANY) for a in approvals],
            how,
            detail,
        )
    )
    return approvals


def _refuse_blocked(ws: Workspace, first: date, last: date, codes: Sequence[str]) -> None:
    from deskwfm.services.exceptions import approval_blockers, blockers_message

    if not codes:
        return
    blockers = approval_blockers(ws, first, last, codes)
    if blockers:
        raise InputError(blockers_message(blockers))


def _locked_msg(state: PeriodState) -> Msg:
    when = state.locked_at.date() if state.locked_at else state.start
    return msg(
        "the pay period {start:date} to {end:date} is locked (by {who} on {when:date})",
        start=state.start,
        end=state.end,
        who=state.locked_by,
        when=when,
    )


def lock(ws: Workspace, start: date, how: How = How.LOCK, detail: str = "") -> PeriodState:
    """Lock a period whose every paid employee is approved: its payroll is stored as it stands
    and changes that would alter it are refused until it is unlocked."""
    first, last = check_period_start(ws, start)
    state = _state(ws, first, last)
    if state.locked:
        raise InputError(_locked_msg(state))
    result = period_pay(ws, first, last)
    _refuse_blocked(ws, first, last, [ep.employee.code for ep in result.employees])
    approved = {a.employee_code: a for a in ws.store.approvals([first])}
    # Everyone in the payroll is stored; only those with hours or pay need an approval.
    missing = [ep.employee.code for ep in result.employees if ep.employee.code not in approved and _paid(ep)]
    if missing:
        shown = ", ".join(missing[:8]) + (" …" if len(missing) > 8 else "")
        raise InputError(
            msg_n(
                "{count} employee is not approved yet ({who}); approve before locking",
                "{count} employees are not approved yet ({who}); approve them before locking",
                len(missing),
                who=shown,
            )
        )
    changed = [
        ep.employee.code
        for ep in result.employees
        if ep.employee.code in approved and figures_json(ep) != approved[ep.employee.code].figures
    ]
    if changed:  # an approval the follow-up did not clear (e.g. the program's rules changed)
        raise InputError(
            msg(
                "the pay of {who} changed since it was approved; approve again before locking",
                who=", ".join(changed[:8]),
            )
        )
    head = ws.store.audit_head()[1]
    new = PeriodState(
        first,
        last,
        PeriodStatus.LOCKED,
        state.lock_no + 1,
        ws.actor.label,
        _now(),
        "",
        head,
        {ep.employee.code: snapshot_json(ep) for ep in result.employees},
    )
    ws.commit(ChangeSet([Change(Entity.PERIOD, (first,), new, expected=_expected(state))], how, detail))
    return replace(new, snapshot=None)


def _paid(ep: EmployeePay) -> bool:
    return bool(ep.minutes.paid or ep.minutes.leave or ep.gross)


def _expected(state: PeriodState) -> PeriodState | None:
    return state if state.version else None


def unlock(ws: Workspace, start: date, reason: str, how: How = How.UNLOCK, detail: str = "") -> PeriodState:
    """Reopen a locked period; the reason is required and recorded (audit, period list)."""
    first, last = check_period_start(ws, start)
    why = " ".join(reason.split())
    if not why:
        raise InputError(msg("say why the pay period is unlocked (--reason TEXT)"))
    if len(why) > 500 or any(ord(ch) < 32 or 127 <= ord(ch) < 160 for ch in why):
        raise InputError(msg("the reason for unlocking must be plain text of at most 500 characters"))
    state = _state(ws, first, last)
    if not state.locked:
        raise InputError(
            msg("the pay period {start:date} to {end:date} is not locked", start=first, end=last)
        )
    new = replace(state, status=PeriodStatus.OPEN, reason=why, snapshot=None)
    ws.commit(ChangeSet([Change(Entity.PERIOD, (first,), new, expected=state)], how, detail, why))
    return new


# ---------------------------------------------------------------- stored figures
def stored_payroll(ws: Workspace, state: PeriodState) -> PayrollResult:
    """The payroll a lock stored (the latest lock of ``state``)."""
    data = ws.store.snapshots(state.start, state.lock_no)
    pays = sorted((from_snapshot(t) for t in data.values()), key=lambda p: (p.employee.team, p.employee.code))
    return PayrollResult(state.start, state.end, tuple(pays))


def locked_state(ws: Workspace, start: date, end: date) -> PeriodState | None:
    """The lock state of the period exactly start..end when it is locked, else None."""
    return next((p for p in ws.store.periods() if p.locked and (p.start, p.end) == (start, end)), None)


@dataclass(frozen=True, slots=True)
class PayDifference:
    """One employee's stored (at lock) and recomputed figures that differ."""

    code: str
    name: str
    stored_gross: Decimal | None
    now_gross: Decimal | None
    lines: list[tuple[str, Decimal, Decimal]]  # category, stored amount, amount now


def differences(ws: Workspace, start: date) -> tuple[PeriodState, list[PayDifference]]:
    """What recomputing the period now would change against the figures of its latest lock
    (what TimeTrex calls post-adjustment). InputError for a period never locked."""
    first, last = check_period_start(ws, start)
    state = _state(ws, first, last)
    if state.lock_no == 0:
        raise InputError(
            msg("the pay period {start:date} to {end:date} was never locked", start=first, end=last)
        )
    stored = {ep.employee.code: ep for ep in stored_payroll(ws, state).employees}
    now = {ep.employee.code: ep for ep in period_pay(ws, first, last).employees}
    out: list[PayDifference] = []
    for code in sorted(set(stored) | set(now)):
        a, b = stored.get(code), now.get(code)
        if a is not None and b is not None and figures_json(a) == figures_json(b):
            continue
        out.append(
            PayDifference(
                code,
                (a or b).employee.name if (a or b) is not None else code,  # type: ignore[union-attr]
                a.gross if a else None,
                b.gross if b else None,
                _line_diffs(a, b),
            )
        )
    return state, out


def _line_diffs(a: EmployeePay | None, b: EmployeePay | None) -> list[tuple[str, Decimal, Decimal]]:
    cats: dict[str, list[Decimal]] = {}
    for i, ep in enumerate((a, b)):
        for ln in ep.lines if ep is not None else ():
            cats.setdefault(ln.category, [Decimal("0.00"), Decimal("0.00")])[i] += ln.amount
    return [(c, v[0], v[1]) for c, v in cats.items() if v[0] != v[1]]
