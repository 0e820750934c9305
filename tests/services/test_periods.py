"""Pay periods a clerk signs off: approve, lock (payroll stored), refuse every change that would
alter a locked period, unlock with a reason, differences since lock; approvals follow the pay."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

import pytest

from deskwfm.core.errors import InputError
from deskwfm.core.locks import PeriodLockedError
from deskwfm.core.model import Employee, ShiftCode, ShiftKind
from deskwfm.core.rules import PRESETS
from deskwfm.services import codes as code_service
from deskwfm.services import employees as emp_service
from deskwfm.services import periods
from deskwfm.services.forecast import store_forecast
from deskwfm.services.payroll import run_payroll
from deskwfm.services.schedule import CellEdit, apply_edits
from deskwfm.services.site import get_site, save_site
from deskwfm.services.workspace import Workspace

# The default site: biweekly periods from Sunday 2026-01-04, so 2026-11-08..21 is one.
START, END = date(2026, 11, 8), date(2026, 11, 21)


def _week(ws: Workspace, code: str, first: date, entries: list[str]) -> None:
    from datetime import timedelta

    apply_edits(ws, [CellEdit(code, first + timedelta(days=i), e) for i, e in enumerate(entries)])


@pytest.fixture
def worked(centre: Workspace) -> Workspace:
    for code in ("AG001", "AG002"):
        _week(centre, code, date(2026, 11, 9), ["9-17"] * 5)
        _week(centre, code, date(2026, 11, 16), ["9-17"] * 5)
    return centre


def _locked(ws: Workspace) -> None:
    periods.approve(ws, START)
    periods.lock(ws, START)


def test_a_period_starts_on_its_first_day(worked: Workspace) -> None:
    with pytest.raises(
        InputError, match="not the first day of a pay period; .* runs 2026-11-08 to 2026-11-21"
    ):
        periods.approve(worked, date(2026, 11, 9))


def test_lock_needs_every_paid_employee_approved(worked: Workspace) -> None:
    periods.approve(worked, START, ["AG001"])
    with pytest.raises(InputError, match="1 employee is not approved yet \\(AG002\\)"):
        periods.lock(worked, START)
    periods.approve(worked, START, ["AG002"])
    state = periods.lock(worked, START)
    assert state.locked and state.lock_no == 1 and state.locked_by == worked.actor.label


LOCKED_REFUSALS = {
    "a shift inside": lambda ws: apply_edits(ws, [CellEdit("AG001", date(2026, 11, 12), "10-18")]),
    "a new shift inside": lambda ws: apply_edits(ws, [CellEdit("AG003", date(2026, 11, 12), "D")]),
    "leave inside": lambda ws: apply_edits(ws, [CellEdit("AG002", date(2026, 11, 13), "VAC")]),
    "clearing a shift": lambda ws: apply_edits(ws, [CellEdit("AG001", date(2026, 11, 9), "")]),
    "a night shift reaching in": lambda ws: apply_edits(ws, [CellEdit("AG003", date(2026, 11, 7), "22-6")]),
    "a rate effective inside": lambda ws: emp_service.set_rate(
        ws, "AG001", Decimal("30"), date(2026, 11, 15)
    ),
    "a rate in force inside": lambda ws: emp_service.set_rate(ws, "AG001", Decimal("30"), date(2026, 11, 1)),
    "deleting a rate": lambda ws: emp_service.delete_rate(ws, "AG002", date(2026, 11, 1)),
    "approving": lambda ws: periods.approve(ws, START),
}


@pytest.mark.parametrize("change", list(LOCKED_REFUSALS))
def test_a_lock_refuses_every_change_that_would_alter_the_period(worked: Workspace, change: str) -> None:
    emp_service.set_rate(worked, "AG002", Decimal("25"), date(2026, 11, 1))  # so there is a rate to delete
    _locked(worked)
    before = run_payroll(worked, START, END)
    n = worked.store.counts()["audit"]
    with pytest.raises(InputError, match="pay period 2026-11-08 to 2026-11-21 is locked"):
        LOCKED_REFUSALS[change](worked)
    assert worked.store.counts()["audit"] == n  # refused: nothing written, nothing audited
    assert [ep.gross for ep in run_payroll(worked, START, END).employees] == [
        ep.gross for ep in before.employees
    ]


def test_changes_outside_the_locked_period_and_site_wide_changes_go_through(worked: Workspace) -> None:
    _locked(worked)
    apply_edits(
        worked, [CellEdit("AG001", date(2026, 11, 22), "9-17"), CellEdit("AG001", date(2026, 11, 7), "8-16")]
    )
    emp_service.set_rate(worked, "AG001", Decimal("30"), date(2026, 11, 22))
    code_service.save_code(worked, ShiftCode("TRN", ShiftKind.WORK, time(9), time(12), 0, "#aabbcc"))
    store_forecast(worked, START, START, [])
    with pytest.raises(PeriodLockedError):
        apply_edits(worked, [CellEdit("AG001", date(2026, 11, 21), "22-6")])


def test_stored_payroll_of_a_locked_period_survives_a_rule_change(worked: Workspace) -> None:
    apply_edits(worked, [CellEdit("AG001", date(2026, 11, 14), "8-20")])  # a 12 h Saturday
    _locked(worked)
    stored = {ep.employee.code: ep.gross for ep in run_payroll(worked, START, END).employees}
    site = get_site(worked)
    save_site(worked, site.with_changes(rules=PRESETS["california"]))  # daily OT after 8 h
    assert {ep.employee.code: ep.gross for ep in run_payroll(worked, START, END).employees} == stored
    state, diffs = periods.differences(worked, START)
    assert state.lock_no == 1 and [d.code for d in diffs] == ["AG001"]
    assert diffs[0].now_gross is not None and diffs[0].stored_gross is not None
    assert diffs[0].now_gross > diffs[0].stored_gross


def test_unlock_needs_a_reason_and_reopens_for_changes(worked: Workspace) -> None:
    _locked(worked)
    with pytest.raises(InputError, match="say why"):
        periods.unlock(worked, START, "   ")
    state = periods.unlock(worked, START, "Zoë's overtime was missed")
    assert not state.locked and state.reason == "Zoë's overtime was missed" and state.lock_no == 1
    apply_edits(worked, [CellEdit("AG001", date(2026, 11, 12), "9-19")])
    assert [e.how for e in worked.store.audit_entries(entity="period")] == ["unlock", "lock"]
    assert worked.store.audit_entries(how="unlock")[0].reason == "Zoë's overtime was missed"
    # relock: a second lock, the first lock's figures still kept for the differences report
    periods.approve(worked, START)
    assert periods.lock(worked, START).lock_no == 2
    assert (
        len(worked.store.snapshots(START, 1)) == len(worked.store.snapshots(START, 2)) == 3
    )  # all in payroll


def test_an_approval_is_cleared_by_a_change_to_that_pay_only(worked: Workspace) -> None:
    periods.approve(worked, START, ["AG001", "AG002"])
    apply_edits(worked, [CellEdit("AG003", date(2026, 11, 10), "9-17")])  # someone not approved
    emp_service.update_employee(worked, Employee("AG001", "Zoë Côté-Roy", "Billing", version=1))  # a name
    assert {a.employee_code for a in worked.store.approvals([START])} == {"AG001", "AG002"}
    apply_edits(worked, [CellEdit("AG001", date(2026, 11, 12), "9-19")])  # AG001's pay changes
    assert {a.employee_code for a in worked.store.approvals([START])} == {"AG002"}
    cleared = worked.store.audit_entries(how="approval cleared")
    assert [(e.entity, e.employee) for e in cleared] == [("approval", "AG001")]
    assert "9-19" in cleared[0].detail or "grid edit" in cleared[0].detail
    apply_edits(worked, [CellEdit("AG002", date(2026, 11, 12), "8:00-16:00")])  # same hours, moved
    assert {a.employee_code for a in worked.store.approvals([START])} == {"AG002"}  # same pay: kept


def test_approval_stays_when_the_pay_does_not_change(worked: Workspace) -> None:
    periods.approve(worked, START, ["AG001", "AG002"])
    apply_edits(worked, [CellEdit("AG002", date(2026, 11, 30), "9-17")])  # a later period
    assert {a.employee_code for a in worked.store.approvals([START])} == {"AG001", "AG002"}
