"""The payroll clerk's window: approve, lock, unlock, differences, warnings, driven like a clerk."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from deskwfm.core.model import Employee
from deskwfm.core.rules import PRESETS
from deskwfm.gui.payroll_window import PayrollWindow, ReasonDialog
from deskwfm.services import employees, periods
from deskwfm.services.schedule import CellEdit, apply_edits
from deskwfm.services.site import get_site, save_site
from deskwfm.services.workspace import Workspace
from tests.gui.conftest import WEEK_OF
from tests.gui.dialogs_helper import press_ok, when_a_dialog_opens
from tests.gui.grid_helpers import go_to, shown

START = date(2026, 11, 22)  # the pay period holding the test week (biweekly from 2026-01-04)


@pytest.fixture
def ws(centre: Path):  # type: ignore[no-untyped-def]
    w = Workspace.open(centre)
    yield w
    w.close()


def open_window(qtbot, ws: Workspace) -> PayrollWindow:  # type: ignore[no-untyped-def]
    win = PayrollWindow(ws, WEEK_OF)
    qtbot.addWidget(win)
    win.show()
    win.wait_loaded()
    return win


def column(win: PayrollWindow, heading: str) -> dict[str, str]:
    from deskwfm.gui.payroll_window import HEADINGS

    c = HEADINGS.index(heading)
    m = win.table.model()
    return {m.index(r, 0).data(): m.index(r, c).data() for r in range(m.rowCount())}


def total(win: PayrollWindow, heading: str) -> str:
    from deskwfm.gui.payroll_window import HEADINGS

    return win.totals_model.values[HEADINGS.index(heading)]


def select_rows(win: PayrollWindow, codes: list[str]) -> None:
    m = win.table.model()
    sel = win.table.selectionModel()
    sel.clear()
    for r in range(m.rowCount()):
        if m.index(r, 0).data() in codes:
            sel.select(
                m.index(r, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )


def test_the_clerk_approves_locks_and_unlocks_a_period(qtbot, ws: Workspace) -> None:  # type: ignore[no-untyped-def]
    win = open_window(qtbot, ws)
    assert win.start == START
    assert "0 of 2 employees with pay approved" in win.status.text()
    assert column(win, "Gross")["AG001"] == "$800.00"  # 5 x 8 h at $20
    assert total(win, "Gross") == "$1,600.00" and total(win, "Name") == "Total (6 employees)"

    select_rows(win, ["AG001"])
    qtbot.mouseClick(win.approve_selected, Qt.MouseButton.LeftButton)
    win.wait_loaded()
    assert column(win, "Approved by")["AG001"] == ws.actor.label
    assert column(win, "Approved by")["AG002"] == ""
    assert "1 of 2" in win.status.text()

    seen: list[str] = []
    when_a_dialog_opens(press_ok, seen)
    qtbot.mouseClick(win.lock_button, Qt.MouseButton.LeftButton)
    assert seen and "not approved yet (AG002)" in seen[0]  # refused: nothing locked

    qtbot.mouseClick(win.approve_all, Qt.MouseButton.LeftButton)
    win.wait_loaded()
    qtbot.mouseClick(win.lock_button, Qt.MouseButton.LeftButton)
    win.wait_loaded()
    assert win.status.text().startswith(f"Locked by {ws.actor.label}")
    assert not win.approve_all.isEnabled() and not win.lock_button.isEnabled()
    assert win.unlock_button.isEnabled() and win.diff_button.isEnabled()
    assert win.changed_data

    def give_reason(w: QWidget) -> None:
        assert isinstance(w, ReasonDialog)
        w.reason.setText("AG002's overtime was missed")
        unlock = next(b for b in w.findChildren(QPushButton) if b.text() == "Unlock")
        unlock.click()

    when_a_dialog_opens(give_reason, [])
    qtbot.mouseClick(win.unlock_button, Qt.MouseButton.LeftButton)
    win.wait_loaded()
    assert win.status.text().startswith("Reopened (AG002's overtime was missed)")
    assert ws.store.audit_entries(how="unlock")[0].reason == "AG002's overtime was missed"


def test_a_team_filter_and_sorting_keep_the_totals_of_what_is_shown(qtbot, ws: Workspace) -> None:  # type: ignore[no-untyped-def]
    win = open_window(qtbot, ws)
    win.team.setCurrentIndex(win.team.findData("Green"))
    assert set(column(win, "Code")) == {"AG004", "AG005", "AG006"}
    assert total(win, "Name") == "Total (3 employees)"
    win.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert win.table.model().index(0, 0).data() == "AG006"


def test_an_employee_without_a_rate_is_flagged_not_hidden(qtbot, ws: Workspace) -> None:  # type: ignore[no-untyped-def]
    employees.add_employee(ws, Employee("AG007", "New Hire", "Blue"), Decimal("20"), date(2026, 11, 30))
    apply_edits(ws, [CellEdit("AG007", date(2026, 11, 24), "9-17")])  # before the rate starts
    win = open_window(qtbot, ws)
    assert column(win, "Warnings")["AG007"] == "no pay rate from 2026-11-24"
    assert column(win, "Gross")["AG007"].endswith("*")


def test_differences_since_lock_after_a_rule_change(qtbot, ws: Workspace) -> None:  # type: ignore[no-untyped-def]
    apply_edits(ws, [CellEdit("AG001", date(2026, 11, 28), "8-20")])  # a 12-hour Saturday
    periods.approve(ws, START)
    periods.lock(ws, START)
    save_site(ws, get_site(ws).with_changes(rules=PRESETS["california"]))
    win = open_window(qtbot, ws)
    assert column(win, "Gross")["AG001"] == "$1,120.00"  # 44 h + 8 h OT (Ontario), stored at the lock
    got: list[QDialog] = []

    def read(w: QWidget) -> None:
        assert isinstance(w, QDialog)
        got.append(w)
        w.accept()

    when_a_dialog_opens(read, [])
    qtbot.mouseClick(win.diff_button, Qt.MouseButton.LeftButton)
    rows = got[0].table.model().rows  # type: ignore[attr-defined]
    assert rows[0][:4] == ("AG001", "Agent 1", "Gross pay", "$1,120.00")
    assert rows[0][4] != "$1,120.00"  # California: daily overtime after 8 h


def test_locked_days_are_read_only_and_a_paste_into_them_is_refused(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from tests.gui.grid_helpers import editor, index

    ws = window.session.ws
    periods.approve(ws, START)
    periods.lock(ws, START)
    window.session.reload()
    tue = date(2026, 11, 24)
    before = shown(window, "AG001", tue)
    header = window.session.grid_model.headerData(
        index(window, "AG001", tue).column(), Qt.Orientation.Horizontal
    )
    assert "\U0001f512" in header  # the day shows its lock
    go_to(window, "AG001", tue)
    qtbot.keyClick(window.grid.table, "1")
    assert editor(window) is None  # typing does not open an editor on a locked day

    QApplication.clipboard().setText("10-18")
    seen: list[str] = []
    when_a_dialog_opens(press_ok, seen)
    go_to(window, "AG001", tue)
    window.paste_cells()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert "pay period 2026-11-22 to 2026-12-05 is locked" in seen[0]
    assert shown(window, "AG001", tue) == before


def test_the_payroll_menu_opens_the_window_on_the_period_shown(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    opened: list[date] = []

    def look(w: QWidget) -> None:
        assert isinstance(w, PayrollWindow)
        w.wait_loaded()
        opened.append(w.start)
        w.accept()

    when_a_dialog_opens(look, [])
    action = next(a for a in window.menuBar().actions() if a.text() == "&Payroll")
    action.menu().actions()[0].trigger()
    assert opened == [START]


def test_a_rate_change_inside_a_locked_period_is_refused_in_the_employees_dialog(
    qtbot, ws: Workspace
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QDate

    from deskwfm.gui.dialogs.employees import EmployeesDialog

    periods.approve(ws, START)
    periods.lock(ws, START)
    dlg = EmployeesDialog(ws)
    qtbot.addWidget(dlg)
    dlg.show()
    codes = [dlg.model.index(r, 0).data() for r in range(dlg.model.rowCount())]
    rect = dlg.table.visualRect(dlg.model.index(codes.index("AG001"), 1))
    qtbot.mouseClick(dlg.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    panel = dlg.rates_panel
    qtbot.keyClicks(panel.rate_edit, "25.00")
    panel.rate_from.setDate(QDate(2026, 11, 29))  # inside the locked period
    qtbot.keyClick(panel.rate_edit, Qt.Key.Key_Return)
    assert dlg.message.is_error and "pay period 2026-11-22 to 2026-12-05 is locked" in dlg.message.text()
    assert [r.hourly for r in employees.list_rates(ws, "AG001")] == [Decimal("20.00")]
