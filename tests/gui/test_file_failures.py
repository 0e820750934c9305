"""Hostile, damaged and unwritable files in the window: each failure is one dialog with the same
one-line message the command line prints, and nothing is imported or half-written. Issue 10,
items 3 and 5. (Before, the XFD1048576 workbook aborted the whole program from File → Import.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from deskwfm.core.messages import verbatim
from deskwfm.gui.main_window import MainWindow
from tests.files.full_disk import fill_disk
from tests.files.hostile_xlsx import Sheet, cell, corrupt_member, header_and_far_cell, write_xlsx
from tests.gui.test_excel_actions import when_modal

LIMITS = (
    "a sheet may have at most 200,000 rows, 2,000 columns and 4,000,000 cells "
    "(Ctrl+End in Excel goes to the last cell in use)"
)


def action(win: MainWindow, text: str) -> QAction:
    return next(a for a in win.findChildren(QAction) if a.text() == text)


def modal_text(qtbot, run) -> list[str]:  # type: ignore[no-untyped-def]
    """Run ``run`` and return the text of the modal message box it shows (closed with OK)."""
    seen: list[str] = []

    def read(box: QMessageBox) -> None:
        seen.append(box.text())
        box.accept()

    when_modal(qtbot, read, QMessageBox)
    run()
    qtbot.waitUntil(lambda: bool(seen), timeout=5_000)
    return seen


def shown_boxes(win: MainWindow) -> list[str]:
    return [b.text() for b in win.findChildren(QMessageBox) if b.isVisible()]


@pytest.fixture
def far(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "far.xlsx", [header_and_far_cell("Forecast", 16384, 1048576, "A1:B2")])


@pytest.fixture
def hurt(tmp_path: Path) -> Path:
    rows = "".join(
        f'<row r="{r}">{cell(1, r, "2026-11-23")}{cell(2, r, "10:00")}</row>' for r in range(1, 300)
    )
    real = write_xlsx(tmp_path / "real.xlsx", [Sheet("Forecast", rows)])
    return corrupt_member(real, tmp_path / "hurt.xlsx", "xl/worksheets/sheet1.xml", "deflate")


def test_import_workbook_refuses_a_far_cell_in_a_dialog(
    qtbot, window: MainWindow, far: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(far), ""))
    texts = modal_text(qtbot, action(window, "&Import workbook…").trigger)
    assert texts == [
        "far.xlsx: sheet Forecast has data reaching cell XFD1048576 (1,048,576 rows × 16,384 columns = "
        f"17,179,869,184 cells); {LIMITS}"
    ]


def test_import_workbook_says_a_damaged_file_is_damaged(
    qtbot, window: MainWindow, hurt: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(hurt), ""))
    texts = modal_text(qtbot, action(window, "&Import workbook…").trigger)
    assert texts == [
        "hurt.xlsx is damaged (part xl/worksheets/sheet1.xml does not decompress); "
        "open it in Excel and save it again"
    ]


@pytest.mark.parametrize("which", ["far", "hurt"])
def test_import_forecast_refuses_in_a_dialog(
    qtbot, window: MainWindow, far: Path, hurt: Path, monkeypatch: pytest.MonkeyPatch, which: str  # type: ignore[no-untyped-def]
) -> None:
    path = far if which == "far" else hurt
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    action(window, "Import &forecast…").trigger()
    boxes = shown_boxes(window)
    assert len(boxes) == 1
    expected = "has data reaching cell XFD1048576" if which == "far" else "hurt.xlsx is damaged"
    assert boxes[0].startswith("Import forecast: ") and expected in boxes[0]
    assert "\n" not in boxes[0]


def test_export_payroll_into_a_full_disk(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    from deskwfm.gui.excel_actions import RangeDialog

    target = tmp_path / "payroll.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    when_modal(qtbot, lambda d: d.export_button.click(), RangeDialog)  # the pay period shown
    action(window, "&Payroll…").trigger()
    before = target.read_bytes()
    fill_disk(monkeypatch)
    when_modal(qtbot, lambda d: d.export_button.click(), RangeDialog)
    texts = modal_text(qtbot, action(window, "&Payroll…").trigger)
    assert texts == [f"the disk holding {target} is full; {target} was not written "
                     "(the previous payroll.xlsx is kept)"]
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_saving_timesheets_into_a_full_disk(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    from datetime import date

    from deskwfm.gui.print_dialog import TimesheetDialog
    from tests.gui.test_print_dialog import EMPLOYEES, SITE, Loader

    dialog = TimesheetDialog(None, SITE, EMPLOYEES, date(2026, 10, 15), Loader())
    qtbot.addWidget(dialog)
    fill_disk(monkeypatch)
    target = tmp_path / "ts.pdf"
    texts = modal_text(qtbot, lambda: dialog.save_to(target))  # written on a worker thread
    assert texts == [f"the disk holding {target} is full; {target} was not written"]
    assert dialog.saved is None
    assert list(tmp_path.iterdir()) == []


def test_saving_the_problem_list_into_a_full_disk(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    from deskwfm.files.xlsx_problems import Problem
    from deskwfm.gui.excel_actions import ImportProblemsDialog

    class Plan:
        file_name = "in.xlsx"
        problems = [Problem(verbatim("bad"), sheet="Shifts")]

    dialog = ImportProblemsDialog(Plan(), None)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    target = tmp_path / "in-problems.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    fill_disk(monkeypatch)
    texts = modal_text(qtbot, dialog.save_button.click)
    assert texts == [f"the disk holding {target} is full; {target} was not written"]
    assert list(tmp_path.iterdir()) == []
