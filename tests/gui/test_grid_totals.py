"""The totals beside the grid use the timesheet's words (Worked h, Leave h, Paid h = both, OT h,
Gross) and a totals row under them adds up the rows shown, in view whatever the scroll."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.gui.conftest import MON
from tests.gui.grid_helpers import go_to, row_totals, sheet_totals, type_entry

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")
TUE, SAT = MON + timedelta(days=1), MON + timedelta(days=5)
DISPLAY, TOOLTIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole


def _headings(window) -> list[str]:  # type: ignore[no-untyped-def]
    header = window.grid.totals.horizontalHeader()
    model = header.model()
    texts = [model.headerData(i, Qt.Orientation.Horizontal, DISPLAY) for i in range(header.count())]
    return [t.replace("\n", " ") for t in texts]


def test_columns_are_worked_leave_paid_ot_and_gross(qtbot, window) -> None:
    assert _headings(window) == ["Worked h", "Leave h", "Paid h", "OT h", "Gross"]
    model = window.grid.totals.model()
    assert model.headerData(2, Qt.Orientation.Horizontal, TOOLTIP) == "Paid hours = Worked h + Leave h"
    go_to(window, "AG003", MON)
    type_entry(qtbot, window, "9-17", Qt.Key.Key_Tab)
    type_entry(qtbot, window, "VAC")
    assert row_totals(window, "AG003") == ("8.00", "8.00", "16.00", "", "$320.00")
    # AG001 works Mon-Fri 9-17 (40 h); a Saturday 9-17 is 8 h of weekly overtime (Ontario: after 44 h)
    go_to(window, "AG001", SAT)
    type_entry(qtbot, window, "9-17")
    assert row_totals(window, "AG001") == ("48.00", "", "48.00", "4.00", "$1,000.00")


def test_the_totals_row_adds_up_the_rows_and_follows_each_edit(qtbot, window) -> None:
    assert sheet_totals(qtbot, window) == ("80.00", "", "80.00", "", "$1,600.00")
    go_to(window, "AG005", MON)
    type_entry(qtbot, window, "VAC")
    assert sheet_totals(qtbot, window) == ("80.00", "8.00", "88.00", "", "$1,760.00")
    tip = window.session.sheet_model.index(0, 0).data(TOOLTIP)
    assert "Totals of the 6 people shown" in tip
    assert "Worked 80.00 h + leave 8.00 h = paid 88.00 h" in tip
    window.actions_.undo.trigger()
    assert sheet_totals(qtbot, window) == ("80.00", "", "80.00", "", "$1,600.00")


def test_the_totals_row_stays_in_view_while_the_rows_scroll(qtbot, window) -> None:
    window.resize(1100, 300)  # six rows do not fit: the rows scroll
    qtbot.waitUntil(lambda: window.grid.vbar.maximum() > 0)
    sheet = window.grid.sheet
    before = sheet.mapTo(window, sheet.rect().topLeft())
    window.grid.vbar.setValue(window.grid.vbar.maximum())
    qtbot.wait(10)
    assert window.grid.table.rowViewportPosition(0) < 0  # the rows did scroll
    assert sheet.isVisible() and sheet.mapTo(window, sheet.rect().topLeft()) == before
    assert sheet.visibleRegion().boundingRect().height() >= sheet.rowHeight(0)


def test_under_rules_with_double_time_the_overtime_column_says_so(qtbot, tmp_path: Path) -> None:
    from deskwfm.core.model import Employee
    from deskwfm.core.rules import PRESETS
    from deskwfm.core.site import SiteSettings
    from deskwfm.gui.main_window import MainWindow
    from deskwfm.gui.view_range import ViewKind
    from deskwfm.services.employees import add_employee
    from deskwfm.services.schedule import CellEdit, apply_edits
    from deskwfm.services.setup import init_database

    site = SiteSettings(tz="America/Los_Angeles", rules=PRESETS["california"])
    ws = init_database(tmp_path / "ca.sqlite3", site)
    add_employee(ws, Employee("CA1", "Cal Worker"), Decimal("20.00"), date(2020, 1, 1))
    apply_edits(ws, [CellEdit("CA1", MON, "6-20")])  # 14 h: 8 regular, 4 OT, 2 double time
    win = MainWindow(ws, ViewKind.WEEK, MON, remember=False)
    qtbot.addWidget(win)
    try:
        assert _headings(win)[3] == "OT+DT h"
        assert row_totals(win, "CA1")[:4] == ("14.00", "", "14.00", "6.00")
    finally:
        win.close()
        ws.close()
