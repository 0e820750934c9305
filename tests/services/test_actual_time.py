"""Actual time end to end through the services: import a realistic login/logout export, confirm,
code, reconcile; exceptions block approval until resolved; every change audited and refused in a
locked period; payroll on the actual basis."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from deskwfm.core.actual import Segment, Source
from deskwfm.core.errors import InputError
from deskwfm.core.exceptions import ExceptionKind
from deskwfm.core.locks import PeriodLockedError
from deskwfm.core.timekeeping import PayBasis
from deskwfm.services import periods
from deskwfm.services.actual import (
    ActualEdit,
    actual_day_cells,
    confirm_as_scheduled,
    confirm_range,
    delete_absence_code,
    edit_actual,
    set_actual,
)
from deskwfm.services.actual_import import apply_actual_import, import_actual, plan_actual_import
from deskwfm.services.employees import set_login_id
from deskwfm.services.exceptions import adherence_between, exceptions_between
from deskwfm.services.payroll import run_payroll
from deskwfm.services.schedule import CellEdit, apply_edits
from deskwfm.services.site import get_site, save_site
from deskwfm.services.workspace import Workspace

START, END = date(2026, 11, 8), date(2026, 11, 21)  # a pay period of the default site
MON = date(2026, 11, 16)
DAYS = [MON + timedelta(days=i) for i in range(5)]
AFTER = int(datetime(2026, 12, 1).timestamp()) // 60  # "now": every shift here is over


@pytest.fixture
def centre_actual(centre: Workspace) -> Workspace:
    """AG001 on days 9-17/30 Mon-Fri, AG002 on nights 22-6:30/30 Mon-Fri; pays actual time;
    login IDs as the phone system knows them."""
    site = get_site(centre)
    save_site(centre, site.with_changes(timekeeping=site.timekeeping.with_changes(pay_basis=PayBasis.ACTUAL)))
    apply_edits(
        centre,
        [CellEdit("AG001", d, "9-17/30") for d in DAYS] + [CellEdit("AG002", d, "22-6:30/30") for d in DAYS],
    )
    set_login_id(centre, "AG001", "4711")
    set_login_id(centre, "AG002", "JWang@acme.com")
    return centre


REPORT = (
    "Agent Login-Logout Report\n"
    "Generated 11/23/2026 07:00 AM\n"
    "\n"
    "AGENT,AGENT NAME,LOGIN TIMESTAMP,LOGOUT TIMESTAMP,LOGIN TIME\n"
    # Monday: a 1.5-minute re-login joins, the lunch stays a gap
    "4711,Zoe Cote,11/16/2026 08:58:41 AM,11/16/2026 10:30:02 AM,1:31:21\n"
    "4711,Zoe Cote,11/16/2026 10:31:30 AM,11/16/2026 12:45:00 PM,2:13:30\n"
    "4711,Zoe Cote,11/16/2026 01:15:10 PM,11/16/2026 05:03:59 PM,3:48:49\n"
    # Monday night, logged in again after midnight: still Monday's shift
    "jwang@acme.com,Fang Wang,11/16/2026 09:57:00 PM,11/16/2026 11:58:00 PM,2:01:00\n"
    "jwang@acme.com,Fang Wang,11/17/2026 12:07:00 AM,11/17/2026 06:31:00 AM,6:24:00\n"
    ",,,,\n"
    # Tuesday: 12 minutes late
    "4711,Zoe Cote,11/17/2026 09:12:00 AM,11/17/2026 12:45:00 PM,3:33:00\n"
    "4711,Zoe Cote,11/17/2026 01:15:00 PM,11/17/2026 05:00:00 PM,3:45:00\n"
    # Tuesday night: no logout recorded
    "jwang@acme.com,Fang Wang,11/17/2026 09:58:00 PM,,\n"
    "Total,,,,20:14:40\n"
)


def report(tmp_path: Path, text: str = REPORT, name: str = "agents.csv") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_a_realistic_export_imports_with_midnight_sessions_and_short_gaps(
    centre_actual: Workspace, tmp_path: Path
) -> None:
    plan = import_actual(centre_actual, report(tmp_path))
    assert plan.ok and (plan.new, plan.changed, plan.kept, plan.skipped_rows) == (4, 0, 0, 1)
    days = {(d.employee_code, d.work_date): d for d in centre_actual.store.actual_between(MON, DAYS[-1])}
    assert days[("AG001", MON)].segments == (Segment(538, 765), Segment(795, 1023))
    assert days[("AG002", MON)].segments == (
        Segment(21 * 60 + 57, 23 * 60 + 58),
        Segment(24 * 60 + 7, 30 * 60 + 31),
    )
    assert days[("AG002", DAYS[1])].segments == (Segment(21 * 60 + 58, None),)
    assert {(d.source, d.source_detail) for d in days.values()} == {(Source.IMPORT, "agents.csv")}
    kinds = {
        (e.employee_code, e.work_date, e.kind)
        for e in exceptions_between(centre_actual, MON, DAYS[1], now=AFTER).exceptions
    }
    assert kinds == {
        ("AG001", DAYS[1], ExceptionKind.LATE),
        ("AG002", MON, ExceptionKind.UNSCHEDULED_OVERTIME),  # 8.42 h worked for 8 scheduled
        ("AG002", DAYS[1], ExceptionKind.MISSING_LOGOUT),
    }


def test_importing_the_same_file_again_changes_nothing(centre_actual: Workspace, tmp_path: Path) -> None:
    path = report(tmp_path)
    import_actual(centre_actual, path)
    audit_rows, stamp = len(centre_actual.store.audit_entries()), centre_actual.change_stamp()
    again = import_actual(centre_actual, path)
    assert (again.new, again.changed, again.unchanged) == (0, 0, 4)
    assert len(centre_actual.store.audit_entries()) == audit_rows and centre_actual.change_stamp() == stamp


def test_a_dry_run_writes_nothing(centre_actual: Workspace, tmp_path: Path) -> None:
    plan = import_actual(centre_actual, report(tmp_path), dry_run=True)
    assert plan.new == 4 and centre_actual.store.actual_between(MON, DAYS[-1]) == []


def test_a_night_split_across_two_reports_comes_together(centre_actual: Workspace, tmp_path: Path) -> None:
    head = "AGENT,LOGIN TIMESTAMP,LOGOUT TIMESTAMP\n"
    first = report(tmp_path, head + "jwang@acme.com,11/18/2026 09:59 PM,11/18/2026 11:59 PM\n", "week1.csv")
    second = report(tmp_path, head + "jwang@acme.com,11/19/2026 12:00 AM,11/19/2026 06:30 AM\n", "week2.csv")
    import_actual(centre_actual, first)
    plan = import_actual(centre_actual, second)
    assert plan.changed == 1
    [night] = centre_actual.store.actual_between(DAYS[2], DAYS[2], ["AG002"])
    assert night.segments == (Segment(21 * 60 + 59, 30 * 60 + 30),)  # the 1-minute gap joined
    assert night.source_detail == "week1.csv; week2.csv"


def test_unknown_ids_reversed_and_overlapping_sessions_are_located_and_nothing_is_written(
    centre_actual: Workspace, tmp_path: Path
) -> None:
    bad = report(
        tmp_path,
        (
            "Login ID,Login Time,Logout Time\n"
            "9999,11/16/2026 09:00:00,11/16/2026 17:00:00\n"
            "4711,11/16/2026 09:00:00,11/16/2026 12:00:00\n"
            "4711,11/16/2026 11:30:00,11/16/2026 17:00:00\n"
            "jwang@acme.com,11/16/2026 22:00:00,11/16/2026 21:00:00\n"
            "9999,11/17/2026 09:00:00,11/17/2026 17:00:00\n"
        ),
        "bad.csv",
    )
    plan = import_actual(centre_actual, bad)
    assert [str(p) for p in plan.problems] == [
        'bad.csv!A2: no employee has the login ID "9999" (2 rows); give it to one with: deskwfm employee '
        "login-id CODE 9999",
        "bad.csv!B4: this session (login 2026-11-16 11:30) overlaps the one before it "
        "(login 2026-11-16 09:00, logout 2026-11-16 12:00)",
        "bad.csv!C5: the logout (2026-11-16 21:00) is before the login (2026-11-16 22:00)",
    ]
    assert centre_actual.store.actual_between(MON, DAYS[-1]) == []


def test_days_entered_by_hand_are_kept_by_an_import(centre_actual: Workspace, tmp_path: Path) -> None:
    set_actual(centre_actual, "AG001", MON, "SICK")
    plan = import_actual(centre_actual, report(tmp_path))
    assert plan.kept == 1
    [day] = centre_actual.store.actual_between(MON, MON, ["AG001"])
    assert (day.absence, day.segments, day.source) == ("SICK", (), Source.TYPED)


def test_confirm_as_scheduled_fills_only_scheduled_days_with_nothing_recorded(
    centre_actual: Workspace,
) -> None:
    set_actual(centre_actual, "AG001", MON, "9:30-17:00/30")
    result = confirm_range(centre_actual, MON, DAYS[1] + timedelta(days=5))
    # AG001 Tue-Fri and AG002 Mon-Fri; AG001's Monday is kept; the weekend and AG003 have no shift
    assert len(result.confirmed) == 9 and result.kept == [("AG001", MON)]
    cells = actual_day_cells(centre_actual, MON, DAYS[-1], now=AFTER)
    assert cells[("AG001", DAYS[1])].text == "09:00-12:45,13:15-17:00"  # the schedule's centred break
    assert cells[("AG002", DAYS[1])].text == "22:00-02:00,02:30-06:30"
    assert cells[("AG001", DAYS[1])].worked_minutes == cells[("AG001", DAYS[1])].scheduled_minutes == 450
    assert cells[("AG001", MON)].variance_minutes == -30
    again = confirm_as_scheduled(centre_actual, [("AG001", DAYS[1]), ("AG003", MON)])
    assert (again.confirmed, again.kept, again.not_scheduled) == ([], [("AG001", DAYS[1])], 1)


def test_exceptions_block_approval_until_resolved(centre_actual: Workspace) -> None:
    # A whole week worked except a no-show on Wednesday and a missing logout on Thursday night.
    edit_actual(
        centre_actual,
        [ActualEdit("AG001", d, "9-17/30") for d in DAYS if d != DAYS[2]]
        + [ActualEdit("AG002", d, "22-6:30/30") for d in DAYS if d != DAYS[3]]
        + [ActualEdit("AG002", DAYS[3], "21:58-")],
    )
    with pytest.raises(InputError) as refused:
        periods.approve(centre_actual, START)
    assert str(refused.value).startswith(
        "2 employees have unresolved critical exceptions (AG001, AG002), "
        "such as AG001 Wed 2026-11-18: no-show"
    )
    with pytest.raises(InputError, match="1 employee has unresolved critical exceptions .AG002."):
        periods.approve(centre_actual, START, ["AG002"])
    set_actual(centre_actual, "AG001", DAYS[2], "SICK")  # coded: resolved
    set_actual(centre_actual, "AG002", DAYS[3], "21:58-6:29")  # corrected: resolved
    done = periods.approve(centre_actual, START)
    assert {a.employee_code for a in done} == {"AG001", "AG002", "AG003"}


def test_a_critical_exception_also_stops_the_lock(centre_actual: Workspace) -> None:
    confirm_range(centre_actual, START, END)
    periods.approve(centre_actual, START)
    # approvals stand; now a day is cleared (AG003 has no shifts and stays approved)
    set_actual(centre_actual, "AG001", MON, "")
    with pytest.raises(InputError, match="unresolved critical exceptions .AG001."):
        periods.lock(centre_actual, START)


def test_under_the_schedule_basis_exceptions_never_block(centre: Workspace) -> None:
    apply_edits(centre, [CellEdit("AG001", d, "9-17/30") for d in DAYS])
    assert len(exceptions_between(centre, START, END, now=AFTER).blocking) == 5
    assert len(periods.approve(centre, START)) == 3


def test_every_actual_time_change_is_audited_one_row_per_day(
    centre_actual: Workspace, tmp_path: Path
) -> None:
    set_actual(centre_actual, "AG001", MON, "LATE 9:20-17:00/30", note="bus")
    confirm_as_scheduled(centre_actual, [("AG001", DAYS[1]), ("AG001", DAYS[2])])
    import_actual(centre_actual, report(tmp_path))  # AG001 Mon kept; AG002 Mon, Tue new
    rows = [e for e in centre_actual.store.audit_entries() if e.entity == "actual"]
    assert [(e.how, e.employee, e.day) for e in reversed(rows)] == [
        ("command line", "AG001", MON),
        ("confirmed as scheduled", "AG001", DAYS[1]),
        ("confirmed as scheduled", "AG001", DAYS[2]),
        ("actual time import", "AG002", MON),
        ("actual time import", "AG002", DAYS[1]),
    ]
    assert rows[-1].after_value == {"entry": "09:20-17:00/30 LATE", "note": "bus", "source": "typed"}
    assert centre_actual.store.verify_audit().ok


def test_actual_time_in_a_locked_period_is_refused(centre_actual: Workspace, tmp_path: Path) -> None:
    confirm_range(centre_actual, START, END)
    periods.approve(centre_actual, START)
    periods.lock(centre_actual, START)
    with pytest.raises(PeriodLockedError, match="2026-11-08 to 2026-11-21 is locked"):
        set_actual(centre_actual, "AG001", MON, "9:30-17:00/30")
    with pytest.raises(PeriodLockedError):
        edit_actual(centre_actual, [ActualEdit("AG003", MON, "SICK")])
    plan = plan_actual_import(
        centre_actual,
        report(
            tmp_path,
            ("Login ID,Login Time,Logout Time\n4711,11/21/2026 10:00 PM,11/22/2026 02:00 AM\n"),
            "late.csv",
        ),
    )
    assert plan.locked is not None and "is locked" in str(plan.locked)
    with pytest.raises(InputError, match="is locked"):
        apply_actual_import(centre_actual, plan)
    assert centre_actual.store.actual_between(date(2026, 11, 21), date(2026, 11, 21)) == []


def test_payroll_on_the_actual_basis_follows_recorded_time(centre_actual: Workspace) -> None:
    """AG001, $20/h, Ontario: Mon 8:58-17:03/30 (455 min), Tue SICKP (paid: 450 min leave),
    Wed nothing (no-show, unpaid), Thu 9:00-12:00,12:30-19:00 (570 min), Fri 9-17/30 (450 min):
    1,475 min x $20 / 60 = $491.67 regular + $150.00 leave = $641.67."""
    edit_actual(
        centre_actual,
        [
            ActualEdit("AG001", DAYS[0], "8:58-17:03/30"),
            ActualEdit("AG001", DAYS[1], "SICKP"),
            ActualEdit("AG001", DAYS[3], "9:00-12:00,12:30-19:00"),
            ActualEdit("AG001", DAYS[4], "9-17/30"),
        ],
    )
    [pay] = run_payroll(centre_actual, START, END, employee_codes=["AG001"]).employees
    assert (pay.minutes.regular, pay.minutes.leave, pay.gross) == (1475, 450, Decimal("641.67"))


def test_a_change_of_actual_time_clears_the_approval_it_alters(centre_actual: Workspace) -> None:
    confirm_range(centre_actual, START, END)
    periods.approve(centre_actual, START)
    set_actual(centre_actual, "AG001", MON, "9:00-17:00/30", note="as scheduled")  # same pay: kept
    assert {a.employee_code for a in centre_actual.store.approvals([START])} == {"AG001", "AG002", "AG003"}
    set_actual(centre_actual, "AG001", MON, "9:00-18:00/30")  # an hour more: cleared
    assert {a.employee_code for a in centre_actual.store.approvals([START])} == {"AG002", "AG003"}


def test_an_absence_code_in_use_cannot_be_removed(centre_actual: Workspace) -> None:
    set_actual(centre_actual, "AG001", MON, "PERS")
    with pytest.raises(InputError, match="absence code PERS is recorded on 1 day"):
        delete_absence_code(centre_actual, "PERS")
    delete_absence_code(centre_actual, "BRV")
    assert "BRV" not in {c.code for c in centre_actual.store.absence_codes()}


def test_a_bad_entry_names_the_cell_and_writes_nothing(centre_actual: Workspace) -> None:
    with pytest.raises(InputError) as err:
        edit_actual(centre_actual, [ActualEdit("AG001", MON, "9-17"), ActualEdit("AG001", DAYS[1], "9-25")])
    assert str(err.value) == (
        'AG001 Tue 2026-11-17: "9-25": "25" is not a time; write worked times like 8:58-17:03 or '
        "8:58-12:01,12:33-17:03"
    )
    assert centre_actual.store.actual_between(MON, DAYS[-1]) == []
    with pytest.raises(InputError, match="02:30 does not exist on 2026-03-08"):
        set_actual(centre_actual, "AG001", date(2026, 3, 7), "22:00-2:30")


def test_login_ids_are_unique_ignoring_case(centre_actual: Workspace) -> None:
    with pytest.raises(InputError, match="login ID: jwang@ACME.com already belongs to AG002"):
        set_login_id(centre_actual, "AG003", "jwang@ACME.com")


def test_adherence_per_agent_and_team(centre_actual: Workspace) -> None:
    edit_actual(
        centre_actual,
        [ActualEdit("AG001", d, "9-17/30") for d in DAYS[:4]]
        + [ActualEdit("AG001", DAYS[4], "9:45-12:45,13:15-17:00")],
    )
    report_ = adherence_between(centre_actual, MON, DAYS[-1], team="Billing", now=AFTER)
    a = report_.employees["AG001"]
    assert (a.scheduled, a.late) == (5 * 450, 1) and a.adhered == 5 * 450 - 45
    assert report_.teams["Billing"] == a  # AG003 has nothing scheduled


def test_the_template_carries_login_ids_into_the_program(centre: Workspace, tmp_path: Path) -> None:
    """The Employees sheet's Login ID column sets the IDs an actual-time import matches; two
    employees given one ID (case ignored) is a located problem; a blank cell keeps what is stored."""
    from deskwfm.files.xlsx_template import write_template
    from deskwfm.services.excel_import import import_workbook
    from tests.files.test_xlsx_builders import workbook

    template = tmp_path / "template.xlsx"
    write_template(template)
    import openpyxl

    assert "Login ID" in [c.value for c in openpyxl.load_workbook(template)["Employees"][1]]
    header = ["Code", "Name", "Login ID"]
    good = workbook(
        tmp_path / "ids.xlsx",
        {"Employees": [header, ["AG001", "Zoë Côté", 4711], ["AG002", "王芳", "jwang@acme.com"]]},
    )
    plan = import_workbook(centre, good)
    assert plan.ok, [str(p) for p in plan.problems]
    assert {e.code: e.login_id for e in centre.store.list_employees()} == {
        "AG001": "4711",
        "AG002": "jwang@acme.com",
        "AG003": "",
    }
    clash = workbook(
        tmp_path / "clash.xlsx", {"Employees": [header, ["AG003", "Nguyễn Thị Hương", "JWANG@acme.com"]]}
    )
    assert [str(p) for p in import_workbook(centre, clash).problems] == [
        "Employees!A2: login ID JWANG@acme.com is also AG002's"
    ]
    keep = workbook(tmp_path / "keep.xlsx", {"Employees": [header, ["AG001", "Zoë Côté"]]})
    assert import_workbook(centre, keep).ok
    assert centre.store.get_employee("AG001").login_id == "4711"
