"""The pay-rates panel of the employees dialog: effective-dated hourly rates of one employee."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from deskwfm.core.employees import parse_rate
from deskwfm.core.fields import FieldError
from deskwfm.core.i18n import render, tr
from deskwfm.core.messages import N_, msg
from deskwfm.core.model import PayRate
from deskwfm.gui.dialogs.forms import (
    RowsModel,
    ServiceDialog,
    date_of,
    labelled,
    make_date_edit,
    make_table,
    money_text,
    on_return,
    selected_row,
)
from deskwfm.services import employees as employee_service
from deskwfm.services.workspace import Workspace


class RatesPanel(QGroupBox):
    """Lists an employee's rates and adds (Enter in the amount box) or deletes one."""

    rates_changed = Signal()

    def __init__(self, ws: Workspace, owner: ServiceDialog, currency: str = "$") -> None:
        super().__init__(tr("Pay rates"), owner)
        self._ws = ws
        self._owner = owner
        self._currency = currency
        self._code: str | None = None

        self.model = RowsModel(
            [N_("In force from"), N_("Hourly rate")],
            lambda r: [r.effective_from.isoformat(), money_text(r.hourly, currency)],
            right_aligned=[1],
            parent=self,
        )
        self.table = make_table(self.model, [120, 100], self)
        self.table.setMinimumHeight(110)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.rate_edit = QLineEdit(self)
        self.rate_edit.setPlaceholderText(tr("e.g. 21.50"))
        self.rate_edit.setMaximumWidth(110)
        self.rate_edit.setAccessibleName(tr("New hourly rate"))
        self.rate_from = make_date_edit(date.today(), self)
        self.rate_from.setAccessibleName(tr("New rate in force from"))
        self.add_button = QPushButton(tr("&Add rate"), self)
        self.delete_button = QPushButton(tr("Delete rate"), self)
        for button in (self.add_button, self.delete_button):
            button.setAutoDefault(False)

        add_row = QHBoxLayout()
        add_row.addWidget(QLabel(tr("Rate"), self))
        add_row.addWidget(self.rate_edit)
        add_row.addWidget(QLabel(tr("from"), self))
        add_row.addWidget(self.rate_from)
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(add_row)

        self.rate_edit.returnPressed.connect(self.add_rate)
        on_return(self.rate_from, self.add_rate)
        self.add_button.clicked.connect(self.add_rate)
        self.delete_button.clicked.connect(self.delete_rate)
        self.show_employee(None)

    # ---------------------------------------------------------------- data

    def show_employee(self, code: str | None) -> None:
        """Load ``code``'s rates, or clear and disable the panel (None: a new employee)."""
        self._code = code
        rates: list[PayRate] = []
        if code is not None:
            rates = self._owner.call(lambda: employee_service.list_rates(self._ws, code)) or []
        self.model.set_rows(rates)
        self.setEnabled(code is not None)
        self.setTitle(tr("Pay rates of {code}").format(code=code) if code else tr("Pay rates"))
        self._update_buttons()

    def rates(self) -> list[PayRate]:
        return self.model.objects()

    def add_rate(self) -> None:
        if self._code is None:
            return
        code = self._code
        try:
            hourly = parse_rate(self.rate_edit.text())
        except FieldError as exc:  # shown inline, nothing written
            self._owner.show_error(str(labelled(N_("Rate"), exc)))
            self.rate_edit.setFocus()
            return
        start = date_of(self.rate_from)
        replaced = any(r.effective_from == start for r in self.rates())
        saved = self._owner.call(
            lambda: employee_service.set_rate(self._ws, code, hourly, start),
            success=render(
                msg("{code}: rate from {day:date} replaced by {rate}/h", code=code, day=start,
                    rate=money_text(hourly, self._currency)) if replaced else
                msg("{code}: rate from {day:date} set to {rate}/h", code=code, day=start,
                    rate=money_text(hourly, self._currency))
            ),
        )
        if saved is None:
            return
        self._owner.mark_changed()
        self.rate_edit.clear()
        self.show_employee(code)
        self.rates_changed.emit()

    def delete_rate(self) -> None:
        row = selected_row(self.table)
        if self._code is None or row is None:
            return
        code = self._code
        rate: PayRate = self.model.object_at(row)
        if not self._owner.run(
            lambda: employee_service.delete_rate(self._ws, code, rate.effective_from),
            success=render(msg("{code}: rate from {day:date} deleted", code=code, day=rate.effective_from)),
        ):
            return
        self._owner.mark_changed()
        self.show_employee(code)
        self.rates_changed.emit()

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(
            self._code is not None and selected_row(self.table) is not None and len(self.rates()) > 1
        )
