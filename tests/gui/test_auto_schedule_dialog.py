"""Schedule → Auto-schedule… through the real widgets (issue 15): the question, the run on a
worker with progress and Cancel, the proposal in the grid with new cells framed, its chart and
figures beside today's; Accept writes one change set and one undo step, Discard and Cancel write
nothing, and a cell filled meanwhile on another workstation refuses the whole proposal."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from deskwfm.core.changes import How
from deskwfm.core.forecast import ForecastInterval
from tests.gui.conftest import WEEK_OF

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")
SUN = date(2026, 11, 22)
SAT = SUN + timedelta(days=6)
SLOW_RUN = 120_000  # ms: a generous guard for one short run on a busy 2-core machine


@pytest.fixture
def busy_centre(centre: Path) -> Path:
    """Three agents needed 10:00-16:00 every day of the week; two work Mon-Fri 9-17."""
    from deskwfm.services.forecast import store_forecast
    from deskwfm.services.workspace import Workspace

    ws = Workspace.open(centre)
    try:
        store_forecast(ws, SUN, SAT, [ForecastInterval(SUN + timedelta(days=k), m, 3, 300)
                                      for k in range(7) for m in range(600, 960, 30)])
    finally:
        ws.close()
    return centre


@pytest.fixture
def win(qtbot, busy_centre: Path) -> Iterator[object]:
    from deskwfm.gui.main_window import MainWindow
    from deskwfm.gui.view_range import ViewKind
    from deskwfm.services.workspace import Workspace

    ws = Workspace.open(busy_centre)
    w = MainWindow(ws, ViewKind.WEEK, WEEK_OF)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    ws.close()


def _keys_to_grid(qtbot, w) -> None:  # type: ignore[no-untyped-def]
    """A shortcut needs its window active (again, after a dialog)."""
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    w.grid.table.setFocus()


def _open_dialog(qtbot, w):  # type: ignore[no-untyped-def]
    from deskwfm.gui.auto_schedule_dialog import AutoScheduleDialog

    _keys_to_grid(qtbot, w)
    qtbot.keyClick(w.grid.table, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), AutoScheduleDialog))
    return QApplication.activeModalWidget()


def _set_spin(qtbot, spin, value: int) -> None:  # type: ignore[no-untyped-def]
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))


def _run(qtbot, dlg, seconds: int = 2) -> None:  # type: ignore[no-untyped-def]
    _set_spin(qtbot, dlg.seconds_spin, seconds)
    qtbot.mouseClick(dlg.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.job is not None and dlg.job.done, timeout=SLOW_RUN)


def _stored(path: Path) -> dict[tuple[str, date], str]:
    from deskwfm.core.entry import shift_text
    from deskwfm.services.workspace import Workspace

    ws = Workspace.open(path)
    try:
        return {(s.employee_code, s.work_date): shift_text(s) for s in ws.store.shifts_between(SUN, SAT)}
    finally:
        ws.close()


def test_the_dialog_starts_on_the_range_on_screen_and_the_team_filter(qtbot, win) -> None:
    combo = win.team_filter
    combo.activated.emit(combo.findData("Green"))  # the window shows team Green
    dlg = _open_dialog(qtbot, win)
    req = dlg.request()
    assert (req.start, req.end, req.team, req.seconds, req.seed) == (SUN, SAT, "Green", 30, 1)
    teams = [dlg.team_combo.itemText(i) for i in range(dlg.team_combo.count())]
    assert teams == ["All teams", "Blue", "Green"]
    qtbot.mouseClick(dlg.close_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible()


def test_a_proposal_is_shown_framed_then_accepted_as_one_undo_step(qtbot, win, busy_centre: Path) -> None:
    from deskwfm.gui.proposal_view import NEW_FRAME

    before = _stored(busy_centre)
    dlg = _open_dialog(qtbot, win)
    _run(qtbot, dlg)
    view = dlg.view
    assert view is not None and view.isVisible()
    auto = view.auto
    assert auto.shifts and _stored(busy_centre) == before  # nothing written yet
    new = {(s.employee_code, s.work_date) for s in auto.shifts}
    assert view.model.new == new and not new & set(before)  # only empty cells are filled
    # the proposed cells are in the grid, bold, said so, and framed in green
    code, day = sorted(new)[0]
    idx = view.model.index(view.state.row_of[code], view.state.col_of[day])
    assert idx.data() and idx.data(Qt.ItemDataRole.FontRole).bold()
    assert idx.data(Qt.ItemDataRole.ToolTipRole).startswith("Proposed (new)")
    image = view.table.viewport().grab().toImage()
    rect = view.table.visualRect(idx)
    assert image.pixelColor(rect.left() + 1, rect.center().y()) == NEW_FRAME
    # the figures beside today's: less short, the same warnings (none)
    f = view.figures
    assert float(f.text("short", 1)) < float(f.text("short", 0))
    assert f.text("warnings", 0) == f.text("warnings", 1) == "0"
    assert float(f.text("hours", 1)) > float(f.text("hours", 0))
    assert view.days_model.rowCount() == 7
    # the chart follows the proposal's current cell: Saturday, nobody today, someone proposed
    view.go_to_day(SAT)
    assert view.day_chart.before is not None and view.day_chart.curve is not None
    assert all(p.scheduled == 0 for p in view.day_chart.before.points)
    assert any(p.scheduled > 0 for p in view.day_chart.curve.points)
    # Accept: one change set, one undo step, the grid shows it
    qtbot.mouseClick(dlg.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg.isVisible())
    after = _stored(busy_centre)
    assert set(after) == set(before) | new
    st = win.session.state
    assert st.shift_at(st.row_of[code], st.col_of[day]) is not None
    assert win.session.undo_stack.count() == 1
    assert win.session.undo_stack.undoText() == f"Auto-schedule {len(new)} shifts"
    from deskwfm.services.workspace import Workspace

    ws = Workspace.open(busy_centre)
    try:
        assert len({e.batch for e in ws.store.audit_entries(how=How.AUTO_SCHEDULE.value)}) == 1
    finally:
        ws.close()
    _keys_to_grid(qtbot, win)
    qtbot.keyClick(win.grid.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _stored(busy_centre) == before)
    assert st is win.session.state and win.session.state.shift_at(st.row_of[code], st.col_of[day]) is None


def test_discard_writes_nothing(qtbot, win, busy_centre: Path) -> None:
    before = _stored(busy_centre)
    dlg = _open_dialog(qtbot, win)
    _run(qtbot, dlg)
    assert dlg.view is not None
    qtbot.mouseClick(dlg.discard_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg.isVisible())
    assert _stored(busy_centre) == before and win.session.undo_stack.count() == 0


def test_a_cell_filled_meanwhile_elsewhere_refuses_the_whole_proposal(qtbot, win, busy_centre: Path) -> None:
    from deskwfm.services.schedule import CellEdit, apply_edits
    from deskwfm.services.workspace import Workspace

    dlg = _open_dialog(qtbot, win)
    _run(qtbot, dlg)
    code, day = sorted(dlg.view.model.new)[0]
    other = Workspace.open(busy_centre)  # another workstation
    try:
        apply_edits(other, [CellEdit(code, day, "12-14")])
    finally:
        other.close()
    before = _stored(busy_centre)
    qtbot.mouseClick(dlg.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg.isVisible())
    assert _stored(busy_centre) == before  # the other cell only: no proposed shift was written
    assert win.session.undo_stack.count() == 0
    st = win.session.state
    qtbot.waitUntil(lambda: win.session.state.shift_at(st.row_of[code], st.col_of[day]) is not None)
    assert "Nothing was changed" in win.statusBar().currentMessage()


def test_a_bad_range_is_one_message_and_nothing_runs(qtbot, win) -> None:
    dlg = _open_dialog(qtbot, win)
    dlg.picker.set_range(SUN, SUN + timedelta(days=60))
    qtbot.mouseClick(dlg.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.message.is_error, timeout=SLOW_RUN)
    assert "at most 42 days" in dlg.message.text() and dlg.view is None
    qtbot.mouseClick(dlg.close_button, Qt.MouseButton.LeftButton)


def test_cancel_stops_a_long_run_and_writes_nothing(qtbot, tmp_path: Path) -> None:
    from deskwfm.core.site import SiteSettings
    from deskwfm.gui.main_window import MainWindow
    from deskwfm.gui.view_range import ViewKind
    from deskwfm.services.schedule import load_schedule
    from deskwfm.services.setup import init_database

    ws = init_database(tmp_path / "demo.sqlite3", SiteSettings(name="Demo"), demo=True)
    data = load_schedule(ws, WEEK_OF, WEEK_OF)
    w = MainWindow(ws, ViewKind.SIX_WEEKS, WEEK_OF)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    try:
        count = len(ws.store.shifts_between(data.load_from, data.load_to + timedelta(days=60)))
        dlg = _open_dialog(qtbot, w)
        _set_spin(qtbot, dlg.seconds_spin, 300)
        qtbot.mouseClick(dlg.run_button, Qt.MouseButton.LeftButton)
        job = dlg.job
        qtbot.waitUntil(lambda: job.dialog.isVisible(), timeout=SLOW_RUN)  # progress, with Cancel
        cancel = next(b for b in job.dialog.findChildren(QPushButton) if b.text() == "Cancel")
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: job.done, timeout=SLOW_RUN)
        assert dlg.message.text() == "Cancelled; nothing was written." and dlg.view is None
        assert len(ws.store.shifts_between(data.load_from, data.load_to + timedelta(days=60))) == count
        qtbot.mouseClick(dlg.close_button, Qt.MouseButton.LeftButton)
    finally:
        w.close()
        ws.close()


# ------------------------------------------------------------------ the bad paths a user meets


def _window(qtbot, path: Path):  # type: ignore[no-untyped-def]
    from deskwfm.gui.main_window import MainWindow
    from deskwfm.gui.view_range import ViewKind
    from deskwfm.services.workspace import Workspace

    ws = Workspace.open(path)
    w = MainWindow(ws, ViewKind.WEEK, WEEK_OF)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w, ws


def test_no_forecast_is_one_message_that_says_what_to_do(qtbot, centre: Path) -> None:
    w, ws = _window(qtbot, centre)
    try:
        before = _stored(centre)
        dlg = _open_dialog(qtbot, w)
        _run(qtbot, dlg)
        assert dlg.message.is_error and dlg.view is None
        said = dlg.message.text()
        assert said == "There is no call forecast for 2026-11-22 to 2026-11-28; import one first"
        assert dlg.picker.isVisible() and dlg.picker.height() >= dlg.picker.minimumSizeHint().height()
        assert _stored(centre) == before
        qtbot.mouseClick(dlg.close_button, Qt.MouseButton.LeftButton)
    finally:
        w.close()
        ws.close()


def test_everyone_away_proposes_nothing_and_says_why(qtbot, busy_centre: Path) -> None:
    from dataclasses import replace

    from deskwfm.core.availability import Availability, parse_dates
    from deskwfm.services.employees import list_employees, update_employee
    from deskwfm.services.workspace import Workspace

    ws = Workspace.open(busy_centre)
    try:
        away = Availability((), parse_dates(f"{SUN.isoformat()}..{SAT.isoformat()}"))
        for e in list_employees(ws):
            update_employee(ws, replace(e, availability=away))
    finally:
        ws.close()
    w, ws = _window(qtbot, busy_centre)
    try:
        before = _stored(busy_centre)
        dlg = _open_dialog(qtbot, w)
        _run(qtbot, dlg)
        assert not dlg.message.is_error and dlg.view is None
        assert dlg.message.text().startswith("Nothing to propose: no empty cell can take a shift")
        assert _stored(busy_centre) == before and w.session.undo_stack.count() == 0
    finally:
        w.close()
        ws.close()


def test_a_locked_pay_period_is_left_as_it_is(qtbot, busy_centre: Path) -> None:
    """The week's pay period is locked: the run may not fill a cell of it, and says why."""
    from deskwfm.services import periods
    from deskwfm.services.workspace import Workspace

    ws = Workspace.open(busy_centre)
    try:
        period = next(p for p in periods.list_periods(ws, SUN) if p.start <= SUN <= p.end)
        periods.approve(ws, period.start)
        periods.lock(ws, period.start)
    finally:
        ws.close()
    w, ws = _window(qtbot, busy_centre)
    try:
        dlg = _open_dialog(qtbot, w)
        _run(qtbot, dlg)
        assert dlg.view is None and dlg.message.text().startswith("Nothing to propose")
        assert "locked pay periods" in dlg.message.text()
    finally:
        w.close()
        ws.close()


def test_the_proposal_opens_on_its_first_new_cell_and_run_again_returns_to_the_question(
    qtbot, win, busy_centre: Path
) -> None:
    dlg = _open_dialog(qtbot, win)
    asked = dlg.size()
    _run(qtbot, dlg)
    view = dlg.view
    assert view is not None
    cur = view.table.currentIndex()
    st = view.state
    col, row = min((st.col_of[d], st.row_of[c]) for c, d in view.model.new)
    assert (cur.row(), cur.column()) == (row, col)  # the earliest day's topmost proposed cell
    assert view.day_chart.curve is not None and view.day_chart.curve.day == st.days[col]
    days = view.days_table
    assert days.horizontalScrollBar().maximum() <= 2  # the five columns fit (a pixel of rounding)
    qtbot.mouseClick(dlg.again_button, Qt.MouseButton.LeftButton)
    assert dlg.run_button.isVisible() and dlg.size() == asked  # not the proposal's whole screen
    qtbot.mouseClick(dlg.close_button, Qt.MouseButton.LeftButton)


@pytest.fixture
def no_saturday(centre: Path) -> Path:
    """Three agents needed 10:00-16:00 Sunday to Friday; no forecast for Saturday."""
    from deskwfm.services.forecast import store_forecast
    from deskwfm.services.workspace import Workspace

    ws = Workspace.open(centre)
    try:
        store_forecast(ws, SUN, SAT - timedelta(days=1),
                       [ForecastInterval(SUN + timedelta(days=k), m, 3, 300)
                        for k in range(6) for m in range(600, 960, 30)])
    finally:
        ws.close()
    return centre


def test_a_day_without_forecast_is_left_alone_and_said_so(qtbot, no_saturday: Path) -> None:
    """The scheduler invents no work where nothing is forecast (the demo's Saturdays got 34
    shifts); the summary names the day; accepting is the window's own write, not another
    workstation's."""
    from deskwfm.gui.main_window import MainWindow
    from deskwfm.gui.view_range import ViewKind
    from deskwfm.services.workspace import Workspace

    ws = Workspace.open(no_saturday)
    w = MainWindow(ws, ViewKind.WEEK, WEEK_OF)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    try:
        w.watcher.timer.setInterval(100)
        said: list[str] = []
        w.statusBar().messageChanged.connect(said.append)
        dlg = _open_dialog(qtbot, w)
        _run(qtbot, dlg)
        view = dlg.view
        assert view is not None and view.auto.shifts
        assert {day for _code, day in view.model.new} <= {SUN + timedelta(days=k) for k in range(6)}
        summary = view.summary.text()
        assert "1 day has no call forecast and was left alone (Sat 2026-11-28)" in summary
        days = view.days_model
        sat = [days.index(6, c).data() for c in range(days.columnCount())]
        assert sat == ["Sat 28", "\u2013", "\u2013", "\u2013", "\u2013"]  # not "0 short": nothing is needed
        qtbot.mouseClick(dlg.accept_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dlg.isVisible())
        qtbot.wait(500)  # several polls of the change watcher
        assert said and not any("another workstation" in m for m in said)
        assert ws.store.shifts_between(SAT, SAT) == []  # nothing written on Saturday
    finally:
        w.close()
        ws.close()
