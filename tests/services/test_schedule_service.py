"""Grid use cases: loading a range, typing into cells, undo/redo with staleness checks."""

from __future__ import annotations

import time as clock
from datetime import date, time, timedelta
from decimal import Decimal

import pytest

from deskwfm.core.errors import EntryError, InputError, StaleEditError
from deskwfm.core.model import Employee, PayRate, Shift, ShiftKind
from deskwfm.services.schedule import CellEdit, apply_edits, load_schedule, revert
from deskwfm.services.workspace import Workspace
from tests.store.writes import emp, put, rate, shift

TUE = date(2026, 11, 24)
WED = date(2026, 11, 25)


def _cells(ws: Workspace) -> dict[tuple[str, date], Shift]:
    every = ws.store.shifts_between(date(2000, 1, 1), date(2100, 1, 1))
    return {(s.employee_code, s.work_date): s for s in every}


def test_typed_entries_and_codes_become_shifts(centre: Workspace) -> None:
    changes = apply_edits(centre, [
        CellEdit("AG001", TUE, "9a-5:30p/30"),
        CellEdit("AG002", TUE, "n"),
        CellEdit("AG003", TUE, "VAC"),
        CellEdit("AG001", WED, "22-6"),
    ])
    assert len(changes) == 4 and all(c.before is None for c in changes)
    cells = _cells(centre)
    assert (cells[("AG001", TUE)].start, cells[("AG001", TUE)].end) == (time(9), time(17, 30))
    assert cells[("AG001", TUE)].break_minutes == 30 and cells[("AG001", TUE)].code == ""
    assert cells[("AG002", TUE)].code == "N" and cells[("AG002", TUE)].end == time(6, 30)
    assert cells[("AG003", TUE)].kind is ShiftKind.PAID_LEAVE
    assert cells[("AG001", WED)].start == time(22) and cells[("AG001", WED)].end == time(6)


def test_a_bad_cell_names_itself_and_nothing_is_written(centre: Workspace) -> None:
    apply_edits(centre, [CellEdit("AG001", TUE, "D")])
    before = _cells(centre)
    with pytest.raises(EntryError) as err:
        apply_edits(centre, [
            CellEdit("AG001", TUE, "E"),
            CellEdit("AG003", WED, "9-17"),
            CellEdit("AG002", TUE, "25-3"),
        ])
    assert str(err.value) == 'AG002 Tue 2026-11-24: "25-3": hour 25 is not a time; write 9-17 or 09:00-17:30'
    assert _cells(centre) == before
    with pytest.raises(InputError, match="AG404 Wed 2026-11-25: there is no employee AG404"):
        apply_edits(centre, [CellEdit("AG001", WED, "D"), CellEdit("AG404", WED, "D")])
    with pytest.raises(EntryError, match="AG001 Wed 2026-11-25: .*break"):
        apply_edits(centre, [CellEdit("AG001", WED, "9-10/60")])
    assert _cells(centre) == before


def test_a_start_that_does_not_exist_on_the_dst_night_is_refused(centre: Workspace) -> None:
    spring = date(2026, 3, 8)  # America/Toronto springs forward at 02:00
    with pytest.raises(EntryError, match=r"AG001 Sun 2026-03-08: 02:30 does not exist"):
        apply_edits(centre, [CellEdit("AG001", spring, "2:30-10")])
    assert _cells(centre) == {}


def test_clearing_unchanged_cells_and_notes(centre: Workspace) -> None:
    apply_edits(centre, [CellEdit("AG001", TUE, "D"), CellEdit("AG002", TUE, "E")])
    assert apply_edits(centre, [CellEdit("AG001", TUE, "d")]) == []  # same shift: no change
    cleared = apply_edits(centre, [CellEdit("AG001", TUE, ""), CellEdit("AG002", TUE, "off")])
    assert [c.after for c in cleared] == [None, None]
    assert _cells(centre) == {}


def test_undo_and_redo_restore_cells_and_refuse_stale_ones(centre: Workspace) -> None:
    apply_edits(centre, [CellEdit("AG001", TUE, "D")])
    change = apply_edits(centre, [CellEdit("AG001", TUE, "E"), CellEdit("AG002", TUE, "N")])
    undone = revert(centre, change)
    cells = _cells(centre)
    assert cells[("AG001", TUE)].code == "D" and ("AG002", TUE) not in cells
    restored = {(c.employee_code, c.after.code if c.after else None) for c in undone}
    assert restored == {("AG001", "D"), ("AG002", None)}
    revert(centre, change, redo=True)
    assert _cells(centre)[("AG001", TUE)].code == "E" and _cells(centre)[("AG002", TUE)].code == "N"
    # another workstation edits AG002's cell: undo must not overwrite it, and changes nothing
    apply_edits(centre, [CellEdit("AG002", TUE, "9-17")])
    with pytest.raises(StaleEditError, match="AG002 on Tue 2026-11-24 was changed elsewhere"):
        revert(centre, change)
    cells = _cells(centre)
    assert cells[("AG001", TUE)].code == "E" and cells[("AG002", TUE)].start == time(9)


def test_load_schedule_holds_what_the_grid_needs(centre: Workspace) -> None:
    apply_edits(centre, [CellEdit("AG001", date(2026, 11, 2), "D"), CellEdit("AG002", TUE, "N")])
    put(centre.store, rate(PayRate("AG001", date(2026, 11, 15), Decimal("21.00"))))
    data = load_schedule(centre, date(2026, 11, 22), date(2026, 12, 5))
    assert [e.code for e in data.employees] == ["AG001", "AG003", "AG002"]  # by team, then code
    assert set(data.codes) == {"D", "E", "N", "VAC", "SICK", "LOA", "OFF"}
    assert [r.hourly for r in data.rates["AG001"]] == [Decimal("20.00"), Decimal("21.00")]
    # whole work weeks plus the four-week look-back Ontario holiday pay needs
    assert data.load_from <= date(2026, 11, 22) - timedelta(days=28) and data.load_to >= date(2026, 12, 5)
    cells = {(s.employee_code, s.work_date) for s in data.shifts}
    assert cells == {("AG001", date(2026, 11, 2)), ("AG002", TUE)}
    assert data.site.tz == "America/Toronto"


def test_load_schedule_lists_the_holidays_in_range(centre: Workspace) -> None:
    data = load_schedule(centre, date(2026, 12, 20), date(2027, 1, 2))
    assert date(2026, 12, 25) in data.holidays and date(2027, 1, 1) in data.holidays


def test_load_schedule_of_500_agents_and_6_weeks_has_no_pathological_slowdown(centre: Workspace) -> None:
    start = date(2026, 11, 1)
    emps = [Employee(f"E{i:04d}", f"Agent {i}", f"Team {i % 5}") for i in range(500)]
    first = start - timedelta(days=35)
    put(
        centre.store,
        *[emp(e) for e in emps],
        *[rate(PayRate(e.code, date(2025, 1, 1), Decimal("20"))) for e in emps],
        *[shift(Shift(e.code, first + timedelta(days=k), time(8), time(16, 30), 30, "D"))
          for e in emps for k in range(77) if k % 7 < 5],
    )
    best = 9.0
    for _ in range(5):
        t0 = clock.perf_counter()
        data = load_schedule(centre, start, start + timedelta(days=41))
        best = min(best, clock.perf_counter() - t0)
    assert len(data.employees) == 503 and len(data.shifts) > 20_000
    # The figure itself (about 70 ms) is measured by bench/bench_grid.py; this guard only
    # catches an accidental per-row query or quadratic loop (seconds), never machine noise.
    assert best < 1.5, f"loading 500 agents x 6 weeks took {best * 1000:.0f} ms"
