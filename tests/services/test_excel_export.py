"""Exports: the round trip is a no-op, user text stays text, and LibreOffice computes the
totals the app shows."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import zipfile
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

import pytest
from defusedxml import ElementTree

from deskwfm.core.errors import DeskwfmError, InputError
from deskwfm.core.model import ShiftKind
from deskwfm.core.payroll import payroll_totals
from deskwfm.core.periods import days
from deskwfm.core.timesheet import timesheet_weeks
from deskwfm.gui.totals import DayTotals
from deskwfm.services.excel_export import compute_range, export_payroll, export_schedule
from deskwfm.services.excel_import import apply_import, plan_import
from deskwfm.services.workspace import Workspace
from tests.services.test_excel_fixtures import END, HOSTILE_NAME, START, centre, db_snapshot  # noqa: F401

_ = centre
NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def test_schedule_round_trip_is_a_no_op(centre: Workspace, tmp_path: Path) -> None:
    f = tmp_path / "schedule.xlsx"
    assert export_schedule(centre, START, END, f) == 6  # active employees; AG007 is inactive
    before = db_snapshot(centre)
    plan = plan_import(centre, f)
    assert plan.problems == [] and plan.changes == []
    assert [str(x) for x in plan.summary()] == ["shifts: 0 added, 0 changed, 0 removed, 51 unchanged"]
    apply_import(centre, plan)
    assert db_snapshot(centre) == before  # the note on AG003's Monday survives too


def test_an_edited_export_imports_just_the_edits(centre: Workspace, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    f = tmp_path / "schedule.xlsx"
    export_schedule(centre, START, END, f)
    wb = load_workbook(f)
    ws = wb["Schedule"]
    rows = {ws.cell(r, 1).value: r for r in range(4, 10)}
    ws.cell(rows["AG001"], 5).value = "E"  # Mon 2 Mar
    ws.cell(rows["AG005"], 6).value = None  # Tue 3 Mar
    wb.save(f)
    plan = plan_import(centre, f)
    assert [str(c) for c in plan.changes] == [
        "changed shift AG001 Mon 2026-03-02: D -> E",
        "removed shift AG005 Tue 2026-03-03: - 12:00-20:00/30",
    ]


def _sheet_cells(path: Path, sheet_no: int) -> list[tuple[str, str | None, str, bool]]:
    """(ref, t attribute, text, has formula) of every cell, read from the sheet XML itself."""
    with zipfile.ZipFile(path) as z:
        root = ElementTree.fromstring(z.read(f"xl/worksheets/sheet{sheet_no}.xml"))
    out = []
    for c in root.iter(f"{NS}c"):
        text = "".join(t.text or "" for t in c.iter(f"{NS}t"))
        out.append((c.get("r", ""), c.get("t"), text, c.find(f"{NS}f") is not None))
    return out


@pytest.mark.parametrize("kind, sheet_no", [("schedule", 1), ("payroll", 1), ("payroll", 2), ("payroll", 3)])
def test_user_text_is_written_as_text_never_a_formula(
    centre: Workspace, tmp_path: Path, kind: str, sheet_no: int
) -> None:
    f = tmp_path / f"{kind}.xlsx"
    (export_schedule if kind == "schedule" else export_payroll)(centre, START, END, f)
    cells = _sheet_cells(f, sheet_no)
    named = [c for c in cells if c[2] == HOSTILE_NAME]
    assert named, "the employee's name is in the sheet"
    assert all(t == "inlineStr" and not has_f for _, t, _, has_f in named)
    assert not any(has_f and "HYPERLINK" in text for _, _, text, has_f in cells)


def test_schedule_layout(centre: Workspace, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    f = tmp_path / "schedule.xlsx"
    export_schedule(centre, START, END, f)
    ws = load_workbook(f)["Schedule"]
    assert ws.freeze_panes == "D4"
    assert ws.page_setup.orientation == "landscape"
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.cell(3, 4).value.date() == START and ws.cell(3, 4).number_format == "ddd d mmm"
    row = next(r for r in range(4, 10) if ws.cell(r, 1).value == "AG006")
    night = ws.cell(row, 4)  # Sun 1 Mar: N
    assert night.value == "N" and night.fill.fgColor.rgb.endswith("023047")
    assert night.font.color.rgb.endswith("FFFFFF")  # white on the dark night colour
    sat = 4 + (date(2026, 3, 7) - START).days
    assert ws.cell(row + 1, sat).value is None and ws.cell(row + 1, sat).fill.fgColor.rgb.endswith("EEF1F5")
    assert str(ws.cell(row, 4 + 14).value).startswith("=SUM(")  # Hours
    assert ws.cell(10, 1).value == "Total" and str(ws.cell(11, 5).value).startswith("=SUM(")


def test_payroll_layout(centre: Workspace, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    f = tmp_path / "payroll.xlsx"
    result = export_payroll(centre, START, END, f)
    wb = load_workbook(f)
    ws = wb["Payroll"]
    n = len(result.employees)
    assert [ws.cell(3, c).value for c in range(4, 12)] == [
        "Reg h", "OT h", "DT h", "Holiday h", "Worked h", "Leave h", "Paid h", "Night h",
    ]
    assert [ws.cell(3, c).value for c in (12, 13, 19)] == ["Regular pay", "OT pay", "Gross pay"]
    assert ws.cell(2, 1).value.startswith("Pay period 2026-03-01 to 2026-03-14 · ")
    assert isinstance(ws.cell(4, 12).value, int | float) and ws.cell(4, 12).number_format.startswith(
        '"$"#,##0.00'
    )
    assert ws.cell(4 + n, 1).value == "Total" and ws.cell(4 + n, 19).value == f"=SUM(S4:S{3 + n})"
    assert wb.sheetnames == ["Payroll", "Shift detail", "Pay lines"]
    detail = wb["Shift detail"]
    rows = sum(len(w.rows) for ep in result.employees for w in timesheet_weeks(ep, 6))
    assert detail.max_row == 3 + rows + 1


def test_a_range_that_is_not_a_pay_period_is_labelled_so(centre: Workspace, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    f = tmp_path / "payroll.xlsx"
    export_payroll(centre, START, START + timedelta(days=6), f)
    wb = load_workbook(f)
    for sheet in wb.worksheets:
        assert sheet.cell(2, 1).value.startswith("Date range 2026-03-01 to 2026-03-07 (not a pay period) · ")


def test_bad_ranges_and_targets(centre: Workspace, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="ends .* before it starts"):
        export_schedule(centre, END, START, tmp_path / "x.xlsx")
    with pytest.raises(InputError, match="must end in .xlsx"):
        export_payroll(centre, START, END, tmp_path / "x.csv")
    with pytest.raises(InputError, match="no such folder"):
        export_payroll(centre, START, END, tmp_path / "nope" / "x.xlsx")


# ----------------------------------------------------------------- LibreOffice
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _libreoffice_csv(files: list[Path], out: Path) -> dict[str, list[list[str]]]:
    """Every sheet of every file as LibreOffice computes it (raw values, UTF-8)."""
    profile = out / "lo-profile"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            "--outdir",
            str(out),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(out)},
    )
    sheets = {}
    for p in out.glob("*.csv"):
        with p.open(encoding="utf-8", newline="") as fh:
            sheets[p.stem] = list(csv.reader(fh))
    return sheets


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_computes_the_apps_totals(centre: Workspace, tmp_path: Path) -> None:
    sched, pay = tmp_path / "sched.xlsx", tmp_path / "pay.xlsx"
    export_schedule(centre, START, END, sched)
    export_payroll(centre, START, END, pay)
    sheets = _libreoffice_csv([sched, pay], tmp_path)
    site, _emps, result = compute_range(centre, START, END)
    by_code = {ep.employee.code: ep for ep in result.employees}

    grid = sheets["sched-Schedule"]
    header = grid[2]
    hours_col, leave_col = header.index("Worked h"), header.index("Leave h")
    employee_rows = [r for r in grid[3:] if r[0] in by_code]
    assert len(employee_rows) == 6
    for r in employee_rows:
        m = by_code[r[0]].minutes
        assert float(r[hours_col]) == pytest.approx(m.paid / 60, abs=1e-9), r[0]
        assert float(r[leave_col]) == pytest.approx(m.leave / 60, abs=1e-9), r[0]
    # Per-day totals: what the grid's own DayTotals shows under the columns.
    day_list = days(START, END)
    totals = DayTotals(site.tz, day_list)
    for s in centre.store.shifts_between(START - (END - START), END):
        totals.add(s, 1)
    people = next(r for r in grid if r[:2] == ["Total", "People on shift"])
    hours = next(r for r in grid if r[:2] == ["Total", "Hours worked"])
    for i in range(len(day_list)):
        assert int(float(people[3 + i])) == totals.people[i], day_list[i]
        assert float(hours[3 + i]) == pytest.approx(totals.minutes[i] / 60, abs=1e-9), day_list[i]
    assert float(hours[hours_col]) == pytest.approx(sum(ep.minutes.paid for ep in result.employees) / 60)
    assert sum(totals.people) > 0 and any(
        s.kind is ShiftKind.PAID_LEAVE for ep in result.employees for s in (x.shift for x in ep.shifts)
    )

    payroll = sheets["pay-Payroll"]
    head = payroll[2]
    gross_col = head.index("Gross pay")
    for r in payroll[3:]:
        if r[0] in by_code:
            ep = by_code[r[0]]
            assert Decimal(r[gross_col]).quantize(Decimal("0.01")) == ep.gross, r[0]
            worked, leave = ep.minutes.paid / 60, ep.minutes.leave / 60
            assert float(r[head.index("Worked h")]) == pytest.approx(worked)
            assert float(r[head.index("Leave h")]) == pytest.approx(leave)
            assert float(r[head.index("Paid h")]) == pytest.approx(worked + leave)
            assert float(r[head.index("OT pay")]) == pytest.approx(float(ep.amount("overtime")))
    total = next(r for r in payroll if r[0] == "Total")
    minutes, _hol, gross = payroll_totals(result)
    assert Decimal(total[gross_col]).quantize(Decimal("0.01")) == gross
    assert float(total[head.index("OT h")]) == pytest.approx(minutes.overtime / 60)
    assert minutes.overtime > 0  # the sixth day put someone into overtime
    detail = sheets["pay-Shift detail"]
    dhead = detail[2]
    dtotal = next(r for r in detail if r[0] == "Total")
    all_shifts = [sp for ep in result.employees for sp in ep.shifts]
    assert float(dtotal[dhead.index("Paid h")]) == pytest.approx(
        sum(sp.minutes.paid + sp.minutes.leave for sp in all_shifts) / 60)
    assert float(dtotal[dhead.index("Paid h")]) == pytest.approx(float(total[head.index("Paid h")]))


@pytest.mark.parametrize("which", ["schedule", "payroll"])
def test_failed_export_leaves_the_previous_file_intact(
    centre: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, which: str  # noqa: F811
) -> None:
    """A disk-full or crash halfway through saving must not destroy last week's export."""
    from openpyxl import load_workbook
    from openpyxl.workbook.workbook import Workbook

    export = export_schedule if which == "schedule" else export_payroll
    f = tmp_path / f"{which}.xlsx"
    export(centre, START, END, f)
    good = f.read_bytes()

    def disk_full(self: Workbook, out: BinaryIO) -> None:
        out.write(b"PK\x03\x04 half a workbook")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workbook, "save", disk_full)
    with pytest.raises(DeskwfmError, match="is full; .* was not written \\(the previous .* is kept\\)"):
        export(centre, START, END, f)
    assert f.read_bytes() == good
    assert load_workbook(f).sheetnames
    assert not list(tmp_path.glob("*.part"))  # no half-written temp file left behind
