"""Answering the modal dialogs a window opens, as a user would (read it, press a button)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget


def when_a_dialog_opens(handle: Callable[[QWidget], None], seen: list[str], attempts: int = 200) -> None:
    """Once the next modal dialog is up, record its text (message boxes) and let ``handle``
    answer it; keeps looking every 25 ms for a few seconds."""

    def look(left: int = attempts) -> None:
        # a dialog run with exec() is modal and visible; windows merely shown are not modal
        modal = [
            d
            for d in QApplication.topLevelWidgets()
            if isinstance(d, QDialog) and d.isVisible() and d.isModal()
        ]
        w = modal[-1] if modal else None
        if isinstance(w, QDialog):
            if isinstance(w, QMessageBox):
                seen.append(w.text())
            handle(w)
        elif left > 0:
            QTimer.singleShot(25, lambda: look(left - 1))

    QTimer.singleShot(0, look)


def press_ok(w: QWidget) -> None:
    """The default answer: OK on a message box, accept on any other dialog."""
    if isinstance(w, QDialog):
        w.accept()
