"""The grid uses the window: day columns share the free width, a week fits 1024 pixels, long
names are elided with the full name in the tooltip, and a long range scrolls in step."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from deskwfm.gui.header import NAME_MAX
from deskwfm.gui.view_range import ViewKind

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")


def _resize(qtbot, window, width: int, height: int) -> None:  # type: ignore[no-untyped-def]
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.grid.width() == width)


def _days_fully_shown(window) -> int:  # type: ignore[no-untyped-def]
    table = window.grid.table
    room = table.viewport().width()
    shown = 0
    for c in range(table.model().columnCount()):
        x = table.columnViewportPosition(c)
        shown += x >= 0 and x + table.columnWidth(c) <= room
    return shown


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1280, 800), (1024, 700)])
def test_a_week_fills_the_window_and_every_day_is_shown(qtbot, window, width: int, height: int) -> None:
    _resize(qtbot, window, width, height)
    grid = window.grid
    assert _days_fully_shown(window) == 7
    assert not grid.hbar.isVisible()
    used = grid.table.width() + grid.totals.width() + grid.vbar.sizeHint().width()
    assert used >= width - 8  # no empty band on the right
    days = [grid.table.columnWidth(c) for c in range(7)]
    assert len(set(days)) == 1  # the days share the room equally
    header = grid.table.verticalHeader().width()
    assert header <= days[0] * 2.6  # the name column no longer takes a third of the window
    assert grid.footer.verticalHeader().width() == header  # the day totals stay under their days


def test_long_names_are_elided_and_shown_whole_in_the_tooltip(qtbot, window) -> None:
    from deskwfm.core.model import Employee
    from deskwfm.services.employees import add_employee

    long_name = "Maria-Fernanda de los Santos Villanueva"
    add_employee(window.session.ws, Employee("AG009", long_name, "Blue"), Decimal("20"), date(2020, 1, 1))
    window.session.reload()
    _resize(qtbot, window, 1024, 700)
    header = window.grid.table.row_header
    assert header.fontMetrics().horizontalAdvance(long_name) > header.name_w  # it must be elided
    row = window.session.state.row_of["AG009"]
    tip = window.session.grid_model.headerData(row, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
    assert long_name in tip
    _resize(qtbot, window, 1920, 1000)
    assert header.name_w == NAME_MAX and header.team_w > 0  # a wide window shows the team column again


def test_a_long_range_scrolls_and_the_day_totals_scroll_with_it(qtbot, window) -> None:
    _resize(qtbot, window, 1024, 700)
    window.actions_.views[ViewKind.SIX_WEEKS].trigger()
    grid = window.grid
    assert grid.hbar.isVisible() and _days_fully_shown(window) < 42
    grid.hbar.setValue(grid.hbar.maximum() // 2)
    c = grid.table.columnAt(grid.table.viewport().width() // 2)
    assert grid.table.columnViewportPosition(c) == grid.footer.columnViewportPosition(c)
    assert grid.table.columnWidth(c) == grid.footer.columnWidth(c)


def test_the_window_opens_inside_a_laptop_screen_and_keeps_its_size_on_a_large_one(qtbot, window) -> None:
    """The window's default 1440 x 860 would put the status bar and the Saturday column off a
    1280 x 800 screen; shown there, it fits the free area and still shows the whole week."""
    from PySide6.QtCore import QRect

    window.show()
    qtbot.waitExposed(window)
    window.fit_screen(QRect(0, 0, 1280, 800))
    qtbot.waitUntil(lambda: window.grid.width() <= 1280)
    frame = window.frameGeometry()
    assert frame.width() <= 1280 and frame.height() <= 800
    assert (frame.x(), frame.y()) == (0, 0)
    assert _days_fully_shown(window) == 7

    window.resize(1440, 860)
    window.fit_screen(QRect(0, 0, 2560, 1440))
    assert (window.width(), window.height()) == (1440, 860)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_centre_sized_gross_is_shown_whole_in_either_language(qtbot, centre, lang: str) -> None:  # type: ignore[no-untyped-def]
    """The totals row never clips a figure a clerk reads, in either language's format: here the
    shown people earn over $800,000 in the week (the widest sum shown with cents; from $1M the
    cents are left out) and the row, in its smaller font, fits its column."""
    import re

    from PySide6.QtGui import QFontMetrics

    from deskwfm.core.i18n import set_language
    from deskwfm.core.model import Employee
    from deskwfm.gui.main_window import MainWindow
    from deskwfm.services.employees import add_employee
    from deskwfm.services.schedule import CellEdit, apply_edits
    from deskwfm.services.workspace import Workspace
    from tests.gui.conftest import MON, WEEK_OF

    ws = Workspace.open(centre)
    add_employee(ws, Employee("EX1", "Expert", "Blue"), Decimal("9999.99"), date(2020, 1, 1))
    apply_edits(ws, [CellEdit("EX1", date.fromordinal(MON.toordinal() + d), "7-21") for d in range(5)])
    set_language(lang)
    try:
        win = MainWindow(ws, ViewKind.WEEK, WEEK_OF)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        win.session.finish_totals()
        sheet = win.grid.sheet
        model = sheet.model()
        gross_col = model.columnCount() - 1
        idx = model.index(0, gross_col)
        text = model.data(idx, Qt.ItemDataRole.DisplayRole)
        shape = r"\$\d{3},\d{3}\.\d\d" if lang == "en" else r"\d{3}[\xa0\u202f]\d{3},\d\d\xa0\$"
        assert re.fullmatch(shape, text), text
        width = QFontMetrics(model.data(idx, Qt.ItemDataRole.FontRole)).horizontalAdvance(text)
        assert width + 6 <= sheet.columnWidth(gross_col), (text, width, sheet.columnWidth(gross_col))
        win.close()
    finally:
        set_language("en")
        ws.close()
