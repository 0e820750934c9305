"""Resolve one exception (the exceptions panel's "Resolve…", Ctrl+R in the panel): the day's
worked times, an absence code and a note, written together as one undo step.

What resolves an exception is the core's rule (``core.exceptions``): a code explains a no-show,
a late start or an early leave; correcting the times (a logout for a missing logout) removes it.
The note keeps the why (a doctor's note, a supervisor's word) beside the day for the timesheet.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from deskwfm.core.absence import AbsenceCode
from deskwfm.core.actual import ActualDay
from deskwfm.core.actual_entry import format_segments
from deskwfm.core.i18n import render, tr
from deskwfm.core.messages import msg
from deskwfm.gui.palette import describe_absence


class ResolveDialog(QDialog):
    """``text()`` and ``note()`` once accepted: the entry to record and the day's note."""

    def __init__(
        self,
        about: str,
        problems: Sequence[str],
        day: ActualDay | None,
        codes: Sequence[AbsenceCode],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("resolveDialog")
        self.setWindowTitle(tr("Resolve an exception"))
        head = QLabel(about + "\n" + "\n".join(problems), self)
        head.setWordWrap(True)
        self.times = QLineEdit(format_segments(day.segments, day.break_minutes) if day else "", self)
        self.times.setObjectName("resolveTimes")
        self.times.setPlaceholderText(tr("e.g. 8:58-17:03/30 or 8:58-12:01,12:33-17:03"))
        self.code = QComboBox(self)
        self.code.setObjectName("resolveCode")
        self.code.addItem(tr("(no code)"), "")
        for c in sorted(codes, key=lambda c: c.code):
            self.code.addItem(f"{c.code} \u2014 {describe_absence(c)}", c.code)
        if day is not None and day.absence:
            self.code.setCurrentIndex(max(0, self.code.findData(day.absence)))
        self.note_edit = QPlainTextEdit(day.note if day else "", self)
        self.note_edit.setObjectName("resolveNote")
        self.note_edit.setPlaceholderText(tr("Why: e.g. doctor's note, phone outage, approved by Sam"))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.note_edit.fontMetrics().lineSpacing() * 3 + 12)
        form = QFormLayout()
        form.addRow(tr("Worked &times"), self.times)
        form.addRow(tr("Absence &code"), self.code)
        form.addRow(tr("&Note"), self.note_edit)
        hint = QLabel(tr("A code explains a no-show, a late start or an early leave; a missing logout "
                         "needs the logout time."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("QLabel { color: #5f6368; }")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.note_edit.installEventFilter(self)  # Ctrl+Enter saves, as in the Note dialog
        self.resize(520, self.sizeHint().height())
        self.code.setFocus()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if obj is self.note_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accept()
                return True
        return super().eventFilter(obj, event)

    def text(self) -> str:
        """The entry as typed in the grid: ``LATE 9:40-17:00``, ``SICK``, ``8:58-17:03``."""
        return " ".join(p for p in (str(self.code.currentData() or ""), self.times.text().strip()) if p)

    def note(self) -> str:
        return self.note_edit.toPlainText().strip()


def resolve_label(code: str, day: object) -> str:
    """The undo step's name."""
    return render(msg("Resolve {code} {day:day}", code=code, day=day))
