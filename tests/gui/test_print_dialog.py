"""File → Print timesheets… dialog: selection, preview, save, cancel."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel

from deskwfm.core.model import Employee
from deskwfm.core.payroll import EmployeePay
from deskwfm.core.site import SiteSettings
from deskwfm.gui.print_dialog import TimesheetDialog
from tests.files.test_pdf_timesheet import SITE, make_pay

EMPLOYEES = [Employee(f"AG{i:03d}", f"Agent {i}", "Blue" if i % 2 else "Green") for i in range(8)]


class Loader:
    def __init__(self) -> None:
        self.calls: list[tuple[date, date, list[str]]] = []

    def __call__(
        self, start: date, end: date, codes: Sequence[str]
    ) -> tuple[SiteSettings, list[EmployeePay]]:
        self.calls.append((start, end, list(codes)))
        by_code = {e.code: e for e in EMPLOYEES}
        return SITE, [make_pay(c, by_code[c].name, by_code[c].team, start, end) for c in codes]


@pytest.fixture
def dialog(qtbot):  # type: ignore[no-untyped-def]
    loader = Loader()
    dlg = TimesheetDialog(None, EMPLOYEES, date(2026, 10, 1), date(2026, 10, 31), loader)
    qtbot.addWidget(dlg)
    dlg.loader_spy = loader  # type: ignore[attr-defined]
    return dlg


def test_team_filter_and_ticks_choose_employees(dialog: TimesheetDialog) -> None:
    assert len(dialog.selected_codes()) == 8
    dialog.team_combo.setCurrentText("Blue")
    assert dialog.selected_codes() == ["AG001", "AG003", "AG005", "AG007"]
    dialog.list.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.selected_codes() == ["AG003", "AG005", "AG007"]
    dialog._check_all(False)
    assert dialog.selected_codes() == []


def test_preview_shows_rendered_pages(dialog: TimesheetDialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.preview_btn, Qt.MouseButton.LeftButton)
    labels = [w for w in dialog.pages_box.findChildren(QLabel)
              if w.pixmap() is not None and not w.pixmap().isNull()]
    assert len(labels) == 3  # the first three timesheets, one page each
    pm = labels[0].pixmap()
    assert pm.height() > pm.width() > 400  # a portrait page
    img = pm.toImage()
    dark = sum(1 for x in range(0, img.width(), 4) for y in range(0, img.height(), 4)
               if img.pixelColor(x, y).lightness() < 100)
    assert dark > 200  # text was drawn, not a blank page
    assert dialog.loader_spy.calls[-1] == (date(2026, 10, 1), date(2026, 10, 31), ["AG000", "AG001", "AG002"])
    assert "first 3 of 8" in dialog.preview_note.text()


def test_save_writes_the_selected_period_and_employees(dialog: TimesheetDialog, tmp_path: Path) -> None:
    dialog.team_combo.setCurrentText("Green")
    dialog.from_edit.setDate(dialog.from_edit.date().addDays(14))
    report = dialog.save_to(tmp_path / "ts.pdf")
    assert report is not None and report.employees == 4
    assert dialog.loader_spy.calls[-1][0] == date(2026, 10, 15)
    texts = [p.extract_text() for p in pypdf.PdfReader(tmp_path / "ts.pdf").pages]
    assert ["Agent 0" in texts[0], "Agent 6" in texts[3]] == [True, True]
    assert "2026-10-15 to 2026-10-31" in texts[0]


def test_cancel_in_progress_dialog_leaves_no_file(dialog: TimesheetDialog, tmp_path: Path) -> None:
    def cancel() -> None:
        dialog.progress.cancel()

    QTimer.singleShot(0, cancel)  # fires during the first progress tick, like a click on Cancel
    assert dialog.save_to(tmp_path / "ts.pdf") is None
    assert dialog.progress.wasCanceled() and len(dialog.loader_spy.calls) == 1
    assert list(tmp_path.iterdir()) == []
    assert dialog.saved is None
