"""File → Import actual time… driven like a clerk: a Cisco UCCX "Agent Login Logout Activity"
export through the preview, a home-grown export whose columns are named once and remembered,
and files with problems (unknown login ID, logout before login) that write nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget

from deskwfm.core.actual import Segment, Source
from deskwfm.gui.actual_import import ColumnsDialog, ImportPreview
from deskwfm.gui.grid_mode import GridMode
from deskwfm.services.actual import recorded_between
from deskwfm.services.employees import set_login_id
from deskwfm.services.workspace import Workspace
from tests.gui.conftest import MON
from tests.gui.grid_helpers import index, shown, status

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")
DASH = "\u2013"
TUE, FRI = date(2026, 11, 24), date(2026, 11, 27)

# What UCCX's historical report writes: two title lines, a blank line, the header, one row per
# login session (12-hour times with seconds), then a blank line and a totals row.
UCCX = """\ufeff"Agent Login Logout Activity Report"
"Report Date: 11/28/2026 08:15:02 AM"

Agent Name,Agent ID,Extension,Login Time,Logout Time,Logout Reason Code,Login Duration
"Agent 1",1001,4001,11/23/2026 08:58:12 AM,11/23/2026 12:01:40 PM,32767,03:03:28
"Agent 1",1001,4001,11/23/2026 12:02:30 PM,11/23/2026 05:03:05 PM,0,05:00:35
"Agent 2",1002,4002,11/23/2026 09:20:00 AM,11/23/2026 05:00:00 PM,0,07:40:00
"Agent 2",1002,4002,11/24/2026 08:59:00 AM,11/24/2026 05:01:00 PM,0,08:02:00

Total,,,,,,24:44:03
"""


def login_ids(path: Path) -> None:
    ws = Workspace.open(path)
    try:
        for i in range(1, 7):
            set_login_id(ws, f"AG00{i}", f"100{i}")
    finally:
        ws.close()


def recorded(path: Path) -> dict[tuple[str, date], object]:
    ws = Workspace.open(path)
    try:
        return {(d.employee_code, d.work_date): d for d in recorded_between(ws, MON, FRI).days}
    finally:
        ws.close()


def answer(handlers: list[Callable[[QDialog], None]], seen: list[QDialog], until: Callable[[], bool]) -> None:
    """Answer the next modal dialogs in turn, as they open (each import step opens one after a
    worker has read the file). A dialog no handler expects is recorded and closed, so the test
    fails on what it saw instead of hanging."""

    def look(left: int = 400) -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QDialog) and modal not in seen:
            seen.append(modal)
            if handlers:
                handlers.pop(0)(modal)
            else:
                modal.reject()
        if not until() and left > 0:
            QTimer.singleShot(25, lambda: look(left - 1))

    QTimer.singleShot(0, look)


def import_from_menu(qtbot, window, monkeypatch, path: Path, handlers) -> list[QDialog]:  # type: ignore[no-untyped-def]
    """File → Import actual time…, the file chosen, each dialog answered by ``handlers``."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    seen: list[QDialog] = []
    over: list[bool] = []  # this import's dialogs are answered by this call's loop only
    done = lambda: window.actual_import is not None and window.actual_import.finished  # noqa: E731
    window.actual_import = None
    answer(list(handlers), seen, lambda: bool(over))
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    next(a for a in menu.actions() if a.text().replace("&", "") == "Import actual time…").trigger()
    qtbot.waitUntil(done, timeout=10_000)
    over.append(True)
    return seen


def click(qtbot, button: QWidget) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_uccx_export_is_previewed_then_imported_and_a_second_import_changes_nothing(
    qtbot, window, centre, monkeypatch, tmp_path, after_the_week
) -> None:
    login_ids(centre)
    report = tmp_path / "uccx.csv"
    report.write_text(UCCX, encoding="utf-8")
    previews: list[ImportPreview] = []

    def look_then_import(dlg: QDialog) -> None:
        assert isinstance(dlg, ImportPreview)
        previews.append(dlg)
        click(qtbot, dlg.import_button)

    seen = import_from_menu(qtbot, window, monkeypatch, report, [look_then_import])
    assert [type(d) for d in seen] == [ImportPreview]  # the UCCX headers are known: no question
    summary = previews[0].summary.text()
    assert "uccx.csv: 4 login sessions of 2 employees" in summary
    assert "3 added, 0 changed" in summary and "1 total or blank row skipped" in summary
    assert "Login ID: Agent ID" in summary
    table = previews[0].table_model  # each day, who it is, what it holds now and after
    first = [table.index(0, c).data() for c in range(table.columnCount())]
    assert first == ["AG001", "Agent 1", "Mon 2026-11-23", "", "08:58-17:03"]
    days = recorded(centre)
    agent1 = days[("AG001", MON)]
    assert agent1.segments == (Segment(538, 1023),)  # two sessions 50 s apart join into one
    assert agent1.source is Source.IMPORT
    assert "Imported the actual time of 3 days from uccx.csv" in status(window)
    window.mode_bar.mode_actions[GridMode.ACTUAL].trigger()
    assert shown(window, "AG001", MON) == f"8:58{DASH}17:03"
    assert index(window, "AG001", MON).data(Qt.ItemDataRole.ForegroundRole).color().name() == "#1a4f9c"
    window.mode_bar.mode_actions[GridMode.VARIANCE].trigger()
    assert "late by 20 min" in index(window, "AG002", MON).data(Qt.ItemDataRole.ToolTipRole)

    # the same file again: the preview says there is nothing to do and Import cannot be pressed
    def nothing_to_do(dlg: QDialog) -> None:
        assert isinstance(dlg, ImportPreview)
        assert "Nothing to change" in dlg.summary.text()
        assert not dlg.import_button.isEnabled()
        dlg.reject()

    import_from_menu(qtbot, window, monkeypatch, report, [nothing_to_do])
    assert recorded(centre) == days


HOME_GROWN = """Rep #,Went ready,Went offline,Queue
1001,2026-11-23 08:55,2026-11-23 17:00,Billing
1002,2026-11-23 09:00,2026-11-23 17:00,Billing
"""


def test_unknown_headers_are_named_once_and_remembered_for_the_next_file(
    qtbot, window, centre, monkeypatch, tmp_path
) -> None:
    login_ids(centre)
    first = tmp_path / "week1.csv"
    first.write_text(HOME_GROWN, encoding="utf-8")
    asked: list[ColumnsDialog] = []

    def name_columns(dlg: QDialog) -> None:
        assert isinstance(dlg, ColumnsDialog)
        asked.append(dlg)
        # nothing is recognised, so nothing is guessed ("in" is not the in of "Went offline")
        assert [dlg.combos[r].currentText() for r in ("id", "in", "out")] == ["(choose)"] * 3
        click(qtbot, dlg.ok_button)
        assert dlg.isVisible() and dlg.error.text().startswith("Choose the column of: Login ID")
        # the clerk picks each column from the header row shown
        for role, header in (("id", "Rep #"), ("in", "Went ready"), ("out", "Went offline")):
            combo = dlg.combos[role]
            combo.setCurrentIndex(combo.findText(header))
        click(qtbot, dlg.ok_button)

    def import_it(dlg: QDialog) -> None:
        assert isinstance(dlg, ImportPreview)
        click(qtbot, dlg.import_button)

    seen = import_from_menu(qtbot, window, monkeypatch, first, [name_columns, import_it])
    assert [type(d) for d in seen] == [ColumnsDialog, ImportPreview]
    assert recorded(centre)[("AG001", MON)].segments == (Segment(535, 1020),)

    # next week's file has the same headers: straight to the preview with those columns
    second = tmp_path / "week2.csv"
    second.write_text(HOME_GROWN.replace("2026-11-23", "2026-11-24"), encoding="utf-8")
    seen = import_from_menu(qtbot, window, monkeypatch, second, [import_it])
    assert [type(d) for d in seen] == [ImportPreview]
    assert recorded(centre)[("AG002", TUE)].segments == (Segment(540, 1020),)

    # a choice left incomplete is refused under the boxes, and the dialog stays
    third = tmp_path / "other.csv"
    third.write_text("Who,From,To\n1001,2026-11-25 09:00,2026-11-25 17:00\n", encoding="utf-8")

    def leave_out_the_logout(dlg: QDialog) -> None:
        assert isinstance(dlg, ColumnsDialog)
        dlg.combos["id"].setCurrentIndex(dlg.combos["id"].findText("Who"))
        dlg.combos["in"].setCurrentIndex(dlg.combos["in"].findText("From"))
        dlg.combos["out"].setCurrentIndex(dlg.combos["out"].findText("From"))
        click(qtbot, dlg.ok_button)
        assert dlg.isVisible() and "one column is chosen twice" in dlg.error.text()
        dlg.reject()

    import_from_menu(qtbot, window, monkeypatch, third, [leave_out_the_logout])
    assert ("AG001", date(2026, 11, 25)) not in recorded(centre)


BAD = """Agent ID,Login Time,Logout Time
1001,11/23/2026 08:58:00 AM,11/23/2026 05:03:00 PM
4242,11/23/2026 09:00:00 AM,11/23/2026 05:00:00 PM
1002,11/23/2026 05:00:00 PM,11/23/2026 09:00:00 AM
"""


def test_an_unknown_login_id_and_a_logout_before_its_login_are_located_and_nothing_is_written(
    qtbot, window, centre, monkeypatch, tmp_path
) -> None:
    login_ids(centre)
    report = tmp_path / "bad.csv"
    report.write_text(BAD, encoding="utf-8")
    found: list[list[str]] = []

    def read_problems(dlg: QDialog) -> None:
        assert isinstance(dlg, ImportPreview)
        assert "2 problems in bad.csv; nothing will be imported" in dlg.summary.text()
        assert dlg.import_button.isHidden()
        model = dlg.table_model
        found.extend([model.index(r, c).data() for c in range(4)] for r in range(model.rowCount()))
        dlg.reject()

    import_from_menu(qtbot, window, monkeypatch, report, [read_problems])
    assert [(row, col) for _sheet, row, col, _what in found] == [("3", "A"), ("4", "C")]
    assert "4242" in found[0][3]
    assert recorded(centre) == {}


def test_an_import_into_a_locked_period_shows_why_and_cannot_be_pressed(
    qtbot, window, centre, monkeypatch, tmp_path
) -> None:
    from deskwfm.services import periods

    login_ids(centre)
    ws = window.session.ws
    periods.approve(ws, date(2026, 11, 22))
    periods.lock(ws, date(2026, 11, 22))
    report = tmp_path / "uccx.csv"
    report.write_text(UCCX, encoding="utf-8")

    def read_why(dlg: QDialog) -> None:
        assert isinstance(dlg, ImportPreview)
        assert "Nothing can be imported: the pay period" in dlg.summary.text()
        assert "is locked" in dlg.summary.text()
        assert not dlg.import_button.isEnabled()
        dlg.reject()

    import_from_menu(qtbot, window, monkeypatch, report, [read_why])
    assert recorded(centre) == {}


def test_change_columns_from_the_preview_reads_the_file_again_with_the_new_choice(
    qtbot, window, centre, monkeypatch, tmp_path
) -> None:
    """Two login columns in one file: the clerk sees the preview read one, and changes it."""
    login_ids(centre)
    report = tmp_path / "two_ids.csv"
    report.write_text(
        "Agent ID,Extension,Login Time,Logout Time\n"
        "1001,1002,11/23/2026 09:00:00 AM,11/23/2026 05:00:00 PM\n",
        encoding="utf-8",
    )
    summaries: list[str] = []

    def change(dlg: QDialog) -> None:
        assert isinstance(dlg, ImportPreview)
        summaries.append(dlg.summary.text())
        click(qtbot, dlg.columns_button)

    def use_the_extension(dlg: QDialog) -> None:
        assert isinstance(dlg, ColumnsDialog)
        assert dlg.combos["id"].currentText() == "Agent ID"  # what the preview read, to change
        dlg.combos["id"].setCurrentIndex(dlg.combos["id"].findText("Extension"))
        click(qtbot, dlg.ok_button)

    def import_it(dlg: QDialog) -> None:
        assert isinstance(dlg, ImportPreview)
        summaries.append(dlg.summary.text())
        click(qtbot, dlg.import_button)

    import_from_menu(qtbot, window, monkeypatch, report, [change, use_the_extension, import_it])
    assert "Login ID: Agent ID" in summaries[0] and "Login ID: Extension" in summaries[1]
    assert set(recorded(centre)) == {("AG002", MON)}


def test_an_xlsx_export_with_excel_date_times_is_imported_through_the_same_dialog(
    qtbot, window, centre, monkeypatch, tmp_path
) -> None:
    from datetime import datetime

    from openpyxl import Workbook

    login_ids(centre)
    book = Workbook()
    sheet = book.active
    sheet.append(["Agent Login Logout Activity Report"])
    sheet.append([])
    sheet.append(["Agent Name", "Agent ID", "Login Time", "Logout Time"])
    sheet.append(["Agent 1", 1001, datetime(2026, 11, 23, 22, 1), datetime(2026, 11, 24, 6, 29)])  # a night
    sheet.append(["Total", None, None, None])
    report = tmp_path / "agents.xlsx"
    book.save(report)

    def import_it(dlg: QDialog) -> None:
        assert isinstance(dlg, ImportPreview)
        click(qtbot, dlg.import_button)

    seen = import_from_menu(qtbot, window, monkeypatch, report, [import_it])
    assert [type(d) for d in seen] == [ImportPreview]
    night = recorded(centre)[("AG001", MON)]  # kept on the date it began
    assert night.segments == (Segment(1321, 1829),)


def test_one_session_of_one_employee_is_counted_in_the_singular(
    qtbot, window, centre, monkeypatch, tmp_path, after_the_week
) -> None:
    """The preview's counts come from the catalog's plural forms: "1 login session of 1
    employee", not "1 login sessions of 1 employees"."""
    login_ids(centre)
    report = tmp_path / "one.csv"
    report.write_text("\n".join(UCCX.splitlines()[:5]) + "\n", encoding="utf-8")
    previews: list[ImportPreview] = []

    def look_then_cancel(dlg: QDialog) -> None:
        assert isinstance(dlg, ImportPreview)
        previews.append(dlg)
        dlg.reject()

    import_from_menu(qtbot, window, monkeypatch, report, [look_then_cancel])
    assert "one.csv: 1 login session of 1 employee, work dates" in previews[0].summary.text()
