"""Schedule → Copy week to next week asks before replacing a built week and copies leave only
when asked; the copy is one undo step."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from tests.gui.conftest import MON
from tests.gui.grid_helpers import go_to, row_totals, shown, stored, type_entry, when_modal

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")
TUE, THU = MON + timedelta(days=1), MON + timedelta(days=3)
NEXT = timedelta(days=7)
COPY_WEEK = (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def _buttons(dlg) -> dict[str, QPushButton]:  # type: ignore[no-untyped-def]
    return {b.text().replace("&", ""): b for b in dlg.findChildren(QPushButton) if b.isVisible()}


def _text(dlg) -> str:  # type: ignore[no-untyped-def]
    return dlg.findChild(QLabel, "copyWeekText").text()


def _answer(qtbot, button: str, tick_leave: bool = False):  # type: ignore[no-untyped-def]
    seen: dict[str, object] = {}

    def act(dlg) -> None:  # type: ignore[no-untyped-def]
        seen["text"] = _text(dlg)
        seen["buttons"] = sorted(_buttons(dlg))
        box = dlg.findChild(type(dlg.leave_box), "copyLeave")
        seen["leave"] = box.text() if box.isEnabled() else None
        if tick_leave:
            qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(_buttons(dlg)[button], Qt.MouseButton.LeftButton)

    when_modal(qtbot, act)
    return seen


def _press_copy_week(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+Shift+W in the grid (the window is made active again after a previous dialog)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.grid.table.setFocus()
    qtbot.keyClick(window.grid.table, *COPY_WEEK)


def test_copy_onto_an_empty_week_asks_once_and_is_one_undo_step(qtbot, window, centre) -> None:
    go_to(window, "AG001", TUE)
    seen = _answer(qtbot, "Copy")
    _press_copy_week(qtbot, window)
    assert seen["buttons"] == ["Cancel", "Copy"]
    assert (
        "Copy the week of Sun 2026-11-22 onto the week of Sun 2026-11-29, for the 6 people shown."
        in seen["text"]
    )
    assert "has 10 shifts" in seen["text"]
    assert seen["leave"] is None  # no leave anywhere: nothing to decide
    assert stored(centre, "AG001", MON + NEXT).start.hour == 9
    undo = window.actions_.undo.text().replace("&", "")
    assert undo == "Undo Copy week of Sun 22 Nov to Sun 29 Nov (10 cells)"
    window.nav.next_action.trigger()
    assert shown(window, "AG002", THU + NEXT) == "9\u201317"
    assert row_totals(window, "AG002").worked == "40.00"
    window.actions_.undo.trigger()
    assert shown(window, "AG002", THU + NEXT) == ""
    assert stored(centre, "AG001", MON + NEXT) is None


def test_a_built_week_is_not_replaced_without_asking(qtbot, window, centre) -> None:
    window.nav.next_action.trigger()
    go_to(window, "AG001", TUE + NEXT)
    type_entry(qtbot, window, "E")  # the next week already has a shift
    window.nav.prev_action.trigger()
    go_to(window, "AG001", MON)
    # Cancel: nothing happens
    seen = _answer(qtbot, "Cancel")
    _press_copy_week(qtbot, window)
    assert seen["buttons"] == ["Cancel", "Fill empty cells only", "Replace"]
    assert (
        "The week of Sun 2026-11-29 already has 1 filled cell. Replace them, or fill only its empty cells?"
        in seen["text"]
    )
    assert stored(centre, "AG001", TUE + NEXT).code == "E" and stored(centre, "AG001", MON + NEXT) is None
    # Fill empty cells only: AG001's Tuesday keeps its E, the rest is filled
    _answer(qtbot, "Fill empty cells only")
    _press_copy_week(qtbot, window)
    assert stored(centre, "AG001", TUE + NEXT).code == "E"
    assert stored(centre, "AG001", MON + NEXT).start.hour == 9
    window.actions_.undo.trigger()
    # Replace: the next week becomes a copy
    _answer(qtbot, "Replace")
    _press_copy_week(qtbot, window)
    assert stored(centre, "AG001", TUE + NEXT).start.hour == 9


def test_leave_and_sickness_are_copied_only_when_ticked(qtbot, window, centre) -> None:
    go_to(window, "AG003", MON)
    type_entry(qtbot, window, "VAC", Qt.Key.Key_Tab)
    type_entry(qtbot, window, "SICK")
    seen = _answer(qtbot, "Copy")
    _press_copy_week(qtbot, window)
    assert seen["leave"] == "Also copy leave and sickness (2 in the week of Sun 2026-11-22)"
    assert stored(centre, "AG003", MON + NEXT) is None and stored(centre, "AG003", TUE + NEXT) is None
    window.actions_.undo.trigger()
    _answer(qtbot, "Copy", tick_leave=True)
    _press_copy_week(qtbot, window)
    assert stored(centre, "AG003", MON + NEXT).code == "VAC"
    assert stored(centre, "AG003", TUE + NEXT).code == "SICK"


def test_with_a_team_filter_only_that_team_is_copied(qtbot, window, centre) -> None:
    combo = window.team_filter
    combo.setCurrentIndex(combo.findText("Green"))
    combo.activated.emit(combo.currentIndex())  # as a click on the item does
    assert [e.code for e in window.session.state.employees] == ["AG004", "AG005", "AG006"]
    go_to(window, "AG004", MON)
    type_entry(qtbot, window, "9-17")
    seen = _answer(qtbot, "Copy")
    _press_copy_week(qtbot, window)
    assert "for the 3 people shown (team Green)" in seen["text"]
    assert stored(centre, "AG004", MON + NEXT).start.hour == 9
    assert stored(centre, "AG001", MON + NEXT) is None  # team Blue is not touched
    assert QApplication.activeModalWidget() is None
