"""Shared pieces of the settings dialogs: field parsers, a read-only table model, the
inline error label and the base dialog that remembers whether anything was written.

Every rule on a value is ``core``'s; a parser here only hands a box's text to it. A refusal
(``FieldError``) is shown under the label of the box it concerns, and the box gets the focus,
whether it came from reading the form or from the service that saved it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, time
from decimal import Decimal
from typing import Any, TypeVar

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from deskwfm.core.entry import parse_time_of_day
from deskwfm.core.errors import DeskwfmError, InputError, StaleEditError
from deskwfm.core.fields import Field, FieldError
from deskwfm.core.hours import parse_hours as core_parse_hours
from deskwfm.core.i18n import tr
from deskwfm.core.messages import msg, verbatim
from deskwfm.core.money import hours_text, parse_money
from deskwfm.gui.guard import guarded

T = TypeVar("T")

DISPLAY_ROLE = int(Qt.ItemDataRole.DisplayRole)
DECORATION_ROLE = int(Qt.ItemDataRole.DecorationRole)
FOREGROUND_ROLE = int(Qt.ItemDataRole.ForegroundRole)
ALIGNMENT_ROLE = int(Qt.ItemDataRole.TextAlignmentRole)
USER_ROLE = int(Qt.ItemDataRole.UserRole)

# --------------------------------------------------------------------------- parsers
# Each turns a box's text into a raw value through the one ``core`` rule for it, and words a
# refusal with the box's own label ("Starting rate: 0 must be more than zero").


def labelled(label: str, exc: FieldError) -> InputError:
    """A core refusal under the label of the box the user typed into."""
    return InputError(exc.labelled(verbatim(tr(label))))


def _required(label: str, example: str) -> InputError:
    return InputError(
        msg("{field}: required; enter it like {example}", field=verbatim(tr(label)), example=example)
    )


def parse_hours(text: str, field: str, *, optional: bool = True) -> int | None:
    """Decimal hours (``37.5``) or h:mm (``37:30``) as whole minutes; blank -> None if optional."""
    try:
        minutes = core_parse_hours(text, Field.HOURS)
    except FieldError as exc:
        raise labelled(field, exc) from None
    if minutes is None and not optional:
        raise _required(field, "7.5")
    return minutes


def hours_field_text(minutes: int | None) -> str:
    """Minutes as the text a user would type back: ``37.5``, ``40``, blank for None."""
    if minutes is None:
        return ""
    text = hours_text(minutes)
    return text.rstrip("0").rstrip(".") if "." in text else text


def parse_amount(text: str, field: str, example: str = "20.00") -> Decimal:
    """A money amount or multiplier (``core.money.parse_money``)."""
    if not text.strip():
        raise _required(field, example)
    try:
        return parse_money(text, Field.AMOUNT, example=example)
    except FieldError as exc:
        raise labelled(field, exc) from None


def parse_clock(text: str, field: str, *, optional: bool = True, is_end: bool = False) -> time | None:
    """A wall-clock time (``core.entry.parse_time_of_day``); blank -> None if optional."""
    if not text.strip():
        if optional:
            return None
        raise _required(field, "09:00")
    try:
        return parse_time_of_day(text, Field.TIME, is_end=is_end)
    except FieldError as exc:
        raise labelled(field, exc) from None


def clock_text(t: time | None) -> str:
    return "" if t is None else t.strftime("%H:%M")


def decimal_text(value: Decimal) -> str:
    """``Decimal('1.50')`` -> ``1.5``; ``Decimal('2')`` -> ``2``."""
    text = format(value.normalize(), "f")
    return text


def money_text(value: Decimal, currency: str = "$") -> str:
    """An amount as the reader writes it: "$1,060.00" / "1 060,00 $"."""
    from deskwfm.core.i18n import format_money

    return format_money(value, currency)


# --------------------------------------------------------------------------- dates


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def make_date_edit(value: date, parent: QWidget | None = None) -> QDateEdit:
    edit = QDateEdit(to_qdate(value), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def on_return(edit: QDateEdit, slot: Callable[[], object]) -> None:
    """Enter in a date box runs ``slot`` like Enter in the form's text boxes (QDateEdit has
    no returnPressed of its own; its line edit emits it)."""
    edit.lineEdit().returnPressed.connect(slot)


def date_of(edit: QDateEdit) -> date:
    q = edit.date()
    return date(q.year(), q.month(), q.day())


# --------------------------------------------------------------------------- table model


class RowsModel(QAbstractTableModel):
    """A read-only table over a list of rows; each row keeps the object it shows.

    ``cells(obj)`` returns the display texts; ``colour(obj)`` (optional) an ``#rrggbb``
    swatch for column ``swatch_column``; ``muted(obj)`` greys a row (inactive employees).
    """

    def __init__(
        self,
        headers: Sequence[str],
        cells: Callable[[Any], Sequence[str]],
        *,
        right_aligned: Sequence[int] = (),
        swatch: Callable[[Any], str] | None = None,
        swatch_column: int = 0,
        muted: Callable[[Any], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._cells = cells
        self._right = set(right_aligned)
        self._swatch = swatch
        self._swatch_column = swatch_column
        self._muted = muted
        self._objects: list[Any] = []
        self._texts: list[Sequence[str]] = []

    def set_rows(self, objects: Sequence[Any]) -> None:
        self.beginResetModel()
        self._objects = list(objects)
        self._texts = [self._cells(o) for o in self._objects]
        self.endResetModel()

    def object_at(self, row: int) -> Any:
        return self._objects[row]

    def objects(self) -> list[Any]:
        return list(self._objects)

    @guarded(0)
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._objects)

    @guarded(0)
    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    @guarded(None)
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == DISPLAY_ROLE:
            return self._texts[row][col]
        if role == ALIGNMENT_ROLE and col in self._right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == DECORATION_ROLE and self._swatch is not None and col == self._swatch_column:
            return QColor(self._swatch(self._objects[row]))
        if role == FOREGROUND_ROLE and self._muted is not None and self._muted(self._objects[row]):
            return QColor("#8a8a8a")
        return None

    @guarded(None)
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY_ROLE) -> Any:
        if role == DISPLAY_ROLE and orientation == Qt.Orientation.Horizontal:
            return tr(self._headers[section])
        return None


def make_table(
    model: QAbstractTableModel, widths: Sequence[int], parent: QWidget | None = None
) -> QTableView:
    """A compact, single-row-selection table over ``model`` with fixed column widths
    (never resize-to-contents, which reads every row)."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    for col, width in enumerate(widths):
        view.setColumnWidth(col, width)
    return view


def set_read_only(edit: QLineEdit, read_only: bool) -> None:
    """Read-only line edits look like editable ones in Fusion; grey them so nobody types in vain."""
    edit.setReadOnly(read_only)
    edit.setStyleSheet("QLineEdit { background: palette(window); color: #404040; }" if read_only else "")


def selected_row(view: QTableView) -> int | None:
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    return rows[0].row() if rows else None


# --------------------------------------------------------------------------- dialog base


class ErrorLabel(QLabel):
    """The inline message under a form: red for an error, green for a confirmation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.clear_message()

    def show_error(self, message: str) -> None:
        self.setStyleSheet("color: #b00020; font-weight: 600;")
        self.setText(message)
        self.setVisible(True)

    def show_info(self, message: str) -> None:
        self.setStyleSheet("color: #1b5e20;")
        self.setText(message)
        self.setVisible(True)

    def clear_message(self) -> None:
        self.setText("")
        self.setVisible(False)

    @property
    def is_error(self) -> bool:
        return self.isVisible() and "b00020" in self.styleSheet()


class ServiceDialog(QDialog):
    """A dialog whose exec() returns Accepted when it wrote anything, whichever way it closes.

    Service calls go through :meth:`call`, which turns a DeskwfmError into the inline message
    instead of a traceback. ``confirm`` is a method so tests can answer it without a modal box.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._changed = False
        self.message = ErrorLabel(self)
        # The box (and its label) that holds each field a core rule may refuse.
        self.field_boxes: Mapping[Field, tuple[str, QWidget]] = {}

    @property
    def changed(self) -> bool:
        return self._changed

    def lay_out_with_close(self, body: QWidget | QLayout, buttons: Sequence[QPushButton]) -> None:
        """Body, the inline message and a Close button. None of ``buttons`` (nor Close) is a
        default button, so Enter in a form field reaches the form's own handler."""
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if isinstance(body, QWidget):
            layout.addWidget(body, 1)
        else:
            layout.addLayout(body, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        for button in (*buttons, self.buttons.button(QDialogButtonBox.StandardButton.Close)):
            button.setAutoDefault(False)
            button.setDefault(False)

    def mark_changed(self) -> None:
        self._changed = True

    def call(self, fn: Callable[[], T], success: str = "") -> T | None:
        """Run a service call; show its error inline and return None when it fails."""
        try:
            result = fn()
        except StaleEditError as exc:
            self.show_error(str(exc))
            self.on_stale()
            return None
        except DeskwfmError as exc:
            self.show_refusal(exc)
            return None
        if success:  # reads pass no text and leave the last message standing
            self.message.show_info(success)
        return result

    def run(self, fn: Callable[[], object], success: str = "") -> bool:
        """Like :meth:`call` for a service that returns nothing: True when it succeeded."""
        done = False

        def wrapped() -> bool:
            nonlocal done
            fn()
            done = True
            return True

        self.call(wrapped, success)
        return done

    def show_error(self, message: str) -> None:
        self.message.show_error(message)

    def show_refusal(self, exc: DeskwfmError) -> None:
        """An error inline; a field rule's refusal under that field's label, its box focused."""
        box = self.field_boxes.get(exc.field) if isinstance(exc, FieldError) else None
        if isinstance(exc, FieldError) and box is not None:
            label, widget = box
            self.show_error(str(exc.labelled(verbatim(tr(label)))))
            widget.setFocus()
        else:
            self.show_error(str(exc))

    def on_stale(self) -> None:
        """Another workstation changed the row: dialogs re-read so the next try can succeed."""

    def confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.windowTitle(), question)
        return answer == QMessageBox.StandardButton.Yes

    def reject(self) -> None:
        """Escape / Close: still report Accepted if something was saved, so the caller reloads."""
        if self._changed:
            self.done(int(QDialog.DialogCode.Accepted))
        else:
            super().reject()


def add_row(form: QFormLayout, text: str, field: QWidget | QLayout, buddy: QWidget | None = None) -> QLabel:
    """A form row whose label's ``&`` mnemonic focuses ``buddy`` (or ``field`` if it is a widget)."""
    label = QLabel(text, form.parentWidget())
    target = buddy if buddy is not None else field if isinstance(field, QWidget) else None
    if target is not None:
        label.setBuddy(target)
    form.addRow(label, field)
    return label
