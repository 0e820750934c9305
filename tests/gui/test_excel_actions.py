"""File > Import / Export actions driven through their real dialogs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog, QWidget

from deskwfm.gui import excel_actions
from deskwfm.gui.excel_actions import ImportPreviewDialog, ImportProblemsDialog, import_workbook
from deskwfm.services.workspace import Workspace
from tests.files.test_xlsx_builders import SHIFTS_HEADER, workbook
from tests.services.test_excel_fixtures import END, START, centre, db_snapshot  # noqa: F401

_ = centre


def when_modal(qtbot, action: Callable[[QDialog], None], kind: type = QDialog) -> None:  # type: ignore[no-untyped-def]
    """Act on the next modal dialog of ``kind`` as soon as it is shown."""

    def poll() -> None:
        w = QApplication.activeModalWidget()
        if isinstance(w, kind) and w.isVisible():
            action(w)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)


def test_preview_then_import(qtbot, centre: Workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    f = workbook(tmp_path / "w.xlsx", {"Shifts": [SHIFTS_HEADER, ["AG001", "2026-04-01", "9:00", "17:00"]]})
    seen: list[str] = []

    def click_import(d: QDialog) -> None:
        assert isinstance(d, ImportPreviewDialog)
        seen.append(d.summary.text())
        seen.append(d.tree.topLevelItem(0).text(4))
        d.import_button.click()

    when_modal(qtbot, click_import, ImportPreviewDialog)
    assert import_workbook(parent, centre, str(f)) is True
    assert "shifts: 1 added, 0 changed, 0 removed, 0 unchanged" in seen[0]
    assert seen[1] == "09:00-17:00"
    assert len(centre.store.shifts_between(START.replace(month=4), END.replace(month=4), ["AG001"])) == 1


def test_cancel_in_the_preview_writes_nothing(qtbot, centre: Workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    f = workbook(tmp_path / "w.xlsx", {"Shifts": [SHIFTS_HEADER, ["AG001", "2026-04-01", "9:00", "17:00"]]})
    before = db_snapshot(centre)
    when_modal(qtbot, lambda d: d.reject(), ImportPreviewDialog)
    assert import_workbook(None, centre, str(f)) is False
    assert db_snapshot(centre) == before


def test_problems_dialog_lists_every_problem_and_saves_them(
    qtbot,
    centre: Workspace,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    f = workbook(
        tmp_path / "w.xlsx",
        {
            "Shifts": [
                SHIFTS_HEADER,
                ["AG001", "2026-04-01", "9:00", "25:00"],
                ["ZZ", "2026-04-01", "9:00", "17:00"],
            ]
        },
    )
    before = db_snapshot(centre)
    report = tmp_path / "problems.xlsx"
    monkeypatch.setattr(excel_actions.QFileDialog, "getSaveFileName", lambda *a, **k: (str(report), ""))
    rows: list[list[str]] = []

    def inspect(d: QDialog) -> None:
        assert isinstance(d, ImportProblemsDialog)
        for i in range(d.tree.topLevelItemCount()):
            item = d.tree.topLevelItem(i)
            rows.append([item.text(c) for c in range(3)])
        d.save_button.click()
        d.reject()

    when_modal(qtbot, inspect, ImportProblemsDialog)
    assert import_workbook(None, centre, str(f)) is False
    assert rows == [
        ["Shifts", "D2", 'end time: "25:00" is not a time; write it like 09:30'],
        ["Shifts", "A3", '"ZZ" is not an employee; add them to the Employees sheet first'],
    ]
    assert report.exists()
    assert db_snapshot(centre) == before


def test_hostile_file_shows_a_message_not_a_traceback(
    qtbot,
    centre: Workspace,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    f = tmp_path / "x.xlsx"
    f.write_text("not a workbook")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    monkeypatch.setattr(excel_actions.QFileDialog, "getOpenFileName", lambda *a, **k: (str(f), ""))
    assert import_workbook(None, centre) is False
    assert shown == ["x.xlsx is not an Excel .xlsx workbook (it is not a zip archive)"]


def test_exports_with_progress_dialog(
    qtbot,
    centre: Workspace,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(excel_actions, "PROGRESS_THRESHOLD", 10)
    values: list[int] = []
    real = QProgressDialog.setValue
    monkeypatch.setattr(QProgressDialog, "setValue", lambda self, v: (values.append(v), real(self, v))[1])
    target = tmp_path / "s"
    monkeypatch.setattr(excel_actions.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert excel_actions.export_schedule(None, centre, START, END) == tmp_path / "s.xlsx"
    assert (tmp_path / "s.xlsx").exists()  # .xlsx added to a bare name
    assert values and values[0] == 0
    written = excel_actions.export_payroll(None, centre, START, END, str(tmp_path / "p.xlsx"))
    assert written == tmp_path / "p.xlsx"
    assert (tmp_path / "p.xlsx").exists()


def test_export_error_is_a_dialog(
    qtbot,
    centre: Workspace,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    assert excel_actions.export_payroll(None, centre, END, START, str(tmp_path / "p.xlsx")) is None
    assert shown and "before it starts" in shown[0]


def _other_station_edits(tmp_path: Path) -> None:
    """Another workstation on the same file sets AG001's Wed 2026-04-01 to 11:00-19:00."""
    from datetime import date, time

    from deskwfm.core.model import Shift
    from tests.store.writes import put, shift

    with Workspace.open(tmp_path / "centre.sqlite3") as other:
        day = date(2026, 4, 1)
        put(other.store, shift(Shift("AG001", day, time(11), time(19))))


def _april_first(ws: Workspace) -> list[str]:
    return [f"{s.start:%H:%M}" for s in ws.store.shifts_between(START.replace(month=4), END.replace(month=4))]


@pytest.mark.parametrize("preview_again", [True, False])
def test_stale_import_is_refused_with_a_message_and_offers_a_new_preview(
    qtbot,  # type: ignore[no-untyped-def]
    centre: Workspace,
    tmp_path: Path,
    preview_again: bool,
) -> None:
    f = workbook(tmp_path / "w.xlsx", {"Shifts": [SHIFTS_HEADER, ["AG001", "2026-04-01", "9:00", "17:00"]]})
    seen: list[str] = []

    def second_preview(d: QDialog) -> None:
        assert isinstance(d, ImportPreviewDialog)
        item = d.tree.topLevelItem(0)
        seen.append(f"{item.text(0)} {item.text(3)} -> {item.text(4)}")
        d.import_button.click()

    def stale_message(box: QDialog) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        again = [b for b in box.buttons() if b.text() == excel_actions.PREVIEW_AGAIN]
        if preview_again and again:
            when_modal(qtbot, second_preview, ImportPreviewDialog)
            again[0].click()
        else:  # a plain message box (no offer) is closed too, so the assertions below fail, not hang
            (box.button(QMessageBox.StandardButton.Cancel) or box.buttons()[0]).click()

    def first_preview(d: QDialog) -> None:
        assert isinstance(d, ImportPreviewDialog)
        _other_station_edits(tmp_path)  # while this preview is open
        when_modal(qtbot, stale_message, QMessageBox)
        d.import_button.click()

    when_modal(qtbot, first_preview, ImportPreviewDialog)
    assert import_workbook(None, centre, str(f)) is preview_again
    assert seen[0] == (
        "Nothing was imported: the database changed since the preview (shift AG001 Wed 2026-04-01 "
        "was (empty), now 11:00-19:00); preview the import again."
    )
    if preview_again:  # the new preview shows the other station's value, then imports over it
        assert seen[1:] == ["changed 11:00-19:00 -> 09:00-17:00"]
        assert _april_first(centre) == ["09:00"]
    else:
        assert len(seen) == 1
        assert _april_first(centre) == ["11:00"]  # the other station's value, untouched
