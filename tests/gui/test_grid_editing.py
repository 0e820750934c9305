"""Typing into the schedule grid like a spreadsheet: commit keys, refusals, Delete, undo/redo."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from tests.gui.conftest import MON
from tests.gui.grid_helpers import (
    day_totals,
    editor,
    go_to,
    row_totals,
    select,
    shown,
    status,
    stored,
    type_entry,
)

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")
TUE = MON + timedelta(days=1)
SAT = MON + timedelta(days=5)


def test_typing_an_entry_stores_it_and_updates_totals_at_once(qtbot, window, centre) -> None:
    assert row_totals(window, "AG003") == ("0.00", "", "0.00", "", "$0.00")
    assert day_totals(window, MON) == ("2", "16.00")
    go_to(window, "AG003", MON)
    type_entry(qtbot, window, "9-17/30")
    assert shown(window, "AG003", MON) == "9\u201317 /30"  # the break shows, not only in the tooltip
    assert row_totals(window, "AG003") == ("7.50", "", "7.50", "", "$150.00")
    assert day_totals(window, MON) == ("3", "23.50")
    # Enter commits and moves down, like a spreadsheet
    cur = window.grid.table.currentIndex()
    assert (cur.row(), cur.column()) == (
        window.session.state.row_of["AG004"],
        window.session.state.col_of[MON],
    )
    s = stored(centre, "AG003", MON)
    assert s is not None and s.break_minutes == 30 and (s.start.hour, s.end.hour) == (9, 17)


def test_tab_commits_and_moves_right_and_codes_are_accepted(qtbot, window, centre) -> None:
    go_to(window, "AG004", MON)
    type_entry(qtbot, window, "n", Qt.Key.Key_Tab)
    assert shown(window, "AG004", MON) == "N"
    assert window.grid.table.currentIndex().column() == window.session.state.col_of[TUE]
    type_entry(qtbot, window, "vac", Qt.Key.Key_Right)  # arrows commit when editing began by typing
    assert shown(window, "AG004", TUE) == "VAC"
    assert stored(centre, "AG004", TUE).code == "VAC"
    # paid leave is Leave h, not Worked h; Paid h is both
    totals = row_totals(window, "AG004")
    assert (totals.worked, totals.leave, totals.paid) == ("8.00", "8.00", "16.00")
    tip = window.session.totals_model.index(window.session.state.row_of["AG004"], 0).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert "Worked 8.00 h" in tip and "Paid leave 8.00 h" in tip


def test_bad_entry_keeps_the_editor_open_with_the_parser_message_and_stores_nothing(
    qtbot, window, centre
) -> None:
    go_to(window, "AG003", MON)
    type_entry(qtbot, window, "25-3")
    ed = editor(window)
    assert ed is not None and ed.text() == "25-3"
    assert window.grid.table.state() == QAbstractItemView.State.EditingState
    assert "hour 25 is not a time" in status(window)
    assert "hour 25 is not a time" in ed.toolTip()
    assert shown(window, "AG003", MON) == ""
    assert stored(centre, "AG003", MON) is None
    # Escape gives up: the cell stays as it was and nothing reached the undo stack
    qtbot.keyClick(ed, Qt.Key.Key_Escape)
    assert window.grid.table.state() != QAbstractItemView.State.EditingState
    assert shown(window, "AG003", MON) == ""
    assert window.session.undo_stack.count() == 0


def test_escape_cancels_an_edit_of_an_existing_shift(qtbot, window, centre) -> None:
    go_to(window, "AG001", MON)
    type_entry(qtbot, window, "22-6", Qt.Key.Key_Escape)
    assert shown(window, "AG001", MON) == "9\u201317"
    assert stored(centre, "AG001", MON).start.hour == 9


def test_f2_edits_the_existing_entry_text(qtbot, window) -> None:
    go_to(window, "AG001", MON)
    qtbot.keyClick(window.grid.table, Qt.Key.Key_F2)
    ed = editor(window)
    assert ed is not None and ed.text() == "09:00-17:00"
    # after F2 the arrows move the text cursor instead of committing
    qtbot.keyClick(ed, Qt.Key.Key_End)
    qtbot.keyClick(ed, Qt.Key.Key_Left)
    assert window.grid.table.state() == QAbstractItemView.State.EditingState
    ed.setText("10:00-17:00")
    qtbot.keyClick(ed, Qt.Key.Key_Return)
    assert shown(window, "AG001", MON) == "10\u201317"
    assert row_totals(window, "AG001").paid == "39.00"


def test_delete_clears_the_selection_in_one_undo_step(qtbot, window, centre) -> None:
    select(window, ("AG001", MON), ("AG002", TUE))
    qtbot.keyClick(window.grid.table, Qt.Key.Key_Delete)
    assert [shown(window, c, d) for c in ("AG001", "AG002") for d in (MON, TUE)] == [""] * 4
    assert row_totals(window, "AG001") == ("24.00", "", "24.00", "", "$480.00")
    assert stored(centre, "AG002", TUE) is None
    assert window.session.undo_stack.count() == 1
    assert window.actions_.undo.text().replace("&", "") == "Undo Clear 4 cells"
    qtbot.keyClick(window.grid.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [shown(window, c, d) for c in ("AG001", "AG002") for d in (MON, TUE)] == ["9\u201317"] * 4
    assert stored(centre, "AG002", TUE) is not None
    assert row_totals(window, "AG001") == ("40.00", "", "40.00", "", "$800.00")
    qtbot.keyClick(window.grid.table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert shown(window, "AG001", MON) == ""
    assert stored(centre, "AG001", MON) is None


def test_undo_and_redo_of_a_typed_entry(qtbot, window, centre) -> None:
    go_to(window, "AG005", SAT)
    type_entry(qtbot, window, "8-16")
    assert window.actions_.undo.text().replace("&", "") == "Undo Edit AG005 Sat 28 Nov"
    window.actions_.undo.trigger()
    assert shown(window, "AG005", SAT) == ""
    assert stored(centre, "AG005", SAT) is None
    assert window.actions_.redo.text().replace("&", "") == "Redo Edit AG005 Sat 28 Nov"
    window.actions_.redo.trigger()
    assert shown(window, "AG005", SAT) == "8\u201316"
    assert stored(centre, "AG005", SAT) is not None


def test_edits_survive_reopening_the_database(qtbot, window, centre) -> None:
    from deskwfm.gui.main_window import MainWindow
    from deskwfm.gui.view_range import ViewKind
    from deskwfm.services.workspace import Workspace

    go_to(window, "AG006", MON)
    type_entry(qtbot, window, "e")
    window.close()
    window.session.ws.close()
    ws = Workspace.open(centre)
    again = MainWindow(ws, ViewKind.WEEK, MON)
    qtbot.addWidget(again)
    try:
        assert shown(again, "AG006", MON) == "E"
        assert row_totals(again, "AG006").paid == "8.00"
    finally:
        again.close()
        ws.close()


def test_typing_over_a_filled_cell_replaces_its_entry(qtbot, window, centre) -> None:
    go_to(window, "AG002", MON)
    type_entry(qtbot, window, "14-22")
    assert shown(window, "AG002", MON) == "14\u201322"
    assert stored(centre, "AG002", MON).start.hour == 14


def test_leaving_a_bad_entry_by_clicking_elsewhere_stores_nothing(qtbot, window, centre) -> None:
    go_to(window, "AG003", MON)
    qtbot.keyClick(window.grid.table, "z")
    ed = editor(window)
    assert ed is not None
    qtbot.keyClicks(ed, "zz")
    go_to(window, "AG005", TUE)  # moving the cursor closes the editor and offers its text
    assert '"zzz" is not a shift' in status(window)
    assert shown(window, "AG003", MON) == ""
    assert stored(centre, "AG003", MON) is None
    assert window.session.undo_stack.count() == 0


def test_undo_never_overwrites_a_change_made_on_another_workstation(qtbot, window, centre) -> None:
    from deskwfm.services.schedule import CellEdit, apply_edits
    from deskwfm.services.workspace import Workspace

    go_to(window, "AG003", MON)
    type_entry(qtbot, window, "9-17")
    with Workspace.open(centre) as other:
        apply_edits(other, [CellEdit("AG003", MON, "N")])
    window.actions_.undo.trigger()
    assert "Could not undo" in status(window) and "changed elsewhere" in status(window)
    assert stored(centre, "AG003", MON).code == "N"
    assert shown(window, "AG003", MON) == "N"  # the grid reloaded what the database holds
    qtbot.waitUntil(lambda: window.session.undo_stack.count() == 0)  # no step left to replay
    assert not window.actions_.undo.isEnabled()


def test_typing_over_a_cell_another_workstation_changed_is_refused(qtbot, window, centre) -> None:
    """design.md: a stale edit from a second workstation is refused, never silently overwritten."""
    from deskwfm.services.schedule import CellEdit, apply_edits
    from deskwfm.services.workspace import Workspace

    assert shown(window, "AG001", MON) == "9–17"
    with Workspace.open(centre) as other:
        apply_edits(other, [CellEdit("AG001", MON, "N")])
    go_to(window, "AG001", MON)
    type_entry(qtbot, window, "E")
    qtbot.waitUntil(lambda: "Nothing was changed" in status(window))
    assert "changed elsewhere" in status(window)
    assert stored(centre, "AG001", MON).code == "N"
    qtbot.waitUntil(lambda: shown(window, "AG001", MON) == "N")  # the grid reloads what is stored
    assert window.session.undo_stack.count() == 0


def test_f2_puts_the_cursor_at_the_end_so_typing_appends(qtbot, window) -> None:
    go_to(window, "AG001", MON)
    qtbot.keyClick(window.grid.table, Qt.Key.Key_F2)
    ed = editor(window)
    assert ed is not None and not ed.hasSelectedText() and ed.cursorPosition() == len(ed.text())
    qtbot.keyClicks(ed, "/30")
    qtbot.keyClick(ed, Qt.Key.Key_Return)
    kept = stored(window.session.ws.location, "AG001", MON)
    assert kept is not None and kept.break_minutes == 30  # "09:00-17:00" + "/30", not "/30" alone


def test_shift_enter_commits_and_moves_up(qtbot, window, centre) -> None:
    go_to(window, "AG004", TUE)
    qtbot.keyClick(window.grid.table, "8")
    ed = editor(window)
    assert ed is not None
    qtbot.keyClicks(ed, "-16")
    qtbot.keyClick(ed, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert stored(centre, "AG004", TUE) is not None
    cur = window.grid.table.currentIndex()
    assert (cur.row(), cur.column()) == (
        window.session.state.row_of["AG003"],
        window.session.state.col_of[TUE],
    )
    qtbot.keyClick(window.grid.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    cur = window.grid.table.currentIndex()
    assert cur.row() == window.session.state.row_of["AG002"]
