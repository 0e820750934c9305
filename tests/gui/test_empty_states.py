"""Empty and edge states: a centre with nobody on it, the first run's pay-period start, and the
Short row where there is no call forecast (issue 11, item 12)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton

from deskwfm.core.model import Employee, PayPeriodKind
from deskwfm.core.site import SiteSettings
from deskwfm.gui.first_run import FirstRunDialog
from tests.gui.conftest import MON, WEEK_OF

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")
SHORT = 2


def when_modal(kind: type, action: Callable[[QDialog], None]) -> None:
    """Act on the next modal dialog of ``kind`` once it is shown (exec() blocks the test)."""

    def poll() -> None:
        w = QApplication.activeModalWidget()
        if isinstance(w, kind) and w.isVisible():
            action(w)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)


@pytest.fixture
def empty_window(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    from deskwfm.gui.main_window import MainWindow
    from deskwfm.gui.view_range import ViewKind
    from deskwfm.services.setup import init_database

    ws = init_database(tmp_path / "new.sqlite3", SiteSettings(name="New centre"))
    win = MainWindow(ws, ViewKind.WEEK, WEEK_OF)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    ws.close()


def test_an_empty_centre_offers_to_add_employees(qtbot, empty_window) -> None:
    from deskwfm.gui.dialogs.employees import EmployeesDialog
    from deskwfm.services.employees import add_employee

    win = empty_window
    hint = win.empty_hint
    assert hint is not None
    assert win.session.state.row_count == 0
    assert hint.isVisible()
    assert "Nobody is on this schedule yet" in hint.findChild(QLabel, "emptyScheduleTitle").text()
    button = hint.findChild(QPushButton, "addEmployeesButton")
    assert button.text() == "Add employees…" and button.isVisible()
    # the hint sits inside the grid, not off to one side
    viewport = win.grid.table.viewport()
    assert viewport.rect().contains(hint.geometry())

    seen: list[QDialog] = []

    def add_one(dlg: QDialog) -> None:
        seen.append(dlg)
        add_employee(win.session.ws, Employee("AG001", "Ada Lovelace", "Blue"), Decimal("21.00"), MON)
        dlg.accept()

    when_modal(EmployeesDialog, add_one)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(seen) == 1 and isinstance(seen[0], EmployeesDialog)
    assert win.session.state.row_count == 1
    assert not hint.isVisible()  # the grid has a row to type in now


def test_a_centre_with_people_shows_no_hint(window) -> None:
    assert window.session.state.row_count == 6
    assert window.empty_hint is None or not window.empty_hint.isVisible()


def test_short_row_says_no_forecast_dimmed_with_how_to_import(
    qtbot, window, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    m = window.session.day_model
    col = window.session.state.col_of[MON]
    cell = m.index(SHORT, col)
    assert cell.data() == "no forecast"
    fg = cell.data(Qt.ItemDataRole.ForegroundRole).color()
    plain = window.grid.footer.palette().text().color()
    assert fg.lightness() > plain.lightness() + 60  # visibly greyed, not an alarm
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is None
    tip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert "No call forecast" in tip and "File → Import forecast" in tip

    # importing a forecast replaces the words with the comparison
    f = tmp_path / "forecast.csv"
    f.write_text(f"Date,Interval start,Calls,AHT (s)\n{MON.isoformat()},10:00,1,300\n")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(f), ""))
    window.import_forecast()
    cell = m.index(SHORT, col)
    assert cell.data() == "\u2713"
    assert m.index(SHORT, col + 1).data() == "no forecast"  # Tuesday still has none


# -- first run: when does a weekly or two-weekly pay period start? -------------------------


@pytest.fixture
def first_run(qtbot, tmp_path: Path) -> FirstRunDialog:
    dlg = FirstRunDialog(default_path=tmp_path / "data" / "deskwfm.sqlite3")
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def _choose_period(dlg: FirstRunDialog, kind: PayPeriodKind) -> None:
    dlg.period_combo.setCurrentIndex(dlg.period_combo.findData(kind))


def test_first_run_asks_when_a_two_weekly_period_starts(
    qtbot, first_run: FirstRunDialog, tmp_path: Path
) -> None:
    from deskwfm.gui.dialogs.forms import date_of, to_qdate
    from deskwfm.services.site import get_site
    from deskwfm.services.workspace import Workspace

    dlg = first_run
    assert PayPeriodKind(dlg.period_combo.currentData()) is PayPeriodKind.BIWEEKLY
    assert dlg.anchor_edit.isVisible() and dlg.anchor_hint.isVisible()
    # the default is the first day (Sunday) of the current week, and the hint says why it matters
    default = date_of(dlg.anchor_edit)
    assert default.weekday() == 6 and timedelta(0) <= date.today() - default < timedelta(days=7)
    assert "every two weeks" in dlg.anchor_hint.text() and "Sunday" in dlg.anchor_hint.text()
    assert "Settings → Site" in dlg.anchor_edit.toolTip()
    _choose_period(dlg, PayPeriodKind.WEEKLY)
    assert "every week" in dlg.anchor_hint.text()
    _choose_period(dlg, PayPeriodKind.BIWEEKLY)

    # a day in mid-week moves to the Sunday that starts its week
    dlg.anchor_edit.setDate(to_qdate(date(2027, 1, 6)))  # a Wednesday
    assert date_of(dlg.anchor_edit) == date(2027, 1, 3)

    qtbot.keyClicks(dlg.name_edit, "Riverside")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert dlg.result() == QDialog.DialogCode.Accepted
    with Workspace.open(tmp_path / "data" / "deskwfm.sqlite3") as ws:
        site = get_site(ws)
    assert site.pay_period is PayPeriodKind.BIWEEKLY and site.period_anchor == date(2027, 1, 3)


@pytest.mark.parametrize(
    ("kind", "asked"),
    [
        (PayPeriodKind.WEEKLY, True),
        (PayPeriodKind.BIWEEKLY, True),
        (PayPeriodKind.SEMIMONTHLY, False),
        (PayPeriodKind.MONTHLY, False),
    ],
)
def test_period_start_is_asked_only_for_weekly_and_two_weekly(
    first_run: FirstRunDialog, kind: PayPeriodKind, asked: bool
) -> None:
    _choose_period(first_run, kind)
    assert first_run.anchor_edit.isVisible() is asked
    assert first_run.anchor_hint.isVisible() is asked
