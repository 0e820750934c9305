"""The clerk's reconciliation in the window: the exceptions panel worked down with the keyboard
(go to the cell, resolve with times, a code and a note, confirm a no-show's day), the note of a
recorded day, and the payroll screen that will not approve an employee with a critical
exception and says where to resolve it."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from deskwfm.core.actual import ActualDay, Segment, Source
from deskwfm.core.timekeeping import PayBasis
from deskwfm.gui.grid_mode import GridMode
from deskwfm.gui.resolve_dialog import ResolveDialog
from deskwfm.services.actual import recorded_between, set_actual
from deskwfm.services.site import get_site, save_site
from deskwfm.services.workspace import Workspace
from tests.gui.conftest import MON
from tests.gui.dialogs_helper import when_a_dialog_opens
from tests.gui.grid_helpers import go_to, shown, status, stored

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")
CTRL = Qt.KeyboardModifier.ControlModifier
TUE, WED, THU, FRI = (MON + timedelta(days=i) for i in range(1, 5))


def recorded(path: Path, code: str, day: date) -> ActualDay | None:
    ws = Workspace.open(path)
    try:
        days = recorded_between(ws, day, day, [code]).days
    finally:
        ws.close()
    return days[0] if days else None


def pay_actual_time(ws: Workspace) -> None:
    site = get_site(ws)
    save_site(ws, site.with_changes(timekeeping=site.timekeeping.with_changes(pay_basis=PayBasis.ACTUAL)))


def a_week_with_exceptions(window) -> None:  # type: ignore[no-untyped-def]
    """AG001 worked Mon-Thu (late on Tuesday) and did not come on Friday; AG002 worked Mon-Wed,
    forgot to log out on Thursday and did not come on Friday."""
    ws = window.session.ws
    pay_actual_time(ws)
    for day, text in ((MON, "9:00-17:00"), (TUE, "9:25-17:00"), (WED, "9:00-17:00"), (THU, "9:00-17:00")):
        set_actual(ws, "AG001", day, text)
    for day, text in ((MON, "9:00-17:00"), (TUE, "9:00-17:00"), (WED, "9:00-17:00"), (THU, "9:02-")):
        set_actual(ws, "AG002", day, text)
    window.session.reload()


def open_panel(qtbot, window):  # type: ignore[no-untyped-def]
    """View → Exceptions panel, as a user would."""
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    next(a for a in menu.actions() if a.text().replace("&", "") == "Exceptions panel").trigger()
    panel = window.exceptions_dock.panel
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0)
    return panel


def lines(panel) -> list[tuple[str, str, str, str]]:  # type: ignore[no-untyped-def]
    m = panel.model
    return [tuple(m.index(r, c).data() for c in (1, 3, 4, 5)) for r in range(m.rowCount())]


def test_the_panel_lists_what_blocks_approval_first_and_enter_goes_to_the_cell(
    qtbot, window, after_the_week
) -> None:
    a_week_with_exceptions(window)
    window.activateWindow()
    panel = open_panel(qtbot, window)
    got = lines(panel)
    assert [(code, what.split(":")[0], st) for code, _day, what, st in got] == [
        ("AG002", "missing logout", "Blocks approval"),
        ("AG001", "no-show", "Blocks approval"),
        ("AG002", "no-show", "Blocks approval"),
        ("AG001", "late by 25 min (scheduled 09", "Open"),
    ]
    assert panel.summary.text().endswith("4 open exceptions · 2 employees cannot be approved until resolved")
    # the clerk moves to the late arrival and presses Enter: the grid shows that day in the Actual view
    panel.table.setFocus()
    panel.table.selectRow(3)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert window.session.mode is GridMode.ACTUAL
    cur, st = window.grid.table.currentIndex(), window.session.state
    assert (st.employees[cur.row()].code, st.days[cur.column()]) == ("AG001", TUE)
    assert window.grid.table.hasFocus()
    # Ctrl+Shift+E comes back to the list (still open), and closes it from there
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.grid.table, Qt.Key.Key_E, shift_ctrl)
    assert window.exceptions_dock.isVisible() and panel.table.hasFocus()
    assert panel.table.currentIndex().row() == 3
    qtbot.keyClick(panel.table, Qt.Key.Key_E, shift_ctrl)
    assert not window.exceptions_dock.isVisible()


def test_resolving_a_no_show_with_a_code_and_a_note_takes_it_off_the_list_and_undo_puts_it_back(
    qtbot, window, centre, after_the_week
) -> None:
    a_week_with_exceptions(window)
    panel = open_panel(qtbot, window)
    panel.table.setFocus()
    panel.table.selectRow(1)  # AG001's no-show on Friday
    seen: list[str] = []

    def code_it_sick(w: QWidget) -> None:
        assert isinstance(w, ResolveDialog)
        seen.append(w.findChild(QWidget, "resolveTimes").text())
        w.code.setCurrentIndex(w.code.findData("SICK"))
        qtbot.keyClicks(w.note_edit, "Called in at 8:10, doctor's note")
        qtbot.keyClick(w.note_edit, Qt.Key.Key_Return, CTRL)  # Ctrl+Enter in the note saves

    when_a_dialog_opens(code_it_sick, [])
    qtbot.keyClick(panel.table, Qt.Key.Key_R, CTRL)  # Ctrl+R: the panel's, not the grid's Fill right
    day = recorded(centre, "AG001", FRI)
    assert day is not None and day.absence == "SICK" and day.note == "Called in at 8:10, doctor's note"
    assert seen == [""]  # nothing was recorded that day
    qtbot.waitUntil(lambda: len(lines(panel)) == 3)  # the panel follows once the event loop turns
    assert [(c, d) for c, d, _w, _s in lines(panel)] == [
        ("AG002", "Thu 2026-11-26"), ("AG002", "Fri 2026-11-27"), ("AG001", "Tue 2026-11-24")
    ]
    assert panel.table.currentIndex().row() == 1  # the next line is selected: work down the list
    assert "1 employee cannot be approved" in panel.summary.text()
    assert stored(centre, "AG001", FRI) is not None  # the plan is untouched
    assert window.actions_.undo.text().replace("&", "") == "Undo Resolve AG001 Fri 2026-11-27"
    window.actions_.undo.trigger()
    assert recorded(centre, "AG001", FRI) is None
    qtbot.waitUntil(lambda: len(lines(panel)) == 4)


def test_a_missing_logout_is_resolved_by_typing_the_logout_and_a_no_show_by_confirming(
    qtbot, window, centre, after_the_week
) -> None:
    a_week_with_exceptions(window)
    panel = open_panel(qtbot, window)
    panel.table.setFocus()
    panel.table.selectRow(0)  # AG002 Thursday: logged in at 9:02, no logout

    def type_the_logout(w: QWidget) -> None:
        assert isinstance(w, ResolveDialog)
        assert w.times.text() == "09:02-"
        w.times.setText("9:02-17:00")
        w.accept()

    when_a_dialog_opens(type_the_logout, [])
    qtbot.mouseClick(panel.resolve_button, Qt.MouseButton.LeftButton)
    assert recorded(centre, "AG002", THU).segments == (Segment(542, 1020),)
    qtbot.waitUntil(lambda: len(lines(panel)) == 3)
    # AG002's Friday no-show: the supervisor says she worked as planned
    panel.table.setFocus()
    row = next(i for i, (c, d, _w, _s) in enumerate(lines(panel)) if (c, d) == ("AG002", "Fri 2026-11-27"))
    panel.table.selectRow(row)
    assert panel.confirm_button.isEnabled()
    qtbot.keyClick(panel.table, Qt.Key.Key_K, CTRL)
    day = recorded(centre, "AG002", FRI)
    assert day is not None and day.source is Source.CONFIRMED and day.segments == (Segment(540, 1020),)
    assert "Confirmed 1 day as scheduled" in status(window)
    qtbot.waitUntil(lambda: "AG002" not in {c for c, _d, _w, _s in lines(panel)})
    # a warning is not confirmed away: the late arrival's line leaves that button off
    late = next(i for i, (c, _d, w, _s) in enumerate(lines(panel)) if w.startswith("late"))
    panel.table.selectRow(late)
    assert not panel.confirm_button.isEnabled() and panel.resolve_button.isEnabled()
    qtbot.keyClick(panel.table, Qt.Key.Key_K, CTRL)
    assert "Confirm as scheduled settles a no-show" in status(window)
    assert recorded(centre, "AG001", TUE).source is Source.TYPED  # kept as it was


def test_a_bad_entry_in_the_resolve_dialog_changes_nothing_and_says_where(
    qtbot, window, centre, after_the_week
) -> None:
    a_week_with_exceptions(window)
    panel = open_panel(qtbot, window)
    panel.table.setFocus()
    panel.table.selectRow(0)

    def type_nonsense(w: QWidget) -> None:
        w.times.setText("17:00-9:02,8:00-9:00")
        w.accept()

    when_a_dialog_opens(type_nonsense, [])
    qtbot.keyClick(panel.table, Qt.Key.Key_R, CTRL)
    assert "AG002 Thu 2026-11-26" in status(window)
    assert recorded(centre, "AG002", THU).segments == (Segment(542, None),)
    assert len(lines(panel)) == 4


def test_the_note_of_a_day_in_the_actual_view_is_the_recorded_day_s_not_the_shift_s(
    qtbot, window, centre
) -> None:
    set_actual(window.session.ws, "AG001", MON, "9:20-17:00")
    window.session.reload()
    window.mode_bar.mode_actions[GridMode.ACTUAL].trigger()
    go_to(window, "AG001", MON)

    def write(w: QWidget) -> None:
        w.edit.setPlainText("bus strike")
        w.accept()

    when_a_dialog_opens(write, [])
    qtbot.keyClick(window.grid.table, Qt.Key.Key_F2, Qt.KeyboardModifier.ShiftModifier)
    day = recorded(centre, "AG001", MON)
    assert day is not None and day.note == "bus strike" and day.segments == (Segment(560, 1020),)
    assert stored(centre, "AG001", MON).note == ""
    assert "Note: bus strike" in window.grid.table.currentIndex().data(Qt.ItemDataRole.ToolTipRole)
    assert shown(window, "AG001", MON) == "9:20\u201317"


# ---------------------------------------------------------------- the payroll screen
def when_a_message_box_opens(texts: list[str], left: int = 200) -> None:
    """Read and close the next message box (over the payroll window, itself a modal dialog)."""
    from PySide6.QtCore import QTimer

    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    box = boxes[0] if boxes else None
    if box is not None:
        texts.append(box.text())
        box.accept()
    elif left > 0:
        QTimer.singleShot(25, lambda: when_a_message_box_opens(texts, left - 1))


def open_payroll(qtbot, window, act) -> list[str]:  # type: ignore[no-untyped-def]
    """Payroll → Pay periods and approval…, with ``act(payroll window)`` once it has loaded."""
    from deskwfm.gui.payroll_window import PayrollWindow

    texts: list[str] = []

    def run(w: QWidget) -> None:
        assert isinstance(w, PayrollWindow)
        w.wait_loaded()
        act(w)
        if w.isVisible():
            w.accept()

    when_a_dialog_opens(run, texts)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Payroll")
    next(a for a in menu.actions() if "approval" in a.text()).trigger()
    return texts


def test_the_payroll_screen_shows_actual_against_scheduled_and_refuses_the_blocked_by_name(
    qtbot, window, centre, after_the_week
) -> None:
    a_week_with_exceptions(window)
    seen: dict[str, object] = {}

    def approve_all(w) -> None:  # type: ignore[no-untyped-def]
        heads = [w.model.headerData(c, Qt.Orientation.Horizontal) for c in range(w.model.columnCount())]
        assert {"Scheduled h", "Actual h", "Variance h", "Adherence", "Late"} <= set(heads)
        sched_tip = w.model.headerData(heads.index("Scheduled h"), Qt.Orientation.Horizontal,
                                       Qt.ItemDataRole.ToolTipRole)
        assert "days to come included" in sched_tip  # a running period is short, and says why
        seen["banner"] = w.blocked.text() if w.blocked.isVisible() else ""
        messages: list[str] = []
        when_a_message_box_opens(messages)
        qtbot.mouseClick(w.approve_all, Qt.MouseButton.LeftButton)
        seen["message"] = messages
        w.wait_loaded()
        approved = w.model.headings.index("Approved by")
        seen["approved"] = {
            w.model.rows[r].code: w.model.index(r, approved).data() for r in range(w.model.rowCount())
        }
        code = w.model.index(0, 0)
        seen["tip"] = code.data(Qt.ItemDataRole.ToolTipRole)

    open_payroll(qtbot, window, approve_all)
    assert seen["banner"] == (
        "2 employees cannot be approved until their critical exceptions are resolved "
        "(no-show, missing logout)."
    )
    [message] = seen["message"]  # type: ignore[misc]
    assert "Approved 4 employees." in message
    assert "2 employees were not approved: AG001, AG002 have unresolved critical exceptions" in message
    assert "Exceptions panel" in message and "deskwfm exceptions" not in message
    approved = seen["approved"]
    assert approved["AG001"] == "" and approved["AG002"] == "" and approved["AG003"] != ""  # type: ignore[index]
    assert "Cannot be approved" in str(seen["tip"])


def test_show_exceptions_opens_the_period_with_its_variance_and_the_panel(
    qtbot, window, after_the_week
) -> None:
    a_week_with_exceptions(window)
    open_payroll(qtbot, window, lambda w: qtbot.mouseClick(w.exceptions_button, Qt.MouseButton.LeftButton))
    qtbot.waitUntil(lambda: window.exceptions_dock.isVisible())
    assert window.session.mode is GridMode.VARIANCE
    assert window.session.state.days[0] == date(2026, 11, 22) and len(window.session.state.days) == 14
    panel = window.exceptions_dock.panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == 4)
    assert not any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets())


def test_a_locked_period_refuses_a_resolve_and_says_why(qtbot, window, centre, after_the_week) -> None:
    from deskwfm.services import periods

    a_week_with_exceptions(window)
    ws = window.session.ws
    for code in ("AG001", "AG002"):  # the blocked are coded first, so the period can be approved
        set_actual(ws, code, FRI, "SICK")
    set_actual(ws, "AG002", THU, "9:02-17:00")
    periods.approve(ws, date(2026, 11, 22))
    periods.lock(ws, date(2026, 11, 22))
    window.session.reload()
    panel = open_panel(qtbot, window)
    panel.table.setFocus()
    panel.table.selectRow(0)  # AG001 late on Tuesday

    def code_it_late(w: QWidget) -> None:
        w.code.setCurrentIndex(w.code.findData("LATE"))
        w.accept()

    when_a_dialog_opens(code_it_late, [])
    qtbot.keyClick(panel.table, Qt.Key.Key_R, CTRL)
    assert "is locked" in status(window)
    assert recorded(centre, "AG001", TUE).absence == ""
