"""A cell's History and the Audit window: what changed, who did it, how; filters, export, check."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QWidget

from deskwfm.gui.audit_views import AuditWindow, HistoryDialog
from tests.gui.dialogs_helper import press_ok, when_a_dialog_opens
from tests.gui.grid_helpers import go_to, type_entry

TUE = date(2026, 11, 24)


def _texts(model, row: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_history_lists_every_change_of_a_cell_newest_first(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    go_to(window, "AG001", TUE)
    type_entry(qtbot, window, "10-18/30")
    go_to(window, "AG001", TUE)
    type_entry(qtbot, window, "D")
    dlg = HistoryDialog(window.session.ws, "AG001", TUE, window)
    qtbot.addWidget(dlg)
    m = dlg.model
    assert m.rowCount() == 3  # the centre's 9-17, then two grid edits
    newest, middle, oldest = (_texts(m, r) for r in range(3))
    assert (newest[2], newest[6], newest[7]) == ("grid edit", "10:00-18:00/30", "D")
    assert (middle[6], middle[7]) == ("09:00-17:00", "10:00-18:00/30")
    assert (
        oldest[6] == "—"
        and oldest[1] == f"{window.session.ws.actor.user}@{window.session.ws.actor.workstation}"
    )


def test_the_audit_window_filters_exports_and_checks_the_trail(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    go_to(window, "AG002", TUE)
    type_entry(qtbot, window, "N")
    win = AuditWindow(window.session.ws, None, None, window)
    qtbot.addWidget(win)
    everything = win.model.rowCount()
    win.employee.setText("AG002")
    win.kind.setCurrentIndex(win.kind.findData("grid edit"))
    win.use_dates.setChecked(True)
    for edit in (win.from_edit, win.to_edit):
        edit.setDate(QDate(2026, 11, 24))
    qtbot.mouseClick(win.show_button, Qt.MouseButton.LeftButton)
    assert win.model.rowCount() == 2 < everything  # the centre's 9-17, then N
    assert _texts(win.model, 0)[3:8] == ["shift", "AG002", "Tue 2026-11-24", "09:00-17:00", "N"]

    target = win.export(str(tmp_path / "audit.xlsx"))
    assert target is not None
    book = load_workbook(target, read_only=True)
    try:
        rows = list(book.active.iter_rows(min_row=4, values_only=True))
    finally:
        book.close()
    assert len(rows) == 2 and rows[0][7] == "AG002" and rows[0][10] == "N"

    seen: list[str] = []
    when_a_dialog_opens(press_ok, seen)
    qtbot.mouseClick(win.verify_button, Qt.MouseButton.LeftButton)
    assert seen and seen[0].startswith("the audit trail holds")


def test_the_audit_window_names_a_row_edited_outside_deskwfm(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    path = window.session.ws.store.target.path
    with sqlite3.connect(path) as c:
        c.execute("DROP TRIGGER audit_append_only_update")
        c.execute('UPDATE audit SET after = \'{"entry":"00:00-23:00"}\' WHERE id = 3')
    c.close()
    win = AuditWindow(window.session.ws, None, None, window)
    qtbot.addWidget(win)
    seen: list[str] = []

    def read(w: QWidget) -> None:
        press_ok(w)

    when_a_dialog_opens(read, seen)
    qtbot.mouseClick(win.verify_button, Qt.MouseButton.LeftButton)
    assert seen == ["audit row 3 was edited outside deskwfm (it no longer matches its hash)"]
