"""The totals beside the grid in the Actual and Variance views, driven like a payroll clerk:
actual time typed, confirmed, undone and imported shows in the row's Worked h and Gross, which
match ``deskwfm payroll --json`` for the same employee and week when the site pays actual time;
the Schedule view keeps the plan's figures; a site paying the schedule shows worked hours as
recorded beside the scheduled pay, and the headings say which is which."""

from __future__ import annotations

import json
import threading
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from deskwfm.cli.main import main as cli
from deskwfm.core.i18n import format_money
from deskwfm.core.timekeeping import PayBasis
from deskwfm.gui.grid_mode import GridMode
from deskwfm.services.actual import confirm_range, set_actual
from deskwfm.services.schedule import CellEdit, apply_edits
from deskwfm.services.site import get_site, save_site
from deskwfm.services.workspace import Workspace
from tests.gui.conftest import MON
from tests.gui.grid_helpers import Totals, go_to, row_totals, select, sheet_totals, type_entry
from tests.gui.test_actual_import_dialog import UCCX, click, import_from_menu, login_ids

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")
CTRL = Qt.KeyboardModifier.ControlModifier
TUE, WED, THU, FRI = (MON + timedelta(days=i) for i in range(1, 5))
SUN, SAT = MON - timedelta(days=1), MON + timedelta(days=5)  # the week shown
# The plan of AG001 and AG002 (conftest): Mon-Fri 9-17 at $20.00/h, 40 h and $800.00 a week.
PLANNED = Totals("40.00", "", "40.00", "", "$800.00")


def pay_basis(ws: Workspace, basis: PayBasis) -> None:
    site = get_site(ws)
    save_site(ws, site.with_changes(timekeeping=site.timekeeping.with_changes(pay_basis=basis)))


def payroll(
    capsys: pytest.CaptureFixture[str], db: Path, code: str | None = None, week: date = SUN
) -> dict[str, Any]:
    """``deskwfm payroll --json`` over a week (the test week): one employee's row, or the totals."""
    capsys.readouterr()
    last = week + timedelta(days=6)
    argv = ["--db", str(db), "payroll", "--from", week.isoformat(), "--to", last.isoformat(), "--json"]
    assert cli(argv + (["--employee", code] if code else [])) == 0
    doc = json.loads(capsys.readouterr().out)
    if code is None:
        totals: dict[str, Any] = doc["totals"]
        return totals
    row: dict[str, Any] = doc["employees"][0]
    assert row["code"] == code
    return row


def as_shown(row: dict[str, Any]) -> tuple[str, str, str]:
    """Worked h, OT h and Gross of a payroll row, as the grid's totals write them."""
    worked = sum(Decimal(row[k]) for k in ("regular_hours", "overtime_hours", "double_time_hours",
                                           "holiday_hours"))
    ot = Decimal(row["overtime_hours"]) + Decimal(row["double_time_hours"])
    return f"{worked:.2f}", f"{ot:.2f}" if ot else "", format_money(Decimal(row["gross_pay"]))


def totals_in(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Wait for the totals beside the grid to be shown (pricing actual time reads the weeks
    around the range on a worker first; the cells are blank until then)."""
    qtbot.waitUntil(lambda: row_totals(window, "AG001").worked is not None, timeout=10_000)


def shown_pay(window, code: str) -> tuple[str, str, str]:  # type: ignore[no-untyped-def]
    t = row_totals(window, code)
    return t.worked, t.ot, t.gross


def headings(window) -> list[str]:  # type: ignore[no-untyped-def]
    m = window.session.totals_model
    return [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]


def press(qtbot, window, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window.grid.table, key, modifier)


def test_typed_and_confirmed_actual_time_is_priced_as_payroll_pays_it(
    qtbot, window, centre, capsys, after_the_week
) -> None:
    ws = window.session.ws
    pay_basis(ws, PayBasis.ACTUAL)
    set_actual(ws, "AG001", MON, "8:57-17:03")  # 8.10 h
    window.session.reload()
    assert row_totals(window, "AG001") == PLANNED  # the Schedule view: the plan
    assert "actual" not in " ".join(headings(window))

    window.activateWindow()
    press(qtbot, window, Qt.Key.Key_F7)
    assert window.session.mode is GridMode.ACTUAL
    assert all("actual" in h for h in headings(window))  # which time the totals add up
    totals_in(qtbot, window)
    # Monday only so far: Tue-Fri are no-shows, paid nothing under the actual basis
    assert shown_pay(window, "AG001") == as_shown(payroll(capsys, centre, "AG001"))
    assert row_totals(window, "AG001").worked == "8.10"

    # two long days typed, then Thursday and Friday confirmed as scheduled: 48.10 h, overtime
    go_to(window, "AG001", TUE)
    type_entry(qtbot, window, "7-19")
    go_to(window, "AG001", WED)
    type_entry(qtbot, window, "7-19")
    assert row_totals(window, "AG001").worked == "32.10"
    assert shown_pay(window, "AG001") == as_shown(payroll(capsys, centre, "AG001"))
    select(window, ("AG001", THU), ("AG001", FRI))
    press(qtbot, window, Qt.Key.Key_K, CTRL)
    expected = as_shown(payroll(capsys, centre, "AG001"))
    assert expected[0] == "48.10" and expected[1]  # the engine found overtime in the week
    assert shown_pay(window, "AG001") == expected
    assert sheet_totals(qtbot, window).gross == format_money(Decimal(payroll(capsys, centre)["gross_pay"]))

    # the Variance view adds up the same; undoing the confirmation takes its pay back out
    press(qtbot, window, Qt.Key.Key_F8)
    assert shown_pay(window, "AG001") == expected
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert row_totals(window, "AG001").worked == "32.10"
    assert shown_pay(window, "AG001") == as_shown(payroll(capsys, centre, "AG001"))

    # back to the plan: the schedule's figures and headings, whatever was recorded
    press(qtbot, window, Qt.Key.Key_F6)
    assert row_totals(window, "AG001") == PLANNED
    assert "actual" not in " ".join(headings(window))
    assert sheet_totals(qtbot, window).gross == "$1,600.00"  # AG001 and AG002 as planned


def test_imported_actual_time_shows_in_the_totals_at_once(
    qtbot, window, centre, monkeypatch, tmp_path, capsys, after_the_week
) -> None:
    pay_basis(window.session.ws, PayBasis.ACTUAL)
    login_ids(centre)
    window.mode_bar.mode_actions[GridMode.ACTUAL].trigger()
    totals_in(qtbot, window)
    assert row_totals(window, "AG002").worked == "0.00"  # nothing recorded yet: no pay
    report = tmp_path / "uccx.csv"
    report.write_text(UCCX, encoding="utf-8")
    import_from_menu(qtbot, window, monkeypatch, report, [lambda dlg: click(qtbot, dlg.import_button)])
    assert window.session.mode is GridMode.ACTUAL
    totals_in(qtbot, window)  # the window reloaded after the import
    for code in ("AG001", "AG002"):  # AG002: 9:20-17:00 and 8:59-17:01
        assert shown_pay(window, code) == as_shown(payroll(capsys, centre, code))
    assert row_totals(window, "AG002").worked == "15.70"


def test_a_site_paying_the_schedule_shows_hours_worked_beside_the_scheduled_pay(
    qtbot, window, centre, capsys, after_the_week
) -> None:
    set_actual(window.session.ws, "AG001", MON, "8:57-17:03")
    window.session.reload()
    window.mode_bar.mode_actions[GridMode.ACTUAL].trigger()
    t = row_totals(window, "AG001")
    assert t == Totals("8.10", "", "40.00", "", "$800.00")  # worked as recorded, paid as planned
    assert t.gross == as_shown(payroll(capsys, centre, "AG001"))[2]  # what payroll pays
    heads = headings(window)
    assert "actual" in heads[0] and all("sched" in h for h in heads[1:])
    tip = window.session.totals_model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "scheduled 40.00 h" in tip and "the site pays the schedule" in tip

    go_to(window, "AG001", TUE)
    type_entry(qtbot, window, "9-18")
    assert row_totals(window, "AG001") == Totals("17.10", "", "40.00", "", "$800.00")
    window.mode_bar.mode_actions[GridMode.SCHEDULE].trigger()
    assert row_totals(window, "AG001") == PLANNED


CHRISTMAS_WEEK = date(2026, 12, 20)  # Sun 20 - Sat 26 Dec: Christmas Day (Fri) and Boxing Day (Sat)
AFTER_NEW_YEAR = int(datetime(2027, 1, 5, 12, tzinfo=UTC).timestamp()) // 60


def test_holiday_pay_follows_the_days_around_it_outside_the_week_shown(
    qtbot, window, centre, capsys, monkeypatch
) -> None:
    """Ontario public holiday pay (ESA 2000 s.24: a fifth of the wages of the four work weeks
    before; s.26(2): lost by failing without reasonable cause to work all of the first regularly
    scheduled day after) reads actual time of the weeks before and after the week shown."""
    for module in ("deskwfm.services.actual", "deskwfm.gui.actual_state"):
        monkeypatch.setattr(f"{module}.now_minutes", lambda: AFTER_NEW_YEAR)
    ws = window.session.ws
    pay_basis(ws, PayBasis.ACTUAL)
    weekdays = [MON + timedelta(days=d) for d in range(7, 40) if (MON + timedelta(days=d)).weekday() < 5]
    apply_edits(ws, [CellEdit("AG001", d, "9-17") for d in weekdays if d != date(2026, 12, 25)])
    confirm_range(ws, MON, date(2026, 12, 24), employee_codes=["AG001"])  # worked as planned
    window.activateWindow()
    for _ in range(4):  # the week of Christmas
        press(qtbot, window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.session.state.days[0] == CHRISTMAS_WEEK
    press(qtbot, window, Qt.Key.Key_F7)
    totals_in(qtbot, window)

    # Mon 28 Dec, the first scheduled day after, is a no-show (nothing recorded): no holiday pay
    lost = payroll(capsys, centre, "AG001", CHRISTMAS_WEEK)
    assert Decimal(lost["holiday_pay"]) == 0
    assert shown_pay(window, "AG001") == as_shown(lost)

    # recorded as worked after all (on another workstation): the pay is back, in the grid too
    set_actual(ws, "AG001", date(2026, 12, 28), "9-17")
    window.session.reload()
    totals_in(qtbot, window)
    paid = payroll(capsys, centre, "AG001", CHRISTMAS_WEEK)
    assert Decimal(paid["holiday_pay"]) > 0
    assert shown_pay(window, "AG001") == as_shown(paid) != as_shown(lost)


def test_the_grid_can_be_used_while_the_weeks_around_it_are_read(
    qtbot, window, centre, capsys, monkeypatch, after_the_week
) -> None:
    import deskwfm.services.actual_pay as actual_pay

    pay_basis(window.session.ws, PayBasis.ACTUAL)
    window.session.reload()
    release = threading.Event()
    real = actual_pay.actual_pay_inputs

    def slow(*args: Any, **kw: Any) -> Any:
        release.wait(10)
        return real(*args, **kw)

    monkeypatch.setattr(actual_pay, "actual_pay_inputs", slow)
    window.mode_bar.mode_actions[GridMode.ACTUAL].trigger()
    assert row_totals(window, "AG001") == Totals(None, None, None, None, None)  # not priced yet
    go_to(window, "AG001", MON)
    type_entry(qtbot, window, "8:57-17:03")  # the cells take entries meanwhile
    release.set()
    totals_in(qtbot, window)
    assert row_totals(window, "AG001").worked == "8.10"
    assert shown_pay(window, "AG001") == as_shown(payroll(capsys, centre, "AG001"))


def test_when_the_weeks_around_it_cannot_be_read_the_totals_stay_the_plans(
    qtbot, window, monkeypatch, after_the_week
) -> None:
    import deskwfm.services.actual_pay as actual_pay
    from deskwfm.core.errors import DeskwfmError
    from deskwfm.core.messages import msg

    def unreachable(*_args: Any, **_kw: Any) -> Any:
        raise DeskwfmError(msg("the database server does not answer"))

    pay_basis(window.session.ws, PayBasis.ACTUAL)
    window.session.reload()
    monkeypatch.setattr(actual_pay, "actual_pay_inputs", unreachable)
    shown_errors: list[str] = []
    monkeypatch.setattr(window, "show_error", shown_errors.append)
    window.mode_bar.mode_actions[GridMode.ACTUAL].trigger()
    qtbot.waitUntil(lambda: bool(shown_errors))
    assert shown_errors == ["the database server does not answer"]
    assert row_totals(window, "AG001") == PLANNED  # said to be the plan's, in plain headings
    assert "actual" not in " ".join(headings(window))


def test_the_plans_night_from_the_day_before_is_not_claimed_by_the_actual_totals(
    qtbot, window, centre, capsys, after_the_week
) -> None:
    ws = window.session.ws
    pay_basis(ws, PayBasis.ACTUAL)
    apply_edits(ws, [CellEdit("AG003", SUN - timedelta(days=1), "22-6")])  # Sat night into Sunday
    set_actual(ws, "AG003", MON, "9-17")  # unscheduled work, paid under the actual basis
    window.session.reload()
    r = window.session.state.row_of["AG003"]
    tip = window.session.totals_model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "from the shift of the day before" in tip and row_totals(window, "AG003").worked == "6.00"
    window.mode_bar.mode_actions[GridMode.ACTUAL].trigger()
    totals_in(qtbot, window)
    tip = window.session.totals_model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "from the shift of the day before" not in tip  # nothing was recorded that night
    assert shown_pay(window, "AG003") == as_shown(payroll(capsys, centre, "AG003"))
    assert row_totals(window, "AG003").worked == "8.00"
