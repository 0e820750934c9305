"""A locked pay period prints the same timesheet rows from its stored figures, split by day."""

from __future__ import annotations

import json
from datetime import date, timedelta

from deskwfm.core.pay_snapshot import from_snapshot, snapshot_json
from deskwfm.core.payroll import MinuteTotals
from deskwfm.core.timesheet import RowKind, timesheet_weeks
from deskwfm.services import periods
from deskwfm.services.payroll import run_payroll
from deskwfm.services.schedule import CellEdit, apply_edits
from deskwfm.services.workspace import Workspace

START, END = date(2026, 11, 8), date(2026, 11, 21)  # a pay period of the default site


def _rows(ep) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    return [(r.kind, r.day, r.shift.work_date, r.minutes, [(p.day, p.minutes) for p in r.parts],
             [(e.day, e.minutes, e.where) for e in r.elsewhere])
            for w in timesheet_weeks(ep, 6) for r in w.rows]


def test_a_locked_period_prints_the_rows_it_had_when_locked(centre: Workspace) -> None:
    nights = [START - timedelta(days=1), START + timedelta(days=6), END]  # before, week edge, end
    apply_edits(centre, [CellEdit("AG001", d, "22-6:30/30") for d in nights])
    before = {ep.employee.code: _rows(ep) for ep in run_payroll(centre, START, END).employees}
    periods.approve(centre, START)
    periods.lock(centre, START)
    stored = run_payroll(centre, START, END)
    ep = next(e for e in stored.employees if e.employee.code == "AG001")
    assert "_chunks" not in ep.__dict__ or not ep._chunks  # from the stored figures, not recomputed
    assert {e.employee.code: _rows(e) for e in stored.employees} == before
    kinds = [r[0] for r in before["AG001"]]
    assert kinds == [RowKind.CARRIED, RowKind.SHIFT, RowKind.CARRIED, RowKind.SHIFT]


def test_a_lock_stored_before_the_day_split_still_adds_up(centre: Workspace) -> None:
    apply_edits(centre, [CellEdit("AG001", d, "22-6:30/30") for d in (START - timedelta(days=1), END)])
    [ep] = [e for e in run_payroll(centre, START, END).employees if e.employee.code == "AG001"]
    old = json.loads(snapshot_json(ep))
    del old["shift_days"]  # as a lock made by the previous version stored it
    restored = from_snapshot(json.dumps(old))
    weeks = timesheet_weeks(restored, 6)
    assert sum((w.minutes for w in weeks), MinuteTotals()) == ep.minutes
    assert [r.shift.work_date for w in weeks for r in w.rows] == [START - timedelta(days=1), END]
