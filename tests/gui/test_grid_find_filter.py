"""Finding people (Ctrl+F) and showing one team (the toolbar's team filter; totals follow it)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import MON
from tests.gui.grid_helpers import day_totals, go_to, sheet_totals, type_entry

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")
TUE = MON + timedelta(days=1)


def _current(window) -> tuple[str, date]:  # type: ignore[no-untyped-def]
    st = window.session.state
    cur = window.grid.table.currentIndex()
    return st.employees[cur.row()].code, st.days[cur.column()]


def _selected(window) -> list[tuple[str, date]]:  # type: ignore[no-untyped-def]
    st = window.session.state
    return [(st.employees[i.row()].code, st.days[i.column()]) for i in window.grid.table.selectedIndexes()]


def _choose_team(window, text: str) -> None:  # type: ignore[no-untyped-def]
    combo = window.team_filter
    i = combo.findText(text)
    assert i >= 0, f"no {text} in the team filter"
    combo.setCurrentIndex(i)
    combo.activated.emit(i)  # what a click on the item sends


@pytest.fixture
def with_accents(window):  # type: ignore[no-untyped-def]
    from deskwfm.core.model import Employee
    from deskwfm.services.employees import add_employee

    add_employee(window.session.ws, Employee("ZC01", "Zoë Côté", "Green"), Decimal("20"), date(2020, 1, 1))
    window.session.reload()
    return window


def test_ctrl_f_finds_by_name_or_code_and_enter_goes_to_the_next(qtbot, with_accents) -> None:
    window = with_accents
    table = window.grid.table
    go_to(window, "AG001", TUE)
    qtbot.keyClick(table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    assert bar.isVisible() and QApplication.focusWidget() is bar.edit
    qtbot.keyClicks(bar.edit, "zoe cote")  # case and accents do not matter
    assert _current(window) == ("ZC01", TUE) and _selected(window) == [("ZC01", TUE)]
    assert bar.status.text() == "1 of 1"
    bar.edit.clear()
    qtbot.keyClicks(bar.edit, "ag00")
    assert _current(window) == ("AG001", TUE) and bar.status.text() == "1 of 6"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert _current(window) == ("AG003", TUE) and _selected(window) == [("AG003", TUE)]
    assert bar.status.text() == "3 of 6"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert _current(window) == ("AG002", TUE)
    # Escape gives the keyboard back to the grid, on the cell found
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible() and QApplication.focusWidget() is table
    type_entry(qtbot, window, "N")
    assert window.session.state.shift_at(1, 2).code == "N"  # AG002, Tuesday


def test_no_match_and_a_match_hidden_by_the_team_filter_are_said(qtbot, with_accents) -> None:
    window = with_accents
    _choose_team(window, "Blue")
    qtbot.keyClick(window.grid.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    qtbot.keyClicks(bar.edit, "nobody")
    assert bar.status.text() == "No employee matches"
    bar.edit.clear()
    qtbot.keyClicks(bar.edit, "zoe")
    assert bar.status.text() == "ZC01 Zoë Côté is in team Green, which the team filter hides"


def test_the_team_filter_shows_one_team_and_the_totals_follow(qtbot, window) -> None:
    combo = window.team_filter
    assert [combo.itemText(i) for i in range(combo.count())] == ["All teams", "Blue", "Green"]
    assert day_totals(window, MON) == ("2", "16.00")
    assert sheet_totals(qtbot, window).worked == "80.00"
    _choose_team(window, "Green")
    assert [e.code for e in window.session.state.employees] == ["AG004", "AG005", "AG006"]
    assert window.grid.table.model().rowCount() == 3
    assert day_totals(window, MON) == ("0", "0.00")  # AG001 and AG002 are in Blue
    assert sheet_totals(qtbot, window).worked == "0.00"
    assert window.grid.footer_note.text().strip() == "Total of 3 people"
    go_to(window, "AG004", MON)
    type_entry(qtbot, window, "9-17")
    assert day_totals(window, MON) == ("1", "8.00")
    assert sheet_totals(qtbot, window).worked == "8.00"
    # the filter stays while moving through the weeks, and All teams brings everyone back
    window.nav.next_action.trigger()
    assert window.session.state.team == "Green" and combo.currentText() == "Green"
    window.nav.prev_action.trigger()
    _choose_team(window, "All teams")
    assert window.grid.table.model().rowCount() == 6
    assert day_totals(window, MON) == ("3", "24.00")
    assert sheet_totals(qtbot, window).worked == "88.00"
