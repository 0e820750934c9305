"""Closing File → Print schedule at once, before its opening preview has started: nothing is
written into the closed dialog's (removed) temporary folder and no error box follows it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from deskwfm.core.site import SiteSettings
from deskwfm.gui.print_dialog import ScheduleDialog


def test_closing_before_the_first_preview_writes_nothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    calls: list[Path] = []

    def writer(start: date, end: date, target: Path, progress: object) -> object:
        calls.append(target)
        raise AssertionError("the closed dialog started a preview")

    dlg = ScheduleDialog(None, SiteSettings(), date(2026, 11, 24), (date(2026, 11, 22), date(2026, 11, 28)),
                         writer)  # type: ignore[arg-type]
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.reject()  # Escape before the event loop ran once
    qtbot.wait(200)
    assert calls == []
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
