"""Hours carried in from the night before the first shown day are visible where they land."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from deskwfm.gui.grid_model import CARRIED_ROLE
from tests.gui.conftest import MON
from tests.gui.grid_helpers import go_to, index, row_totals, select, shown, type_entry

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")
SUN, SAT = MON - timedelta(days=1), MON + timedelta(days=5)
ALT = Qt.KeyboardModifier.AltModifier
TOOLTIP = Qt.ItemDataRole.ToolTipRole


def test_a_night_shift_from_before_the_week_shows_in_its_first_day(qtbot, window) -> None:
    table = window.grid.table
    go_to(window, "AG003", SUN)
    qtbot.keyClick(table, Qt.Key.Key_Left, ALT)  # the week before
    go_to(window, "AG003", SUN - timedelta(days=1))
    type_entry(qtbot, window, "22-6")  # Saturday night
    qtbot.keyClick(table, Qt.Key.Key_Right, ALT)  # back to the week of Sun 22 Nov
    assert window.session.state.days[0] == SUN
    # the row is not an empty row with 6 paid hours: Sunday says where they come from
    assert shown(window, "AG003", SUN) == "\u2190 6.00 h"
    assert index(window, "AG003", SUN).data(CARRIED_ROLE) == 360
    tip = index(window, "AG003", SUN).data(TOOLTIP)
    assert "6.00 h today from the shift of Saturday 21 November 2026 (22:00\u201306:00)" in tip
    assert row_totals(window, "AG003").worked == "6.00"
    row = window.session.state.row_of["AG003"]
    totals_tip = window.session.totals_model.index(row, 0).data(TOOLTIP)
    assert (
        "6.00 h on Sunday 22 November 2026 from the shift of the day before (22:00\u201306:00)" in totals_tip
    )
    # the mark is painted at the left edge of the cell
    image = table.viewport().grab().toImage()
    rect = table.visualRect(index(window, "AG003", SUN))
    assert image.pixelColor(rect.left() + 1, rect.center().y()) == QColor("#6b5b95")
    # the cell is still empty to edit and to copy: nothing to type over, nothing copied
    select(window, ("AG003", SUN), ("AG003", SUN))
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "\n"
    go_to(window, "AG003", SUN)
    type_entry(qtbot, window, "9-13")
    assert shown(window, "AG003", SUN) == "9\u201313"  # its own shift shows, the mark stays
    assert index(window, "AG003", SUN).data(CARRIED_ROLE) == 360
    assert row_totals(window, "AG003").worked == "10.00"


def test_hours_after_the_last_shown_day_are_named_in_the_totals_tooltip(qtbot, window) -> None:
    go_to(window, "AG004", SAT)
    type_entry(qtbot, window, "22-6")
    assert row_totals(window, "AG004").worked == "2.00"
    row = window.session.state.row_of["AG004"]
    tip = window.session.totals_model.index(row, 0).data(TOOLTIP)
    said = "6.00 h of the shift of Saturday 28 November 2026 fall on the next day, outside the range shown"
    assert said in tip
