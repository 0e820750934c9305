"""Shift codes dialog: list, add, edit and delete the site's codes (D, N, VAC...)."""

from __future__ import annotations

from datetime import time

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from deskwfm.core.entry import parse_break_minutes, parse_time_of_day, span_minutes
from deskwfm.core.fields import Field, FieldError
from deskwfm.core.i18n import tr
from deskwfm.core.messages import N_, msg
from deskwfm.core.model import ShiftCode, ShiftKind
from deskwfm.core.shift_codes import parse_paid_breaks
from deskwfm.gui.dialogs.forms import (
    RowsModel,
    ServiceDialog,
    add_row,
    clock_text,
    hours_field_text,
    make_table,
    selected_row,
    set_read_only,
)
from deskwfm.services import codes as code_service
from deskwfm.services.workspace import Workspace

KIND_LABELS: dict[ShiftKind, str] = {
    ShiftKind.WORK: N_("Work"),
    ShiftKind.PAID_LEAVE: N_("Paid leave"),
    ShiftKind.UNPAID_LEAVE: N_("Unpaid leave"),
    ShiftKind.OFF: N_("Day off"),
}
COLUMNS = (N_("Code"), N_("Kind"), N_("Start"), N_("End"), N_("Break"), N_("Paid breaks"), N_("Paid h"),
           N_("Label"))
WIDTHS = (80, 112, 56, 56, 60, 100, 64, 160)  # room for the French headings and kinds
DEFAULT_COLOUR = "#d9d9d9"


def _cells(c: ShiftCode) -> list[str]:
    return [
        c.code,
        tr(KIND_LABELS[c.kind]) if c.kind in KIND_LABELS else c.kind.value,
        clock_text(c.start),
        clock_text(c.end),
        tr("{n} min").format(n=c.break_minutes) if c.break_minutes else "",
        paid_breaks_text(c.paid_breaks, c.paid_break_minutes),
        _paid_hours(c),
        c.label,
    ]


def paid_breaks_text(count: int, minutes: int) -> str:
    """``2 x 15`` (what core's reader takes back), blank for none."""
    return f"{count} x {minutes}" if count and minutes else ""


def _paid_hours(c: ShiftCode) -> str:
    """Nominal paid hours (wall-clock span less break; a DST night differs by an hour)."""
    if c.start is None or c.end is None:
        return ""
    return hours_field_text(span_minutes(c.start, c.end) - c.break_minutes)


class ColourButton(QPushButton):
    """A button painted with the chosen colour and showing its hex value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoDefault(False)
        self.setMinimumWidth(110)
        self._colour = DEFAULT_COLOUR
        self.set_colour(DEFAULT_COLOUR)

    @property
    def colour(self) -> str:
        return self._colour

    def set_colour(self, colour: str) -> None:
        q = QColor(colour)
        if not q.isValid():
            q = QColor(DEFAULT_COLOUR)
        self._colour = q.name()
        ink = "#000000" if q.lightness() > 140 else "#ffffff"
        self.setText(self._colour)
        self.setStyleSheet(
            f"QPushButton {{ background-color: {self._colour}; color: {ink};"
            " border: 1px solid #808080; border-radius: 3px; padding: 3px 10px; }"
            " QPushButton:focus { border: 2px solid #2a6fdb; }"
        )


class ShiftCodesDialog(ServiceDialog):
    """Opened from the main window's menu; exec() returns Accepted if anything was written."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self._editing: ShiftCode | None = None
        self.setWindowTitle(tr("Shift codes"))

        self.model = RowsModel(
            COLUMNS, _cells, right_aligned=(6,), swatch=lambda c: c.colour, swatch_column=0, parent=self
        )
        self.table = make_table(self.model, WIDTHS, self)
        self.new_button = QPushButton(tr("&New code"), self)
        self.delete_button = QPushButton(tr("De&lete"), self)

        self.form_box = QGroupBox(tr("New shift code"), self)
        self.code_edit = QLineEdit(self.form_box)
        self.code_edit.setPlaceholderText(tr("e.g. D, N, VAC"))
        self.kind_combo = QComboBox(self.form_box)
        for kind, label in KIND_LABELS.items():
            self.kind_combo.addItem(tr(label), kind)
        self.start_edit = QLineEdit(self.form_box)
        self.start_edit.setPlaceholderText("09:00")
        self.end_edit = QLineEdit(self.form_box)
        self.end_edit.setPlaceholderText("17:30")
        for edit in (self.start_edit, self.end_edit):
            edit.setMaximumWidth(80)
        # A plain box, not a spin box: a spin box silently drops keys outside its range, so
        # "700" would become "70"; here core's break rule refuses it with a reason.
        self.break_edit = QLineEdit(self.form_box)
        self.break_edit.setPlaceholderText("0")
        self.break_edit.setMaximumWidth(80)
        # Paid breaks: paid time, but off the phones (the Short row, the chart and the scheduler
        # count them); read by core's one reader of "2 x 15", as in the template and the CLI.
        self.paid_breaks_edit = QLineEdit(self.form_box)
        self.paid_breaks_edit.setPlaceholderText(tr("e.g. 2 x 15 (blank: none)"))
        self.paid_breaks_edit.setMaximumWidth(160)
        self.paid_breaks_edit.setToolTip(tr(
            "Count x minutes, e.g. 2 x 15: paid time, but the agent is off the phones. They are placed "
            "mid-morning and mid-afternoon of the shift unless a cell says where (D+15@10:15+15@15:00)."))
        self.colour_button = ColourButton(self.form_box)
        self.label_edit = QLineEdit(self.form_box)
        self.label_edit.setPlaceholderText(tr("e.g. Day shift"))
        self.save_button = QPushButton(tr("&Save code"), self.form_box)
        self.times_hint = QLabel(self.form_box)
        self.times_hint.setWordWrap(True)
        self.times_hint.setStyleSheet("color: #606060;")

        times = QHBoxLayout()
        times.addWidget(self.start_edit)
        times.addWidget(QLabel(tr("to"), self.form_box))
        times.addWidget(self.end_edit)
        times.addStretch(1)
        colour_row = QHBoxLayout()
        colour_row.addWidget(self.colour_button)
        colour_row.addStretch(1)
        form = QFormLayout(self.form_box)
        form.addRow(tr("&Code"), self.code_edit)
        form.addRow(tr("&Kind"), self.kind_combo)
        start_label = QLabel(tr("&Times"), self.form_box)
        start_label.setBuddy(self.start_edit)
        form.addRow(start_label, times)
        form.addRow("", self.times_hint)
        break_row = QHBoxLayout()
        break_row.addWidget(self.break_edit)
        break_row.addWidget(QLabel(tr("min"), self.form_box))
        break_row.addStretch(1)
        add_row(form, tr("Unpaid &break"), break_row, self.break_edit)
        add_row(form, tr("&Paid breaks"), self.paid_breaks_edit)
        add_row(form, tr("Colo&ur"), colour_row, self.colour_button)
        form.addRow(tr("L&abel"), self.label_edit)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        form.addRow(save_row)

        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.new_button)
        list_buttons.addWidget(self.delete_button)
        list_buttons.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addLayout(list_buttons)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        right = QVBoxLayout()
        right.addWidget(self.form_box)
        right.addStretch(1)
        body.addLayout(right, 2)

        self.lay_out_with_close(body, (self.new_button, self.delete_button, self.save_button))

        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.new_button.clicked.connect(self.start_new)
        self.delete_button.clicked.connect(self.delete_selected)
        self.save_button.clicked.connect(self.save)
        self.colour_button.clicked.connect(self.choose_colour)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        for edit in (self.code_edit, self.start_edit, self.end_edit, self.break_edit, self.paid_breaks_edit,
                     self.label_edit):
            edit.returnPressed.connect(self.save)
        self.field_boxes = {
            Field.SHIFT_CODE: (N_("Code"), self.code_edit),
            Field.START: (N_("Start time"), self.start_edit),
            Field.END: (N_("End time"), self.end_edit),
            Field.BREAK: (N_("Unpaid break"), self.break_edit),
            Field.PAID_BREAKS: (N_("Paid breaks"), self.paid_breaks_edit),
            Field.COLOUR: (N_("Colour"), self.colour_button),
            Field.LABEL: (N_("Label"), self.label_edit),
        }

        chain = [self.table, self.new_button, self.delete_button, self.code_edit, self.kind_combo,
                 self.start_edit, self.end_edit, self.break_edit, self.paid_breaks_edit, self.colour_button,
                 self.label_edit, self.save_button]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

        self.table.setMinimumWidth(sum(WIDTHS) + 4 + self.table.verticalScrollBar().sizeHint().width())
        self.resize(sum(WIDTHS) + 440, 440)  # every column shown, the form beside
        self.reload()
        self.start_new()

    # ---------------------------------------------------------------- hooks

    def pick_colour(self, current: str) -> str | None:
        """Ask for a colour (a method so tests can answer without the modal picker)."""
        chosen = QColorDialog.getColor(QColor(current), self, tr("Shift code colour"))
        return chosen.name() if chosen.isValid() else None

    def choose_colour(self) -> None:
        chosen = self.pick_colour(self.colour_button.colour)
        if chosen:
            self.colour_button.set_colour(chosen)

    def on_stale(self) -> None:
        self.reload(select=self._editing.code if self._editing else None)

    # ---------------------------------------------------------------- list

    def reload(self, select: str | None = None) -> None:
        codes = self.call(lambda: code_service.list_codes(self._ws)) or []
        self.model.set_rows(codes)
        if select is not None:
            for row, c in enumerate(codes):
                if c.code == select:
                    self.table.selectRow(row)
                    break
        self.delete_button.setEnabled(selected_row(self.table) is not None)

    def _selection_changed(self) -> None:
        row = selected_row(self.table)
        self.delete_button.setEnabled(row is not None)
        if row is not None:
            self._load_form(self.model.object_at(row))

    # ---------------------------------------------------------------- form

    def _load_form(self, c: ShiftCode) -> None:
        self._editing = c
        self.form_box.setTitle(tr("Shift code {code}").format(code=c.code))
        self.code_edit.setText(c.code)
        set_read_only(self.code_edit, True)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(c.kind)))
        self.start_edit.setText(clock_text(c.start))
        self.end_edit.setText(clock_text(c.end))
        self.break_edit.setText(str(c.break_minutes) if c.break_minutes else "")
        self.paid_breaks_edit.setText(paid_breaks_text(c.paid_breaks, c.paid_break_minutes))
        self.colour_button.set_colour(c.colour)
        self.label_edit.setText(c.label)
        self._kind_changed()

    def start_new(self) -> None:
        self._editing = None
        self.table.clearSelection()
        self.form_box.setTitle(tr("New shift code"))
        set_read_only(self.code_edit, False)
        for edit in (self.code_edit, self.start_edit, self.end_edit, self.break_edit, self.paid_breaks_edit,
                     self.label_edit):
            edit.clear()
        self.kind_combo.setCurrentIndex(0)
        self.colour_button.set_colour(DEFAULT_COLOUR)
        self._kind_changed()
        self.code_edit.setFocus()

    def _kind(self) -> ShiftKind:
        return ShiftKind(self.kind_combo.currentData())

    def _kind_changed(self) -> None:
        kind = self._kind()
        timed = kind is not ShiftKind.OFF
        for w in (self.start_edit, self.end_edit, self.break_edit):
            w.setEnabled(timed)
        self.paid_breaks_edit.setEnabled(kind is ShiftKind.WORK)  # only work is on the phones
        self.times_hint.setText(tr({
            ShiftKind.WORK: N_("An end at or before the start ends the next day."),
            ShiftKind.PAID_LEAVE: N_("Times set the hours the leave pays; blank pays none."),
            ShiftKind.UNPAID_LEAVE: N_("Times are optional and pay nothing."),
            ShiftKind.OFF: N_("A day-off code clears the day; it has no times."),
        }[kind]))

    def _code_from_form(self) -> ShiftCode:
        """The form's raw values (times read by core's one time-of-day reader); every rule on
        the code as a whole is core's ``validate_code``, run by the service."""
        kind = self._kind()
        start = end = None
        break_minutes = 0
        paid = (0, 0)
        if kind is not ShiftKind.OFF:  # a day-off code has no times: its boxes are disabled
            start = self._time(self.start_edit, Field.START, is_end=False)
            end = self._time(self.end_edit, Field.END, is_end=True)
            break_minutes = parse_break_minutes(self.break_edit.text())
        if kind is ShiftKind.WORK:
            paid = parse_paid_breaks(self.paid_breaks_edit.text())
        base = self._editing
        return ShiftCode(
            code=self.code_edit.text(),
            kind=kind,
            start=start,
            end=end,
            break_minutes=break_minutes,
            colour=self.colour_button.colour,
            label=self.label_edit.text(),
            version=base.version if base else 0,
            paid_breaks=paid[0],
            paid_break_minutes=paid[1],
        )

    @staticmethod
    def _time(edit: QLineEdit, field: Field, *, is_end: bool) -> time | None:
        text = edit.text()
        return parse_time_of_day(text, field, is_end=is_end) if text.strip() else None

    def save(self) -> None:
        try:
            code = self._code_from_form()
        except FieldError as exc:
            self.show_refusal(exc)
            return
        added = self._editing is None
        saved = self.call(lambda: code_service.save_code(self._ws, code))
        if saved is None:
            return
        done = msg("Added {code}", code=saved.code) if added else msg("Saved {code}", code=saved.code)
        self.message.show_info(str(done))
        self.mark_changed()
        self._editing = saved
        self.reload(select=saved.code)

    def delete_selected(self) -> None:
        row = selected_row(self.table)
        if row is None:
            return
        c: ShiftCode = self.model.object_at(row)
        if not self.confirm(tr("Delete shift code {code}?").format(code=c.code)):
            return
        deleted = tr("Deleted {code}").format(code=c.code)
        if not self.run(lambda: code_service.delete_code(self._ws, c.code), success=deleted):
            return
        self.mark_changed()
        self.reload()
        self.start_new()
