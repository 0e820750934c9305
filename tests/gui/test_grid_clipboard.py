"""Copy, paste, fill and copy-week in the grid: tab-separated text like Excel and LibreOffice."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import MON
from tests.gui.grid_helpers import go_to, row_totals, select, shown, status, stored

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")
CTRL = Qt.KeyboardModifier.ControlModifier
TUE, WED, SUN = MON + timedelta(days=1), MON + timedelta(days=2), MON - timedelta(days=1)
DASH = "\u2013"


def test_copy_puts_entry_text_as_tsv_on_the_clipboard(qtbot, window) -> None:
    go_to(window, "AG004", MON)
    window.session.set_cell(window.session.state.row_of["AG004"], window.session.state.col_of[TUE], "22-6/30")
    select(window, ("AG001", SUN), ("AG004", TUE))
    qtbot.keyClick(window.grid.table, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text() == (
        "\t09:00-17:00\t09:00-17:00\n\t09:00-17:00\t09:00-17:00\n\t\t\n\t\t22:00-06:00/30\n"
    )


def test_paste_a_block_from_a_spreadsheet_is_one_undo_step(qtbot, window, centre) -> None:
    QApplication.clipboard().setText('9-17\tN\r\nvac\t"22:00-06:00"\r\n')  # as Excel writes it
    go_to(window, "AG004", MON)
    qtbot.keyClick(window.grid.table, Qt.Key.Key_V, CTRL)
    assert [shown(window, "AG004", MON), shown(window, "AG004", TUE)] == [f"9{DASH}17", "N"]
    assert [shown(window, "AG005", MON), shown(window, "AG005", TUE)] == ["VAC", f"22{DASH}6"]
    assert stored(centre, "AG005", TUE).start.hour == 22
    assert row_totals(window, "AG004").paid == "16.00"
    assert window.actions_.undo.text().replace("&", "") == "Undo Paste 4 cells"
    qtbot.keyClick(window.grid.table, Qt.Key.Key_Z, CTRL)
    assert [shown(window, c, d) for c in ("AG004", "AG005") for d in (MON, TUE)] == [""] * 4
    assert stored(centre, "AG004", MON) is None
    assert row_totals(window, "AG004").paid == "0.00"
    qtbot.keyClick(window.grid.table, Qt.Key.Key_Y, CTRL)
    assert shown(window, "AG005", MON) == "VAC"


def test_paste_with_one_bad_cell_changes_nothing_and_names_the_cell(qtbot, window, centre) -> None:
    QApplication.clipboard().setText("9-17\t9-17\n9-17\t25-3\n")
    go_to(window, "AG004", MON)
    window.paste_cells()
    assert "AG005" in status(window) and "2026-11-24" in status(window) and "hour 25" in status(window)
    assert [shown(window, c, d) for c in ("AG004", "AG005") for d in (MON, TUE)] == [""] * 4
    assert stored(centre, "AG004", MON) is None
    assert window.session.undo_stack.count() == 0


def test_one_cell_pasted_into_a_selection_fills_it(qtbot, window, centre) -> None:
    QApplication.clipboard().setText("D\n")
    select(window, ("AG003", MON), ("AG006", WED))
    window.paste_cells()
    assert {shown(window, c, d) for c in ("AG003", "AG004", "AG005", "AG006") for d in (MON, TUE, WED)} == {
        "D"
    }
    assert window.actions_.undo.text().replace("&", "") == "Undo Paste 12 cells"


def test_paste_that_does_not_fit_is_refused(qtbot, window) -> None:
    QApplication.clipboard().setText("9-17\t9-17\t9-17\n")
    go_to(window, "AG003", MON + timedelta(days=5))  # Friday: only Fri and Sat are shown
    window.paste_cells()
    assert "nothing was pasted" in status(window)
    assert window.session.undo_stack.count() == 0


def test_fill_down_and_right(qtbot, window, centre) -> None:
    select(window, ("AG001", MON), ("AG004", TUE))
    qtbot.keyClick(window.grid.table, Qt.Key.Key_D, CTRL)
    assert [shown(window, c, TUE) for c in ("AG003", "AG004")] == [f"9{DASH}17"] * 2
    assert window.actions_.undo.text().replace("&", "") == "Undo Fill down 4 cells"
    assert stored(centre, "AG004", MON) is not None
    window.actions_.undo.trigger()
    assert shown(window, "AG004", MON) == ""

    go_to(window, "AG006", SUN)
    window.session.set_cell(window.session.state.row_of["AG006"], 0, "N")
    select(window, ("AG006", SUN), ("AG006", WED))
    qtbot.keyClick(window.grid.table, Qt.Key.Key_R, CTRL)
    assert [shown(window, "AG006", d) for d in (SUN, MON, TUE, WED)] == ["N"] * 4
    assert row_totals(window, "AG006").paid == "32.00"
    window.actions_.undo.trigger()
    assert [shown(window, "AG006", d) for d in (SUN, MON, TUE, WED)] == ["N", "", "", ""]


def test_palette_button_and_shortcut_apply_a_code_to_the_selection(qtbot, window, centre) -> None:
    select(window, ("AG003", MON), ("AG003", WED))
    window.code_bar.code_actions["E"].trigger()
    assert [shown(window, "AG003", d) for d in (MON, TUE, WED)] == ["E"] * 3
    assert window.actions_.undo.text().replace("&", "") == "Undo Apply E to 3 cells"
    first = window.code_bar.code_actions["D"]
    assert first.shortcut().toString() == "Alt+1"
    go_to(window, "AG006", MON)
    qtbot.keyClick(window.grid.table, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert shown(window, "AG006", MON) == "D"
    assert stored(centre, "AG006", MON).code == "D"
