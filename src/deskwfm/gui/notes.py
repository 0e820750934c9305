"""Notes on grid cells: the small dialog that writes one (Shift+F2 or the cell's context menu).

A note belongs to the shift in a cell (the timesheet prints it beside that day); writing it is
one undo step through ``services.schedule.set_note``, refused like any edit if the cell was
changed on another workstation meanwhile. In the Actual and Variance views the note is the
recorded day's (why someone was late, who approved the extra time), written with its times.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from deskwfm.core.i18n import format_day, format_long_date, tr
from deskwfm.gui.grid_model import describe_shift
from deskwfm.gui.session import ScheduleSession


class NoteDialog(QDialog):
    def __init__(self, title: str, about: str, note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.setWindowTitle(title)
        self.edit = QPlainTextEdit(note, self)
        self.edit.setObjectName("noteEdit")
        self.edit.setPlaceholderText(tr("e.g. swapped with AG014, approved by Sam"))
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * 4 + 12)
        self.edit.selectAll()
        hint = QLabel(tr("Ctrl+Enter saves. Leave it empty to remove the note."), self)
        hint.setStyleSheet("QLabel { color: #5f6368; }")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.edit.installEventFilter(self)  # Ctrl+Enter saves; Enter alone starts a new line
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(about, self))
        layout.addWidget(self.edit)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if obj is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accept()
                return True
        return super().eventFilter(obj, event)


def edit_note(session: ScheduleSession, row: int, col: int, parent: QWidget) -> bool:
    """Ask for the note of cell (row, col) and write it; False if refused or cancelled."""
    if session.mode.records_actual:
        return edit_actual_note(session, row, col, parent)
    st = session.state
    emp, day = st.employees[row], st.days[col]
    shift = st.shift_at(row, col)
    where = f"{emp.code} {emp.name} · {format_long_date(day)}"
    if shift is None:
        text = tr("{where}: a note belongs to a shift; type the shift first, then add its note")
        session.error.emit(text.format(where=where))
        return False
    dlg = NoteDialog(tr("Note"), f"{where}\n{describe_shift(shift)}", shift.note, parent)
    if dlg.exec() != QDialog.DialogCode.Accepted:
        return False
    return session.set_note(row, col, dlg.edit.toPlainText())


def recorded_text(session: ScheduleSession, row: int, col: int) -> tuple[str, str]:
    """(entry, note) of what cell (row, col) records as actual time."""
    from deskwfm.core.actual_entry import format_actual

    layer = session.state.actual
    day = layer.recorded(row, col) if layer is not None else None
    if day is None:
        return "", ""
    return format_actual(day.segments, day.break_minutes, day.absence), day.note


def edit_actual_note(session: ScheduleSession, row: int, col: int, parent: QWidget) -> bool:
    """The note of a recorded day (kept with its times; a note alone may stand on an empty day)."""
    if not session.ensure_actual():
        return False
    st = session.state
    emp, day = st.employees[row], st.days[col]
    entry, note = recorded_text(session, row, col)
    about = f"{emp.code} {emp.name} · {format_long_date(day)}\n" + (
        tr("Recorded: {entry}").format(entry=entry) if entry else tr("Nothing recorded")
    )
    dlg = NoteDialog(tr("Note on the day worked"), about, note, parent)
    if dlg.exec() != QDialog.DialogCode.Accepted:
        return False
    return _write_note(session, row, col, entry, note, dlg.edit.toPlainText().strip())


def remove_actual_note(session: ScheduleSession, row: int, col: int) -> bool:
    """Remove a recorded day's note; False if it has none."""
    entry, note = recorded_text(session, row, col)
    return bool(note) and _write_note(session, row, col, entry, note, "")


def _write_note(session: ScheduleSession, row: int, col: int, entry: str, old: str, new: str) -> bool:
    if new == old:
        return True
    cell = f"{session.state.employees[row].code} {format_day(session.state.days[col])}"
    label = tr("Remove the note of {cell}") if not new else tr("Note on {cell}")
    return session.record_day(row, col, entry, new, label.format(cell=cell))
