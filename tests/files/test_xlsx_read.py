"""Reading import workbooks: template sheets, grid sheets, and every problem located."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from deskwfm.core.model import ShiftCode, ShiftKind
from deskwfm.files.xlsx_read import read_workbook
from deskwfm.files.xlsx_template import write_template
from tests.files.test_xlsx_builders import CODES_HEADER, EMPLOYEES_HEADER, SHIFTS_HEADER, workbook

CODES = {
    "N": ShiftCode("N", ShiftKind.WORK, time(22), time(6, 30), 30),
    "VAC": ShiftCode("VAC", ShiftKind.PAID_LEAVE, time(9), time(17), 0),
    "OFF": ShiftCode("OFF", ShiftKind.OFF),
}


def messages(path: Path) -> list[str]:
    return [str(p) for p in read_workbook(path, CODES).problems]


def test_template_reads_back_without_problems(tmp_path: Path) -> None:
    write_template(tmp_path / "t.xlsx")
    data = read_workbook(tmp_path / "t.xlsx", CODES)
    assert data.problems == []
    assert [r.employee.code for r in data.employees] == ["AG001"]
    assert [(s.work_date, s.shift.code if s.shift else None) for s in data.shifts] == [
        (date(2026, 3, 2), ""),
        (date(2026, 3, 3), "VAC"),
    ]
    assert data.sheets_ignored == ["Instructions"]


def test_grid_detected_by_its_header_row_of_dates_text_or_excel(tmp_path: Path) -> None:
    p = workbook(
        tmp_path / "g.xlsx",
        {
            "March": [
                ["Rota for March"],
                [],
                ["Agent", "Name", date(2026, 3, 2), "Tue 2026-03-03", "2026-03-04", "Total"],
                ["AG001", "Alex", "9-17/30", "N", "", 16],
                ["AG002", "Bea", "VAC", "off", "09:00–17:30", 8],
                ["Totals", "", 3, 4, 5, None],
            ]
        },
    )
    data = read_workbook(p, CODES)
    assert data.problems == []
    got = {(s.employee_code, s.work_date): s.shift for s in data.shifts}
    assert len(got) == 6
    a = got[("AG001", date(2026, 3, 2))]
    assert a is not None and (a.start, a.end, a.break_minutes) == (time(9), time(17), 30)
    assert got[("AG001", date(2026, 3, 3))].code == "N"  # type: ignore[union-attr]
    assert got[("AG001", date(2026, 3, 4))] is None  # blank cell: no shift that day
    assert got[("AG002", date(2026, 3, 3))] is None  # an OFF code clears
    assert got[("AG002", date(2026, 3, 4))].end == time(17, 30)  # type: ignore[union-attr]
    assert [str(s) for s in data.sheets_read] == ["March (grid, 2 employees × 3 days)"]


def test_grid_problems_name_the_cell(tmp_path: Path) -> None:
    p = workbook(
        tmp_path / "g.xlsx",
        {
            "Grid": [
                ["Code", "2026-03-02", "2026-03-03"],
                ["AG001", "25-3", "XYZ"],
                ["", "9-17", ""],
                ["AG001", "9-17", ""],
                ["AG003", 8, ""],
            ]
        },
    )
    assert messages(p) == [
        'Grid!B2: "25-3": hour 25 is not a time; write 9-17 or 09:00-17:30',
        'Grid!C2: "XYZ" is not a shift; write 9-17 or 09:00-17:30 or a shift code (N, OFF, VAC)',
        "Grid!A3: the employee code is missing",
        "Grid!A4: duplicate: AG001 is also on row 2",
        'Grid!B5: "8" is not a shift; write 9-17 or 09:00-17:30 or a shift code',
    ]


def test_shift_rows_every_problem_listed_in_reading_order(tmp_path: Path) -> None:
    rows = [SHIFTS_HEADER] + [["AG001", f"2026-03-{d:02d}", "9:00", "17:00"] for d in range(1, 13)]
    rows.append(["AG002", "2026-03-02", "9:00", "25:00"])  # row 14
    rows.append(["AG001", "2026-03-02", "10:00", "18:00"])  # duplicate of row 3
    rows.append(["AG003", "1900-01-01", "9:00", "17:00"])
    rows.append(["AG003", "2026-03-05", "9:00", "17:00", 600])
    rows.append(["AG003", "2026-03-06", "9:00", "", None, ""])
    rows.append(["AG003", "2026-03-07", None, None, None, "ZZ"])
    rows.append(["", "2026-03-08", "9:00", "17:00"])
    rows.append(["AG003", "2026-03-09", "9:00", "17:00", "NaN"])
    p = workbook(tmp_path / "s.xlsx", {"Shifts": rows})
    assert messages(p) == [
        'Shifts!D14: end time: "25:00" is not a time; write it like 09:30',
        "Shifts!A15: duplicate: AG001 on 2026-03-02 is also at Shifts!A3",
        'Shifts!B16: "1900-01-01" is outside the plausible range 2000-01-01 to 2099-12-31',
        "Shifts!E17: unpaid break: a 600-minute break is not shorter than the 480-minute shift",
        "Shifts!D18: give both Start and End, or neither",
        'Shifts!F19: "ZZ" is not a shift code; known codes: N, OFF, VAC',
        "Shifts!A20: the employee code is missing",
        'Shifts!E21: unpaid break: "NaN" is not whole minutes; write the break like 30',
    ]


def test_employees_rates_and_codes_problems(tmp_path: Path) -> None:
    p = workbook(
        tmp_path / "e.xlsx",
        {
            "Employees": [
                EMPLOYEES_HEADER,
                ["AG001", "Alex", "", -3],
                ["AG002", "Bea", "", "abc"],
                ["AG003", "Chen", "", "NaN"],
                ["AG004", "", "", 20],
                ["AG001", "Alex again", "", 20],
                ["AG005", "Dana", "", 20, "2999-01-01", 200, None, "maybe"],
            ],
            "ShiftCodes": [
                CODES_HEADER,
                ["9-17", "9:00", "17:00", 0, "work"],
                ["EVE", "", "", 0, "work"],
                ["LATE", "14:00", "22:00", 0, "sometimes"],
                ["PINK", "14:00", "22:00", 0, "work", "pink"],
                ["BRV", "", "", 0, "paid leave", "#aabbcc"],
            ],
        },
    )
    assert messages(p) == [
        "Employees!D2: hourly rate: -3 must be more than zero",
        'Employees!D3: hourly rate: "abc" is not a number; write it like 21.50',
        'Employees!D4: hourly rate: "NaN" is not a number; write it like 21.50',
        "Employees!B5: name: required",
        "Employees!A6: duplicate employee AG001: also on A2",
        'Employees!E7: "2999-01-01" is outside the plausible range 2000-01-01 to 2099-12-31',
        "Employees!F7: contract hours per week: 200 is too large (at most 168)",
        'Employees!H7: "maybe" is not yes or no',
        'ShiftCodes!A2: shift code: "9-17" must start with a letter and hold only letters, digits and _, '
        "like N or VAC",
        "ShiftCodes!B3: start time: work code EVE needs a start and an end time",
        'ShiftCodes!E4: kind: "sometimes" is not a kind; expected work, paid leave, unpaid leave or off',
        'ShiftCodes!F5: colour: "pink" is not a colour; write it like #8ecae6',
        "ShiftCodes!B6: start time: paid-leave code BRV needs a start and an end time: they set how many "
        "hours a day of it pays",
    ]


def test_missing_columns_and_empty_workbooks(tmp_path: Path) -> None:
    p = workbook(
        tmp_path / "m.xlsx",
        {
            "Shifts": [["Employee code", "Start", "End"], ["AG001", "9", "17"]],
            "Employees": [["Code", "Team"], ["AG001", "Sales"]],
        },
    )
    assert messages(p) == [
        "Employees: missing column \"Name\"; the header row should read: Code, Name, Team, Hourly rate, "
        "Rate from, Contract hours/week, Max hours/week, Active, Login ID",
        "Shifts: missing column \"Date\"; the header row should read: Employee code, Date, Start, End, "
        "Unpaid break (min), Code, Note, Break start",
    ]
    empty = workbook(tmp_path / "empty.xlsx", {"Sheet1": []})
    assert messages(empty) == [
        "empty.xlsx has nothing to import: no Employees, Shifts or ShiftCodes sheet and no sheet with "
        "a header row of dates (see `deskwfm template`)"
    ]
