"""An import refuses to overwrite what another workstation changed while its preview was open."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from deskwfm.cli.main import main
from deskwfm.core.changes import AppliedSet
from deskwfm.core.errors import StaleEditError
from deskwfm.core.model import Employee, Shift
from deskwfm.services import codes as code_service
from deskwfm.services import employees as emp_service
from deskwfm.services.excel_import import ImportStaleError, apply_import, import_workbook, plan_import
from deskwfm.services.workspace import Workspace
from tests.files.test_xlsx_builders import EMPLOYEES_HEADER, SHIFTS_HEADER, workbook
from tests.services.test_excel_fixtures import centre, db_snapshot  # noqa: F401
from tests.store.writes import clear, put, shift

_ = centre
MON = date(2026, 3, 2)


@pytest.fixture
def other(centre: Workspace, tmp_path: Path) -> Iterator[Workspace]:
    """A second workstation on the same database file."""
    ws = Workspace.open(tmp_path / "centre.sqlite3")
    yield ws
    ws.close()


def cell(ws: Workspace, emp: str, day: date) -> Shift | None:
    return ws.store.cells([(emp, day)]).get((emp, day))


def set_cell(ws: Workspace, emp: str, day: date, start: time | None, end: time | None) -> None:
    if start is None:
        put(ws.store, clear(emp, day))
    else:
        put(ws.store, shift(Shift(emp, day, start, end, 30)))


def the_workbook(tmp_path: Path) -> Path:
    """Changes AG003's Monday (D + note -> 10:00-18:00), clears AG001's Tuesday (a blank grid
    cell), adds a shift for
    AG001 on 2026-04-01, moves AG002 to Retention with a new rate from 2026-03-01, recolours D and
    leaves AG005's Tuesday as it is."""
    return workbook(
        tmp_path / "w.xlsx",
        {
            "Employees": [EMPLOYEES_HEADER, ["AG002", "Béatrice Tremblay", "Retention", 30, "2026-03-01"]],
            "Shift codes": [
                ["Code", "Start", "End", "Unpaid break (min)", "Kind", "Colour"],
                ["D", "09:00", "17:30", 30, "work", "#000080"],
            ],
            "Week": [["Code", "Name", "2026-03-03"], ["AG001", "Alex Martin", ""]],
            "Shifts": [
                SHIFTS_HEADER,
                ["AG003", "2026-03-02", "10:00", "18:00", 30, "", "training =SUM(A1)"],
                ["AG001", "2026-04-01", "09:00", "17:00", 30, "", ""],
                ["AG005", "2026-03-03", "12:00", "20:00", 30, "", ""],
            ],
        },
    )


def test_the_workbook_plans_what_the_tests_below_rely_on(centre: Workspace, tmp_path: Path) -> None:
    plan = plan_import(centre, the_workbook(tmp_path))
    assert plan.problems == []
    assert [str(x) for x in plan.summary()] == [
        "employees: 0 added, 1 changed, 0 unchanged",
        "pay rates: 1 added, 0 changed, 0 unchanged",
        "shift codes: 0 added, 1 changed, 0 unchanged",
        "shifts: 1 added, 1 changed, 1 removed, 1 unchanged",
    ]


EDITS: dict[str, tuple[Callable[[Workspace], None], str]] = {
    "changed shift": (
        lambda o: set_cell(o, "AG003", MON, time(11), time(19)),
        "shift AG003 Mon 2026-03-02 was D (training =SUM(A1)), now 11:00-19:00/30",
    ),
    "removed shift": (
        lambda o: set_cell(o, "AG001", date(2026, 3, 3), time(7), time(15)),
        "shift AG001 Tue 2026-03-03 was D, now 07:00-15:00/30",
    ),
    "added shift": (
        lambda o: set_cell(o, "AG001", date(2026, 4, 1), time(8), time(16)),
        "shift AG001 Wed 2026-04-01 was (empty), now 08:00-16:00/30",
    ),
    "shift emptied": (
        lambda o: set_cell(o, "AG003", MON, None, None),
        "shift AG003 Mon 2026-03-02 was D (training =SUM(A1)), now (empty)",
    ),
    "employee": (
        lambda o: emp_service.update_employee(
            o, replace(o.store.get_employee("AG002"), name="Béatrice Tremblay-Roy")
        ),
        "employee AG002 was Béatrice Tremblay, Sales, now Béatrice Tremblay-Roy, Sales",
    ),
    "rate": (
        lambda o: emp_service.set_rate(o, "AG002", Decimal("24.50"), date(2026, 2, 1)),
        "pay rates of AG002 was $21.00 from 2025-01-01, now $21.00 from 2025-01-01, $24.50 from 2026-02-01",
    ),
    "shift code": (
        lambda o: code_service.save_code(
            o, replace(next(c for c in o.store.list_codes() if c.code == "D"), colour="#ff0000")
        ),
        "shift code D was work 09:00-17:30/30 #8ecae6, now work 09:00-17:30/30 #ff0000",
    ),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_a_row_the_plan_writes_changed_elsewhere_refuses_the_import(
    centre: Workspace, other: Workspace, tmp_path: Path, edit: str
) -> None:
    plan = plan_import(centre, the_workbook(tmp_path))
    change, expected = EDITS[edit]
    change(other)  # while the preview is open
    after_other = db_snapshot(other)
    with pytest.raises(StaleEditError) as err:
        apply_import(centre, plan)
    assert str(err.value) == (
        f"the database changed since the preview ({expected}); preview the import again"
    )
    assert db_snapshot(centre) == after_other  # nothing of the import was written
    # previewing again shows the other station's value as "now", and then applies
    again = plan_import(centre, the_workbook(tmp_path))
    apply_import(centre, again)
    got = cell(centre, "AG003", MON)
    assert got is not None and got.start == time(10)


def test_the_other_stations_cell_survives_the_refused_import(
    centre: Workspace, other: Workspace, tmp_path: Path
) -> None:
    plan = plan_import(centre, the_workbook(tmp_path))
    set_cell(other, "AG003", MON, time(11), time(19))
    with pytest.raises(StaleEditError):
        apply_import(centre, plan)
    got = cell(centre, "AG003", MON)
    assert got is not None and (got.start, got.end, got.code) == (time(11), time(19), "")
    assert cell(centre, "AG001", date(2026, 4, 1)) is None  # the import's other rows are not written
    assert centre.store.get_employee("AG002").team == "Sales"


def test_many_changes_are_counted_not_all_named(centre: Workspace, other: Workspace, tmp_path: Path) -> None:
    plan = plan_import(centre, the_workbook(tmp_path))
    for edit in ("changed shift", "removed shift", "added shift", "employee", "rate"):
        EDITS[edit][0](other)
    with pytest.raises(StaleEditError, match=r"; and 2 more\); preview the import again$"):
        apply_import(centre, plan)


def test_unrelated_changes_elsewhere_do_not_block_the_import(
    centre: Workspace, other: Workspace, tmp_path: Path
) -> None:
    plan = plan_import(centre, the_workbook(tmp_path))
    set_cell(other, "AG004", MON, time(6), time(14))  # another employee
    set_cell(other, "AG003", date(2026, 3, 3), time(9), time(12))  # same employee, other day
    set_cell(other, "AG005", date(2026, 3, 3), time(13), time(21))  # in the workbook, but unchanged there
    emp_service.update_employee(
        other,
        Employee("AG004", "Chen Wei", "Night", True, 2400, version=other.store.get_employee("AG004").version),
    )
    emp_service.set_rate(other, "AG001", Decimal("25.00"), date(2026, 4, 1))
    apply_import(centre, plan)
    mon = cell(centre, "AG003", MON)
    assert mon is not None and (mon.start, mon.end) == (time(10), time(18))  # the import
    assert cell(centre, "AG001", date(2026, 3, 3)) is None
    assert centre.store.get_employee("AG002").team == "Retention"
    # ... and every unrelated edit kept
    assert [
        (s.start, s.end) for s in [cell(centre, "AG004", MON), cell(centre, "AG005", date(2026, 3, 3))] if s
    ] == [
        (time(6), time(14)),
        (time(13), time(21)),
    ]
    assert centre.store.get_employee("AG004").team == "Night"


def test_plan_and_apply_at_once_is_not_refused(centre: Workspace, tmp_path: Path) -> None:
    plan = import_workbook(centre, the_workbook(tmp_path))
    assert plan.ok and plan.has_changes
    got = cell(centre, "AG003", MON)
    assert got is not None and got.start == time(10)
    # the audit trail says it came from this file, one row per changed row
    rows = centre.store.audit_entries(how="import")
    assert len(rows) == len(plan.changes) and {r.detail for r in rows} == {plan.file_name}


def test_cli_import_plans_and_applies_at_once(
    centre: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = the_workbook(tmp_path)
    assert main(["--db", str(tmp_path / "centre.sqlite3"), "import", str(f)]) == 0
    assert "imported: 6 changes written" in capsys.readouterr().out
    got = cell(centre, "AG003", MON)
    assert got is not None and got.start == time(10)


@pytest.mark.parametrize("edit", list(EDITS))
def test_an_edit_after_the_preview_check_could_run_still_refuses_the_import(
    centre: Workspace, other: Workspace, tmp_path: Path, edit: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other station commits after apply_import has started, right before the store opens
    the import's write transaction: the check runs inside that transaction, so it still sees it."""
    plan = plan_import(centre, the_workbook(tmp_path))
    change, expected = EDITS[edit]
    real_apply = centre.store.apply
    after_other: list[object] = []

    def edit_then_apply(*args: Any, **kwargs: Any) -> AppliedSet:
        change(other)
        after_other.append(db_snapshot(other))
        return real_apply(*args, **kwargs)

    monkeypatch.setattr(centre.store, "apply", edit_then_apply)
    with pytest.raises(ImportStaleError) as err:
        apply_import(centre, plan)
    assert len(after_other) == 1
    assert str(err.value) == f"the database changed since the preview ({expected}); preview the import again"
    assert [str(c) for c in err.value.changed] == [expected]
    assert db_snapshot(centre) == after_other[0]  # the other station's edit kept, nothing imported
