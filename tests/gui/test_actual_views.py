"""The grid's Schedule / Actual / Variance views driven like a clerk: switching, typing actual time,
paste, fill, clear, codes, confirm as scheduled, undo, variance colours, locked days."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from deskwfm.core.actual import ActualDay, Segment, Source
from deskwfm.gui.actual_model import VARIANCE_COLOURS, Tone
from deskwfm.gui.grid_mode import GridMode
from deskwfm.services.actual import recorded_between, set_actual
from deskwfm.services.workspace import Workspace
from tests.gui.conftest import MON
from tests.gui.grid_helpers import editor, go_to, index, select, shown, status, stored, type_entry

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")
CTRL = Qt.KeyboardModifier.ControlModifier
TUE, WED, THU, FRI, SAT = (MON + timedelta(days=i) for i in range(1, 6))
DASH = "\u2013"


def recorded(path: Path, code: str, day: date) -> ActualDay | None:
    """What the database holds as actual time for a cell, through a fresh connection."""
    ws = Workspace.open(path)
    try:
        days = recorded_between(ws, day, day, [code]).days
    finally:
        ws.close()
    return days[0] if days else None


def record(window, code: str, day: date, text: str) -> None:  # type: ignore[no-untyped-def]
    """Actual time entered elsewhere (the command line), then seen by the window."""
    set_actual(window.session.ws, code, day, text)
    window.session.reload()


def close_message_boxes() -> None:
    """Read and close the refusal shown in a message box (it holds the keyboard while open)."""
    from PySide6.QtWidgets import QMessageBox

    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox) and w.isVisible():
            w.close()


def view(window, mode: GridMode) -> None:  # type: ignore[no-untyped-def]
    """Choose a view from the View menu, as a user would."""
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    act = next(a for a in menu.actions() if a.text() == mode.label)
    act.trigger()


def background(window, code: str, day: date) -> str:  # type: ignore[no-untyped-def]
    brush = index(window, code, day).data(Qt.ItemDataRole.BackgroundRole)
    return brush.color().name() if brush is not None else ""


def tooltip(window, code: str, day: date) -> str:  # type: ignore[no-untyped-def]
    return index(window, code, day).data(Qt.ItemDataRole.ToolTipRole) or ""


def colour(tone: str) -> str:
    return VARIANCE_COLOURS[tone][0]


def test_the_same_grid_shows_the_plan_what_was_worked_and_the_difference(
    qtbot, window, after_the_week
) -> None:
    record(window, "AG001", MON, "8:58-17:03")
    assert shown(window, "AG001", MON) == f"9{DASH}17"  # the plan, as before
    view(window, GridMode.ACTUAL)
    assert window.session.mode is GridMode.ACTUAL
    assert shown(window, "AG001", MON) == f"8:58{DASH}17:03"
    assert shown(window, "AG001", TUE) == f"(9{DASH}17)"  # planned, nothing recorded: grey brackets
    assert shown(window, "AG003", MON) == ""  # nothing planned, nothing recorded
    view(window, GridMode.VARIANCE)
    assert shown(window, "AG001", MON) == "+0:05"  # 8 h 05 worked against 8 h planned
    assert background(window, "AG001", MON) == colour(Tone.ON_TIME)  # within the grace periods
    assert shown(window, "AG001", TUE) == "No-show"
    assert background(window, "AG001", TUE) == colour(Tone.MISSING)
    # the toolbar buttons and the View menu are one set of actions, the checked one is the view
    assert window.mode_bar.mode_actions[GridMode.VARIANCE].isChecked()
    assert window.mode_bar.legend.isVisible() and "Late start" in window.mode_bar.legend.text()
    view(window, GridMode.SCHEDULE)
    assert shown(window, "AG001", MON) == f"9{DASH}17" and not window.mode_bar.legend.isVisible()


def test_function_keys_switch_views_and_the_view_stays_across_ranges(qtbot, window, after_the_week) -> None:
    window.activateWindow()
    go_to(window, "AG001", MON)
    qtbot.keyClick(window.grid.table, Qt.Key.Key_F7)
    assert window.session.mode is GridMode.ACTUAL
    qtbot.keyClick(window.grid.table, Qt.Key.Key_F8)
    assert window.session.mode is GridMode.VARIANCE
    qtbot.keyClick(window.grid.table, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # next week
    assert window.session.state.days[0] == MON + timedelta(days=6)
    assert window.session.mode is GridMode.VARIANCE
    assert window.session.state.actual is not None  # the new range's actual time was read
    qtbot.keyClick(window.grid.table, Qt.Key.Key_F6)
    assert window.session.mode is GridMode.SCHEDULE


def test_typing_in_the_actual_view_records_actual_time_not_the_plan(qtbot, window, centre) -> None:
    view(window, GridMode.ACTUAL)
    go_to(window, "AG001", MON)
    type_entry(qtbot, window, "8:58-17:03/30")
    assert shown(window, "AG001", MON) == f"8:58{DASH}17:03"
    day = recorded(centre, "AG001", MON)
    assert day is not None and day.segments == (Segment(538, 1023),) and day.break_minutes == 30
    assert day.source is Source.TYPED
    plan = stored(centre, "AG001", MON)
    assert plan is not None and (plan.start.hour, plan.end.hour) == (9, 17)  # the schedule is untouched
    # several worked times, codes, a code with times: each a cell of its own
    go_to(window, "AG001", TUE)
    type_entry(qtbot, window, "8:58-12:01,12:33-17:03")
    type_entry(qtbot, window, "SICK")  # Enter moved down to AG002 Tue
    go_to(window, "AG001", WED)
    type_entry(qtbot, window, "LATE 9:40-17:00")
    assert recorded(centre, "AG001", TUE).segments == (Segment(538, 721), Segment(753, 1023))
    assert recorded(centre, "AG002", TUE).absence == "SICK"
    assert shown(window, "AG002", TUE) == "SICK"
    late = recorded(centre, "AG001", WED)
    assert late.absence == "LATE" and late.segments == (Segment(580, 1020),)
    assert shown(window, "AG001", WED) == f"LATE 9:40{DASH}17"
    # the editor opens on what was recorded, as it can be typed back
    go_to(window, "AG001", TUE)
    qtbot.keyClick(window.grid.table, Qt.Key.Key_F2)
    ed = editor(window)
    assert ed is not None and ed.text() == "08:58-12:01,12:33-17:03"
    qtbot.keyClick(ed, Qt.Key.Key_Escape)


def test_each_action_is_one_undo_step_and_undo_restores_what_was_recorded(qtbot, window, centre) -> None:
    view(window, GridMode.ACTUAL)
    go_to(window, "AG001", MON)
    type_entry(qtbot, window, "8:58-17:03")
    assert window.actions_.undo.text().replace("&", "") == "Undo Edit actual time of AG001 Mon 2026-11-23"
    go_to(window, "AG001", MON)
    type_entry(qtbot, window, "9:10-17:00")
    qtbot.keyClick(window.grid.table, Qt.Key.Key_Z, CTRL)
    assert shown(window, "AG001", MON) == f"8:58{DASH}17:03"
    assert recorded(centre, "AG001", MON).segments == (Segment(538, 1023),)
    qtbot.keyClick(window.grid.table, Qt.Key.Key_Z, CTRL)
    assert shown(window, "AG001", MON) == f"(9{DASH}17)" and recorded(centre, "AG001", MON) is None
    qtbot.keyClick(window.grid.table, Qt.Key.Key_Y, CTRL)
    assert recorded(centre, "AG001", MON).segments == (Segment(538, 1023),)
    # undo of a shift typed in the Schedule view is still the plan's
    view(window, GridMode.SCHEDULE)
    go_to(window, "AG003", MON)
    type_entry(qtbot, window, "10-18")
    view(window, GridMode.ACTUAL)
    qtbot.keyClick(window.grid.table, Qt.Key.Key_Z, CTRL)
    assert stored(centre, "AG003", MON) is None
    assert recorded(centre, "AG001", MON) is not None


def test_a_bad_entry_stays_open_and_the_message_names_the_cell(qtbot, window, centre) -> None:
    view(window, GridMode.ACTUAL)
    go_to(window, "AG002", WED)
    qtbot.keyClick(window.grid.table, "8")
    ed = editor(window)
    assert ed is not None
    qtbot.keyClicks(ed, ":58-17:03,16:00-18:00")
    qtbot.keyClick(ed, Qt.Key.Key_Return)
    assert editor(window) is ed  # still open, nothing stored
    assert "AG002 Wed 2026-11-25" in status(window) and "8:58-17:03,16:00-18:00" in status(window)
    assert "AG002 Wed 2026-11-25" in ed.toolTip()
    assert recorded(centre, "AG002", WED) is None
    ed.setText("sik")
    qtbot.keyClick(ed, Qt.Key.Key_Return)
    assert editor(window) is ed and "neither worked times nor an absence code" in status(window)
    qtbot.keyClick(ed, Qt.Key.Key_Escape)
    assert recorded(centre, "AG002", WED) is None


def test_paste_fill_and_clear_work_on_actual_time(qtbot, window, centre) -> None:
    view(window, GridMode.ACTUAL)
    QApplication.clipboard().setText("8:55-17:00\tSICK\r\n9:05-17:10\t8:50-16:55\r\n")
    go_to(window, "AG001", MON)
    qtbot.keyClick(window.grid.table, Qt.Key.Key_V, CTRL)
    assert [shown(window, "AG001", MON), shown(window, "AG001", TUE)] == [f"8:55{DASH}17", "SICK"]
    assert recorded(centre, "AG002", TUE).segments == (Segment(530, 1015),)
    assert window.actions_.undo.text().replace("&", "") == "Undo Paste actual time of 4 cells"
    # one bad cell in a paste: nothing changes, the cell is named
    QApplication.clipboard().setText("8:55-17:00\t25:00-26:00\r\n")
    go_to(window, "AG001", WED)
    qtbot.keyClick(window.grid.table, Qt.Key.Key_V, CTRL)
    assert "AG001 Thu 2026-11-26" in status(window)
    assert recorded(centre, "AG001", WED) is None
    close_message_boxes()
    # fill down copies the entry as recorded; copy gives the recorded text
    select(window, ("AG001", MON), ("AG004", MON))
    qtbot.keyClick(window.grid.table, Qt.Key.Key_D, CTRL)
    assert recorded(centre, "AG004", MON).segments == (Segment(535, 1020),)
    qtbot.keyClick(window.grid.table, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text() == "08:55-17:00\n08:55-17:00\n08:55-17:00\n08:55-17:00\n"
    # Delete clears the selection's actual time; the plan stays
    select(window, ("AG001", MON), ("AG002", TUE))
    qtbot.keyClick(window.grid.table, Qt.Key.Key_Delete)
    assert all(recorded(centre, c, d) is None for c in ("AG001", "AG002") for d in (MON, TUE))
    assert stored(centre, "AG001", MON) is not None
    qtbot.keyClick(window.grid.table, Qt.Key.Key_Z, CTRL)
    assert recorded(centre, "AG002", TUE) is not None


def test_confirm_as_scheduled_records_a_whole_team_day_in_one_keystroke(qtbot, window, centre) -> None:
    record(window, "AG002", TUE, "9:20-17:00")
    view(window, GridMode.ACTUAL)
    window.activateWindow()
    select(window, ("AG001", TUE), ("AG003", TUE))  # Blue team: two planned, one kept, one off
    qtbot.keyClick(window.grid.table, Qt.Key.Key_K, CTRL)
    day = recorded(centre, "AG001", TUE)
    assert day is not None and day.source is Source.CONFIRMED and day.segments == (Segment(540, 1020),)
    assert recorded(centre, "AG002", TUE).segments == (Segment(560, 1020),)  # already recorded: kept
    assert recorded(centre, "AG003", TUE) is None  # nothing planned: nothing to confirm
    assert "Confirmed 1 day as scheduled" in status(window) and "1 already recorded, kept" in status(window)
    assert shown(window, "AG001", TUE) == f"9{DASH}17"
    assert index(window, "AG001", TUE).data(Qt.ItemDataRole.ForegroundRole).color().name() == "#1e7b34"
    assert window.actions_.undo.text().replace("&", "") == "Undo Confirmed 1 day as scheduled"
    qtbot.keyClick(window.grid.table, Qt.Key.Key_Z, CTRL)
    assert recorded(centre, "AG001", TUE) is None
    # the same from the Edit menu, from the Schedule view too
    view(window, GridMode.SCHEDULE)
    select(window, ("AG001", WED), ("AG002", THU))
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    next(a for a in menu.actions() if "Confirm as" in a.text()).trigger()
    assert all(recorded(centre, c, d) is not None for c in ("AG001", "AG002") for d in (WED, THU))


def test_variance_colours_each_kind_of_difference_and_the_tooltip_says_by_how_much(
    qtbot, window, after_the_week
) -> None:
    record(window, "AG001", MON, "9:20-17:00")  # late 20
    record(window, "AG001", TUE, "9:00-16:20")  # left early 40
    record(window, "AG001", WED, "9:00-17:45")  # 45 min extra
    record(window, "AG001", THU, "9:00-")  # no logout
    record(window, "AG003", MON, "10:00-14:00")  # worked without a shift
    record(window, "AG002", MON, "9:00-17:00")
    record(window, "AG002", TUE, "NS")  # coded no-show
    view(window, GridMode.VARIANCE)
    cells = {
        (MON, "AG001"): ("\u22120:20", Tone.LATE, "late by 20 min (scheduled 09:00)"),
        (TUE, "AG001"): ("\u22120:40", Tone.SHORT, "left early by 40 min (scheduled until 17:00)"),
        (WED, "AG001"): ("+0:45", Tone.EXTRA, "worked 45 min more than scheduled"),
        (THU, "AG001"): ("No logout", Tone.MISSING, "missing logout: logged in at 09:00"),
        (FRI, "AG001"): ("No-show", Tone.MISSING, "no-show: scheduled from 09:00, nothing recorded"),
        (MON, "AG003"): ("+4:00", Tone.UNSCHEDULED, "worked 240 min without a scheduled shift"),
        (MON, "AG002"): ("\u2713", Tone.ON_TIME, "Worked 8.00 h, scheduled 8.00 h"),
        (TUE, "AG002"): ("NS", Tone.CODED, "coded NS (no reasonable cause)"),
    }
    for (day, code), (text, tone, tip) in cells.items():
        assert shown(window, code, day) == text, (code, day)
        assert background(window, code, day) == colour(tone), (code, day)
        assert tip in tooltip(window, code, day), (code, day)
    assert "Scheduled: 09:00\u201317:00" in tooltip(window, "AG001", MON)
    assert "variance \u22120.33 h (\u22120:20)" in tooltip(window, "AG001", MON)  # payroll hours and h:mm
    assert "Recorded: 09:20-17:00 · typed" in tooltip(window, "AG001", MON)
    assert "(blocks approval)" in tooltip(window, "AG001", FRI)
    # a change of plan shows in the Variance view at once
    view(window, GridMode.SCHEDULE)
    go_to(window, "AG001", MON)
    type_entry(qtbot, window, "9:30-17")
    view(window, GridMode.VARIANCE)
    assert shown(window, "AG001", MON) == "+0:10" and background(window, "AG001", MON) == colour(Tone.ON_TIME)


def test_the_palette_codes_actual_time_and_confirmed_days_resolve_a_no_show(
    qtbot, window, after_the_week
) -> None:
    record(window, "AG001", MON, "9:40-17:00")
    view(window, GridMode.ACTUAL)
    palette = window.code_bar.code_actions
    assert "SICK" in palette and "D" not in palette  # absence codes, not shift codes
    go_to(window, "AG001", MON)
    palette["LATE"].trigger()
    assert shown(window, "AG001", MON) == f"LATE 9:40{DASH}17"  # the code joins the times recorded
    go_to(window, "AG001", TUE)
    palette["SICK"].trigger()
    view(window, GridMode.VARIANCE)
    assert background(window, "AG001", MON) == colour(Tone.CODED)
    assert shown(window, "AG001", TUE) == "SICK"
    view(window, GridMode.SCHEDULE)
    assert "D" in window.code_bar.code_actions and "SICK" in window.code_bar.code_actions


def test_locked_days_stay_read_only_in_every_view(qtbot, window) -> None:
    from deskwfm.services import periods

    ws = window.session.ws
    periods.approve(ws, date(2026, 11, 22))
    periods.lock(ws, date(2026, 11, 22))
    window.session.reload()
    for mode in (GridMode.ACTUAL, GridMode.VARIANCE):
        view(window, mode)
        assert not index(window, "AG001", TUE).flags() & Qt.ItemFlag.ItemIsEditable
        go_to(window, "AG001", TUE)
        qtbot.keyClick(window.grid.table, "8")
        assert editor(window) is None  # typing does not open an editor on a locked day
    select(window, ("AG001", TUE), ("AG002", TUE))
    window.confirm_scheduled()
    assert "2 in a locked pay period" in status(window)
    assert recorded_between(ws, TUE, TUE).days == []


def test_the_status_bar_sums_worked_against_scheduled_in_the_actual_view(qtbot, window) -> None:
    record(window, "AG001", MON, "8:58-17:03")
    record(window, "AG001", TUE, "9:00-16:00")
    view(window, GridMode.ACTUAL)
    select(window, ("AG001", MON), ("AG001", WED))
    window.selection_sum.refresh()
    assert window.selection_sum.text() == "3 cells · 2 recorded · Sum worked 15.08 h of 24.00 h scheduled"


def test_the_team_filter_and_the_actual_view_work_together(qtbot, window) -> None:
    record(window, "AG004", MON, "10:00-12:00")
    view(window, GridMode.ACTUAL)
    window.session.set_team("Green")
    assert [e.code for e in window.session.state.employees] == ["AG004", "AG005", "AG006"]
    assert shown(window, "AG004", MON) == f"10{DASH}12"


def test_the_actual_and_variance_views_pass_qtmodeltester(qtmodeltester, window, after_the_week) -> None:
    record(window, "AG001", MON, "8:58-12:01,12:33-17:03")
    for mode in (GridMode.ACTUAL, GridMode.VARIANCE):
        view(window, mode)
        qtmodeltester.check(window.session.grid_model)


def test_a_team_s_whole_day_is_confirmed_with_a_header_click_and_one_keystroke(qtbot, window, centre) -> None:
    window.activateWindow()
    view(window, GridMode.ACTUAL)
    combo = window.team_filter  # the team box, with the keyboard
    combo.setFocus()
    while combo.currentText() != "Blue":
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert [e.code for e in window.session.state.employees] == ["AG001", "AG002", "AG003"]
    header = window.grid.table.horizontalHeader()
    col = window.session.state.days.index(WED)
    x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    qtbot.keyClick(window.grid.table, Qt.Key.Key_K, CTRL)
    assert "Confirmed 2 days as scheduled (1 without a scheduled shift)" in status(window)
    assert [recorded(centre, c, WED) is not None for c in ("AG001", "AG002", "AG003")] == [True, True, False]
    assert recorded(centre, "AG004", WED) is None  # another team's row, not shown, not touched
