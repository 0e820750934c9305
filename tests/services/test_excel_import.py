"""Import against a real database: preview, all-or-nothing, no duplicates, every bad input."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from deskwfm.core.errors import InputError
from deskwfm.files.xlsx_problems import write_error_report
from deskwfm.services.excel_import import apply_import, import_workbook, plan_import
from deskwfm.services.workspace import Workspace
from tests.files.test_xlsx_builders import EMPLOYEES_HEADER, SHIFTS_HEADER, replace_part, workbook
from tests.files.test_xlsx_safety import BILLION_LAUGHS
from tests.services.test_excel_fixtures import centre, db_snapshot  # noqa: F401

_ = centre


def refused(ws: Workspace, path: Path, *expected: str) -> list[str]:
    """The import lists exactly ``expected`` (in order) and the database is unchanged."""
    before = db_snapshot(ws)
    plan = import_workbook(ws, path)
    got = [str(p) for p in plan.problems]
    assert got == list(expected)
    with pytest.raises(InputError, match="nothing was imported"):
        apply_import(ws, plan)
    assert db_snapshot(ws) == before
    return got


def test_new_rows_preview_then_apply_then_reimport_is_a_no_op(centre: Workspace, tmp_path: Path) -> None:
    p = workbook(
        tmp_path / "new.xlsx",
        {
            "Employees": [
                EMPLOYEES_HEADER,
                ["AG010", "Gita Rao", "Sales", 22.5, "2026-01-01", 37.5, 44, "yes"],
                ["ag001", "Alex Martin", "Retention"],
            ],
            "Shifts": [
                SHIFTS_HEADER,
                ["AG010", date(2026, 3, 2), time(9), time(17), 30, "", "first day"],
                ["AG010", "2026-03-03", None, None, None, "N"],
                ["AG001", "2026-03-02", "10:00", "18:30", 30, "", ""],
            ],
        },
    )
    before = db_snapshot(centre)
    plan = plan_import(centre, p)
    assert plan.problems == []
    assert [str(x) for x in plan.summary()] == [
        "employees: 1 added, 1 changed, 0 unchanged",
        "pay rates: 1 added, 0 changed, 0 unchanged",
        "shifts: 2 added, 1 changed, 0 removed, 0 unchanged",
    ]
    assert [str(c) for c in plan.changes if c.what == "employee"][1] == (
        "changed employee AG001: Alex Martin, Sales, contract 37.50 h, max 44.00 h -> "
        "Alex Martin, Retention, contract 37.50 h, max 44.00 h"
    )
    assert db_snapshot(centre) == before  # planning writes nothing
    assert import_workbook(centre, p, dry_run=True).has_changes
    assert db_snapshot(centre) == before  # nor does a dry run
    apply_import(centre, plan)
    s = [
        x
        for x in centre.store.shifts_between(date(2026, 3, 2), date(2026, 3, 3), ["AG010", "AG001"])
        if x.employee_code == "AG010" or x.work_date.day == 2
    ]
    assert [(x.employee_code, x.work_date.day, x.start, x.code, x.note) for x in s] == [
        ("AG001", 2, time(10), "", ""),
        ("AG010", 2, time(9), "", "first day"),
        ("AG010", 3, time(22), "N", ""),
    ]
    counts = centre.store.counts()
    again = plan_import(centre, p)
    assert again.changes == [] and again.problems == []
    apply_import(centre, again)
    assert centre.store.counts() == counts  # no duplicates


def test_the_issues_example_message(centre: Workspace, tmp_path: Path) -> None:
    rows = [SHIFTS_HEADER] + [["AG001", f"2026-04-{d:02d}", "9:00", "17:00"] for d in range(1, 13)]
    rows.append(["AG002", "2026-04-20", "9:00", "25:00"])
    refused(
        centre,
        workbook(tmp_path / "x.xlsx", {"Shifts": rows}),
        'Shifts!D14: end time: "25:00" is not a time; write it like 09:30',
    )


def test_unknown_employee(centre: Workspace, tmp_path: Path) -> None:
    p = workbook(tmp_path / "x.xlsx", {"Shifts": [SHIFTS_HEADER, ["ZZ999", "2026-04-01", "9:00", "17:00"]]})
    refused(centre, p, 'Shifts!A2: "ZZ999" is not an employee; add them to the Employees sheet first')


def test_duplicate_rows(centre: Workspace, tmp_path: Path) -> None:
    p = workbook(
        tmp_path / "x.xlsx",
        {
            "Shifts": [
                SHIFTS_HEADER,
                ["AG001", "2026-04-01", "9:00", "17:00"],
                ["AG001", "2026-04-01", "10:00", "18:00"],
            ]
        },
    )
    refused(centre, p, "Shifts!A3: duplicate: AG001 on 2026-04-01 is also at Shifts!A2")


def test_overlapping_shifts_in_the_file_and_with_the_database(centre: Workspace, tmp_path: Path) -> None:
    p = workbook(
        tmp_path / "x.xlsx",
        {
            "Shifts": [
                SHIFTS_HEADER,
                ["AG005", "2026-04-05", "22:00", "08:00"],
                ["AG005", "2026-04-06", "06:00", "14:00"],
                ["AG006", "2026-03-07", "05:00", "13:00"],  # the database has N (22:00-06:30) on Fri 03-06
            ]
        },
    )
    refused(
        centre,
        p,
        "Shifts!A3: AG005: the 22:00-08:00 shift on Sun 2026-04-05 runs until 08:00 and overlaps the "
        "06:00-14:00 shift on Mon 2026-04-06 (at Shifts!A2)",
        "Shifts!A4: AG006: the N shift on Fri 2026-03-06 runs until 06:30 and overlaps the 05:00-13:00 "
        "shift on Sat 2026-03-07 (already in the program)",
    )


def test_rates_negative_non_numeric_nan_and_missing(centre: Workspace, tmp_path: Path) -> None:
    p = workbook(
        tmp_path / "x.xlsx",
        {
            "Employees": [
                EMPLOYEES_HEADER,
                ["AG001", "Alex Martin", "", -3],
                ["AG002", "Bea", "", "twenty"],
                ["AG003", "C", "", "NaN"],
                ["AG011", "New Person", "Sales"],
            ]
        },
    )
    refused(
        centre,
        p,
        "Employees!D2: hourly rate: -3 must be more than zero",
        'Employees!D3: hourly rate: "twenty" is not a number; write it like 21.50',
        'Employees!D4: hourly rate: "NaN" is not a number; write it like 21.50',
        "Employees!A5: new employee AG011 needs an Hourly rate",
    )


def test_dates_out_of_range(centre: Workspace, tmp_path: Path) -> None:
    p = workbook(
        tmp_path / "x.xlsx",
        {
            "Shifts": [
                SHIFTS_HEADER,
                ["AG001", date(1905, 3, 1), "9:00", "17:00"],
                ["AG001", "3026-03-01", "9:00", "17:00"],
            ]
        },
    )
    refused(
        centre,
        p,
        'Shifts!B2: "1905-03-01" is outside the plausible range 2000-01-01 to 2099-12-31',
        'Shifts!B3: "3026-03-01" is outside the plausible range 2000-01-01 to 2099-12-31',
    )


def test_nonexistent_time_on_the_spring_forward_night(centre: Workspace, tmp_path: Path) -> None:
    p = workbook(tmp_path / "x.xlsx", {"Shifts": [SHIFTS_HEADER, ["AG001", "2026-03-08", "02:30", "10:00"]]})
    refused(
        centre,
        p,
        "Shifts!A2: 02:30 does not exist on 2026-03-08 in America/Toronto (clocks go forward that night)",
    )


def test_empty_workbook_and_missing_columns(centre: Workspace, tmp_path: Path) -> None:
    refused(
        centre,
        workbook(tmp_path / "e.xlsx", {"Sheet": []}),
        "e.xlsx has nothing to import: no Employees, Shifts or ShiftCodes sheet and no sheet with a "
        "header row of dates (see `deskwfm template`)",
    )
    refused(
        centre,
        workbook(tmp_path / "m.xlsx", {"Shifts": [["Employee code", "Date"], ["AG001", "2026-04-01"]]}),
        'Shifts: missing columns "Start" and "End" (or "Code"); the header row should read: Employee code, '
        "Date, Start, End, Unpaid break (min), Code, Note, Break start",
    )


def test_one_bad_row_among_many_writes_nothing(centre: Workspace, tmp_path: Path) -> None:
    rows = [SHIFTS_HEADER] + [["AG001", f"2026-05-{d:02d}", "9:00", "17:00"] for d in range(1, 31)]
    rows[17][2] = "9:75"
    refused(
        centre,
        workbook(tmp_path / "x.xlsx", {"Shifts": rows}),
        'Shifts!C18: start time: "9:75" is not a time; write it like 09:30',
    )


def test_hostile_file_refused_and_database_unchanged(centre: Workspace, tmp_path: Path) -> None:
    good = workbook(
        tmp_path / "g.xlsx", {"Shifts": [SHIFTS_HEADER, ["AG001", "2026-04-01", "9:00", "17:00"]]}
    )
    bad = replace_part(good, tmp_path / "laughs.xlsx", "xl/worksheets/sheet1.xml", BILLION_LAUGHS)
    before = db_snapshot(centre)
    with pytest.raises(InputError, match="declares XML entities"):
        import_workbook(centre, bad)
    notzip = tmp_path / "n.xlsx"
    notzip.write_text("AG001,2026-04-01,9,17")
    with pytest.raises(InputError, match="not a zip archive"):
        import_workbook(centre, notzip)
    assert db_snapshot(centre) == before


def test_grid_blank_cell_removes_and_error_report_is_saved(centre: Workspace, tmp_path: Path) -> None:
    p = workbook(
        tmp_path / "g.xlsx",
        {"Week": [["Code", "Name", "2026-03-02", "2026-03-03"], ["AG001", "Alex", "D", ""]]},
    )
    plan = plan_import(centre, p)
    assert [str(c) for c in plan.changes] == ["removed shift AG001 Tue 2026-03-03: - D"]
    bad = workbook(
        tmp_path / "b.xlsx", {"Week": [["Code", "2026-03-02", "2026-03-03"], ["AG001", "D", "9-99"]]}
    )
    plan = plan_import(centre, bad)
    write_error_report(tmp_path / "report.xlsx", plan.file_name, plan.problems)
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(tmp_path / "report.xlsx")).get_sheet_by_name("Problems").to_python()
    assert rows[4][:3] == ["Week", "C2", '"9-99": hour 99 is not a time; write 9-17 or 09:00-17:30']
