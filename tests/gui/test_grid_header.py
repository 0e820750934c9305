"""Weekend and holiday columns are tinted in the header too, not only in their cells."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtGui import QColor

from .conftest import make_centre


def _header_pixel(win, column: int) -> QColor:  # type: ignore[no-untyped-def]
    header = win.grid.table.horizontalHeader()
    image = header.grab().toImage()
    x = header.sectionViewportPosition(column) + 4
    return image.pixelColor(x, 4)


def test_holiday_and_weekend_headers_are_tinted(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from deskwfm.gui.main_window import MainWindow
    from deskwfm.gui.view_range import ViewKind
    from deskwfm.services.workspace import Workspace

    ws = Workspace.open(make_centre(tmp_path / "c.sqlite3"))
    # Week of Sun 20 Dec 2026: Christmas (Fri 25) and Boxing Day (Sat 26) are Ontario holidays.
    win = MainWindow(ws, ViewKind.WEEK, date(2026, 12, 22))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    try:
        table = win.grid.table
        table.setCurrentIndex(table.model().index(0, 2))  # keep the selection off the columns checked
        monday, christmas = _header_pixel(win, 1), _header_pixel(win, 5)
        plain = QColor("#f4f5f7")
        assert monday == plain
        assert christmas != plain and christmas.red() > christmas.blue()  # the holiday's pink
        model = table.model()
        assert "Christmas" in model.headerData(5, table.horizontalHeader().orientation(), 3)  # tooltip
    finally:
        win.close()
        ws.close()
