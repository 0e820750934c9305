"""Break starts through Excel: the Shifts sheet's optional "Break start" column, and the
schedule grid's ``9-17/30@12:30`` / ``D@13:00`` cells, which export and import back unchanged."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from deskwfm.services.excel_export import export_schedule
from deskwfm.services.excel_import import apply_import, plan_import
from deskwfm.services.schedule import CellEdit, apply_edits
from deskwfm.services.workspace import Workspace
from tests.files.test_xlsx_builders import SHIFTS_HEADER, workbook
from tests.services.test_excel_fixtures import END, START, centre  # noqa: F401
from tests.services.test_excel_import import refused

_ = centre
HEADER = [*SHIFTS_HEADER, "Break start"]
MON, TUE = date(2026, 3, 2), date(2026, 3, 3)


def _shift(ws: Workspace, emp: str, d: date) -> tuple[object, ...]:
    [s] = [x for x in ws.store.shifts_between(d, d, [emp])]
    return (s.start, s.end, s.break_minutes, s.code, s.break_start)


def test_shifts_sheet_break_start_column_imports_and_reimports_as_a_no_op(
    centre: Workspace, tmp_path: Path
) -> None:
    p = workbook(
        tmp_path / "b.xlsx",
        {
            "Shifts": [
                HEADER,
                ["AG001", MON, None, None, None, "D", "", "13:00"],  # the code's times, a later break
                ["AG005", TUE, time(12), time(20), 30, "", "", time(15, 30)],
                ["AG004", MON, time(8), time(16, 45), 45, "", "", None],  # blank: centred
            ]
        },
    )
    plan = plan_import(centre, p)
    assert plan.problems == []
    assert [str(c) for c in plan.changes] == [
        "changed shift AG001 Mon 2026-03-02: D -> D@13:00",
        "changed shift AG005 Tue 2026-03-03: 12:00-20:00/30 -> 12:00-20:00/30@15:30",
    ]
    apply_import(centre, plan)
    assert _shift(centre, "AG001", MON) == (time(9), time(17, 30), 30, "D", time(13))
    assert _shift(centre, "AG005", TUE) == (time(12), time(20), 30, "", time(15, 30))
    assert _shift(centre, "AG004", MON)[4] is None
    again = plan_import(centre, p)
    assert again.problems == [] and again.changes == []


def test_bad_break_starts_are_located_and_nothing_is_imported(centre: Workspace, tmp_path: Path) -> None:
    p = workbook(
        tmp_path / "bad.xlsx",
        {
            "Shifts": [
                HEADER,
                ["AG001", MON, time(9), time(17), 30, "", "", "18:00"],
                ["AG001", TUE, time(9), time(17), 0, "", "", "12:00"],
                ["AG002", MON, time(9), time(17), 30, "", "", "noon"],
                ["AG006", date(2026, 3, 7), None, None, None, "N", "", "02:30"],  # spring forward
            ]
        },
    )
    refused(
        centre,
        p,
        "Shifts!H2: the break at 18:00 is outside the shift 09:00-17:00",
        "Shifts!H3: a break start needs times and an unpaid break",
        'Shifts!H4: break start: "noon" is not a time; write it like 09:30',
        "Shifts!A5: 02:30 does not exist on 2026-03-08 in America/Toronto (clocks go forward that night)",
    )


def test_schedule_export_shows_break_starts_and_imports_back_unchanged(
    centre: Workspace, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    apply_edits(centre, [CellEdit("AG001", MON, "D@13"), CellEdit("AG005", TUE, "12-20/30@15:30"),
                         CellEdit("AG006", date(2026, 3, 6), "N@2")])
    f = tmp_path / "schedule.xlsx"
    export_schedule(centre, START, END, f)
    ws = load_workbook(f)["Schedule"]
    texts = {str(c.value) for row in ws.iter_rows(min_row=4, max_row=9) for c in row if c.value}
    assert {"D@13:00", "12:00-20:00/30@15:30", "N@02:00"} <= texts
    plan = plan_import(centre, f)
    assert plan.problems == [] and plan.changes == []
    # moving a break in the exported sheet is an edit like any other
    wb = load_workbook(f)
    sheet = wb["Schedule"]
    for row in sheet.iter_rows(min_row=4, max_row=9):
        for c in row:
            if c.value == "D@13:00":
                c.value = "D@12:00"
    wb.save(f)
    plan = plan_import(centre, f)
    assert [str(c) for c in plan.changes] == ["changed shift AG001 Mon 2026-03-02: D@13:00 -> D@12:00"]
    apply_import(centre, plan)
    assert _shift(centre, "AG001", MON)[4] == time(12)
