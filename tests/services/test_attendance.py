"""Scheduled against actual for the payroll screen, the payroll export and the timesheets."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from deskwfm.core.actual import Source
from deskwfm.core.exceptions import ExceptionKind
from deskwfm.core.timekeeping import PayBasis
from deskwfm.services.actual import ActualEdit, edit_actual
from deskwfm.services.attendance import actual_timesheets, attendance
from deskwfm.services.employees import set_rate
from deskwfm.services.excel_export import export_payroll
from deskwfm.services.schedule import CellEdit, apply_edits
from deskwfm.services.site import get_site, save_site
from deskwfm.services.workspace import Workspace

MON = date(2025, 12, 22)  # in the past: the export checks "over by now" against the clock
DAYS = [MON + timedelta(days=i) for i in range(8)]  # Mon 22 .. Mon 29; 25 and 26 are holidays (ON)
WORKED = [DAYS[0], DAYS[1], DAYS[2], DAYS[7]]
AFTER = int(datetime(2026, 1, 15).timestamp()) // 60


@pytest.fixture
def rated(centre: Workspace) -> Workspace:
    for code in ("AG001", "AG002", "AG003"):
        set_rate(centre, code, Decimal("20.00"), date(2025, 1, 1))
    return centre


@pytest.fixture
def actual_centre(rated: Workspace) -> Workspace:
    centre = rated
    site = get_site(centre)
    save_site(centre, site.with_changes(timekeeping=site.timekeeping.with_changes(pay_basis=PayBasis.ACTUAL)))
    apply_edits(centre, [CellEdit("AG001", d, "9-17/30") for d in WORKED])
    edit_actual(
        centre,
        [
            ActualEdit("AG001", DAYS[0], "9:00-17:00/30"),
            ActualEdit("AG001", DAYS[1], "LATE 9:30-17:00/30", note="bus"),
            # Wednesday 24th, the last scheduled day before Christmas and Boxing Day: nothing recorded
            ActualEdit("AG001", DAYS[7], "9:00-17:40/30"),
            ActualEdit("AG002", DAYS[0], "10:00-14:00"),  # no shift: unscheduled work
        ],
    )
    return centre


def test_attendance_rows_split_scheduled_and_actual(actual_centre: Workspace) -> None:
    rows = {r.employee.code: r for r in attendance(actual_centre, DAYS[0], DAYS[-1], now=AFTER)}
    a1 = rows["AG001"]
    assert (a1.scheduled_minutes, a1.worked_minutes, a1.variance_minutes) == (4 * 450, 450 + 420 + 490, -440)
    assert (a1.adherence.late, a1.open_exceptions, a1.blocking) == (1, 2, 1)  # overtime 40 min; the no-show
    # a typed /30 break sits in the middle of the worked time (as the engine places it), so Tuesday's
    # 9:30-17:00/30 breaks 13:00-13:30 and adheres 9:30-12:45 and 13:30-17:00 = 195 + 210; the 29th's
    # 9:00-17:40/30 breaks 13:05-13:35: 225 + 205
    assert a1.adherence.adhered == 450 + 405 + 430
    assert [loss.holiday for loss in a1.holiday_losses] == [date(2025, 12, 25), date(2025, 12, 26)]
    a2 = rows["AG002"]
    assert (a2.scheduled_minutes, a2.worked_minutes, a2.open_exceptions) == (0, 240, 1)
    assert rows["AG003"].worked_minutes == 0 and rows["AG003"].adherence.percent is None


def test_timesheets_show_plan_and_actual_side_by_side_with_resolutions(actual_centre: Workspace) -> None:
    [sheet] = actual_timesheets(actual_centre, DAYS[0], DAYS[-1], employee_codes=["AG001"], now=AFTER)
    assert sheet.pay_basis is PayBasis.ACTUAL and len(sheet.days) == 8
    tue = sheet.days[1]
    assert (tue.scheduled, tue.actual, tue.variance_minutes, tue.source, tue.note) == (
        "09:00-17:00/30",
        "09:30-17:00/30 LATE",
        -30,
        Source.TYPED,
        "bus",
    )
    [late] = tue.exceptions
    assert late.kind is ExceptionKind.LATE and str(late.resolution()) == "coded LATE (reasonable cause)"
    wed = sheet.days[2]
    assert (wed.actual, wed.source, [e.kind for e in wed.exceptions]) == ("", None, [ExceptionKind.NO_SHOW])
    assert sheet.days[3].scheduled == "" and sheet.days[3].exceptions == ()  # the holiday
    assert sheet.worked_minutes == 1360 and sheet.scheduled_minutes == 1800
    assert "did not work all of the last scheduled day before it (Wed 2025-12-24)" in str(
        sheet.holiday_losses[0].reason
    )


def test_the_payroll_workbook_gains_the_actual_time_sheet(actual_centre: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "pay.xlsx"
    export_payroll(actual_centre, date(2025, 12, 21), date(2026, 1, 3), path)
    wb = openpyxl.load_workbook(path)
    sheet = wb["Actual time"]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=4, values_only=True) if r[0]}
    assert rows["AG001"][3:5] == ("actual", 30.0) and rows["AG001"][5] == pytest.approx(1360 / 60)
    assert rows["AG001"][12] == "2025-12-25, 2025-12-26"
    assert rows["AG002"][4:6] == (0, 4.0)
    assert rows["Total"][4] == "=SUM(E4:E6)"


def test_no_actual_time_sheet_when_the_schedule_is_paid_and_nothing_was_recorded(
    rated: Workspace, tmp_path: Path
) -> None:
    centre = rated
    apply_edits(centre, [CellEdit("AG001", d, "9-17/30") for d in WORKED])
    path = tmp_path / "pay.xlsx"
    export_payroll(centre, date(2025, 12, 21), date(2026, 1, 3), path)
    assert "Actual time" not in openpyxl.load_workbook(path).sheetnames


def test_timesheets_print_scheduled_and_actual_and_sign_off_actual_hours(
    actual_centre: Workspace, tmp_path: Path
) -> None:
    """The PDF shows the plan and what happened side by side, each exception with how it was
    resolved, the holiday pay withheld and, since the site pays actual time, the hours signed for."""
    import pypdf

    from deskwfm.services.timesheets import print_timesheets

    target = tmp_path / "ts.pdf"
    print_timesheets(
        actual_centre, date(2025, 12, 21), date(2026, 1, 3), target=target, employee_codes=["AG001"]
    )
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(target).pages)
    flat = " ".join(text.split())
    assert "Scheduled and actual" in flat
    assert "Tue 2025-12-23 09:00-17:00/30 09:30-17:00/30 LATE 7.50 7.00" in flat
    assert "late by 30 min (scheduled 09:00): coded LATE (reasonable cause)" in flat
    assert "no-show: scheduled from 09:00, nothing recorded: open, blocks approval" in flat
    assert "no public holiday pay (ESA s.26(2))" in flat
    assert "Signing confirms the actual hours worked shown above: 22.67 h" in flat


def test_timesheets_of_a_site_paying_the_schedule_with_nothing_recorded_are_unchanged(
    rated: Workspace, tmp_path: Path
) -> None:
    import pypdf

    from deskwfm.services.timesheets import print_timesheets

    apply_edits(rated, [CellEdit("AG001", d, "9-17/30") for d in WORKED])
    target = tmp_path / "ts.pdf"
    print_timesheets(rated, date(2025, 12, 21), date(2026, 1, 3), target=target, employee_codes=["AG001"])
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(target).pages)
    assert "Scheduled and actual" not in text and "Signing confirms" not in text
