"""Employees dialog: list, filter, add, edit, deactivate/reactivate, and effective-dated rates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from deskwfm.core.availability import Availability, parse_dates, parse_weekly
from deskwfm.core.employees import parse_rate, parse_week_hours
from deskwfm.core.errors import InputError
from deskwfm.core.fields import Field
from deskwfm.core.i18n import tr
from deskwfm.core.messages import N_, msg
from deskwfm.core.model import Employee
from deskwfm.core.payroll import rate_on
from deskwfm.gui.dialogs.employee_rates import RatesPanel
from deskwfm.gui.dialogs.forms import (
    RowsModel,
    ServiceDialog,
    date_of,
    hours_field_text,
    make_date_edit,
    make_table,
    money_text,
    on_return,
    selected_row,
    set_read_only,
    to_qdate,
)
from deskwfm.services import employees as employee_service
from deskwfm.services import site as site_service
from deskwfm.services.workspace import Workspace

COLUMNS = (N_("Code"), N_("Name"), N_("Team"), N_("Active"), N_("Contract h/wk"), N_("Max h/wk"),
           N_("Current rate"), N_("Login ID"))
WIDTHS = (70, 190, 110, 56, 96, 76, 90, 80)


class EmployeesDialog(ServiceDialog):
    """Opened from the main window's menu; exec() returns Accepted if anything was written.

    ``first_day`` is the first day the schedule shows: a new employee's first rate starts, by
    default, on the first day of the pay period holding it (``employees.default_rate_from``,
    the rule ``deskwfm employee add`` uses), so every shift the admin can type on screen has
    a rate."""

    def __init__(
        self, ws: Workspace, parent: QWidget | None = None, *, first_day: date | None = None
    ) -> None:
        super().__init__(parent)
        self._ws = ws
        self._first_day = first_day
        self._rate_from = self._default_rate_from()
        self._employees: list[Employee] = []
        self._current_rates: dict[str, Decimal | None] = {}
        self._editing: Employee | None = None  # None: the form holds a new employee
        site = self.call(lambda: site_service.get_site(ws))
        self._currency = site.currency if site is not None else "$"
        self.setWindowTitle(tr("Employees"))

        # ---- left: filter + list
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(tr("Filter by code, name, team or login ID"))
        self.filter_edit.setClearButtonEnabled(True)
        self.show_inactive = QCheckBox(tr("Show &inactive"), self)
        self.show_inactive.setChecked(True)
        self.model = RowsModel(
            COLUMNS,
            self._cells,
            right_aligned=(4, 5, 6),
            muted=lambda e: not e.active,
            parent=self,
        )
        self.table = make_table(self.model, WIDTHS, self)
        self.new_button = QPushButton(tr("&New employee"), self)
        self.active_button = QPushButton(tr("&Deactivate"), self)
        self.count_label = QLabel(self)

        filter_row = QHBoxLayout()
        filter_row.addWidget(self.filter_edit, 1)
        filter_row.addWidget(self.show_inactive)
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.new_button)
        list_buttons.addWidget(self.active_button)
        list_buttons.addStretch(1)
        list_buttons.addWidget(self.count_label)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filter_row)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(list_buttons)

        # ---- right: the form, then the rates
        self.form_box = QGroupBox(tr("New employee"), self)
        self.code_edit = QLineEdit(self.form_box)
        self.name_edit = QLineEdit(self.form_box)
        self.team_combo = QComboBox(self.form_box)
        self.team_combo.setEditable(True)
        self.team_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.contract_edit = QLineEdit(self.form_box)
        self.contract_edit.setPlaceholderText(tr("e.g. 37.5 (blank: none)"))
        self.max_edit = QLineEdit(self.form_box)
        self.max_edit.setPlaceholderText(tr("e.g. 48 (blank: none)"))
        # When the automatic scheduler may use the employee (a shift outside is a rule warning)
        self.available_edit = QLineEdit(self.form_box)
        self.available_edit.setPlaceholderText(tr("e.g. Mon-Fri 08:00-18:00, Sat"))
        self.available_edit.setToolTip(tr(
            "Weekdays, each with the hours a shift may fall in (none: the whole day), e.g. "
            "Mon-Fri 08:00-18:00, Sat. Blank: any day, any time."))
        self.dates_off_edit = QLineEdit(self.form_box)
        self.dates_off_edit.setPlaceholderText(tr("e.g. 2026-12-24..2026-12-31"))
        self.dates_off_edit.setToolTip(tr(
            "Dates and ranges of dates the employee cannot work, e.g. 2026-12-24, "
            "2026-12-28..2027-01-02. Blank: none."))
        self.login_edit = QLineEdit(self.form_box)
        self.login_edit.setObjectName("loginIdEdit")
        self.login_edit.setPlaceholderText(tr("e.g. 5017 (blank: none)"))
        self.login_edit.setToolTip(tr(
            "How the phone system or time clock names this person in its login/logout reports "
            "(agent login ID, extension, badge); File → Import actual time matches by it. Unique."
        ))
        self.start_rate_edit = QLineEdit(self.form_box)
        self.start_rate_edit.setPlaceholderText(tr("e.g. 21.50"))
        self.start_rate_from = make_date_edit(self._rate_from, self.form_box)
        self.start_from_note = QLabel(self._rate_from_note(), self.form_box)
        self.start_from_note.setWordWrap(True)
        self.start_from_note.setStyleSheet("color: #606060;")
        # A wrapped label reports a one-line minimum; keep room for two so it is never cut off.
        self.start_from_note.setMinimumHeight(2 * self.start_from_note.fontMetrics().lineSpacing() + 2)
        self.save_button = QPushButton(tr("&Save employee"), self.form_box)
        self.start_rate_label = QLabel(tr("Starting &rate (per hour)"), self.form_box)
        self.start_from_label = QLabel(tr("Rate in &force from"), self.form_box)
        self.start_rate_label.setBuddy(self.start_rate_edit)
        self.start_from_label.setBuddy(self.start_rate_from)

        form = QFormLayout(self.form_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(tr("&Code"), self.code_edit)
        form.addRow(tr("Na&me"), self.name_edit)
        form.addRow(tr("&Team"), self.team_combo)
        form.addRow(tr("Contract &hours per week"), self.contract_edit)
        form.addRow(tr("Ma&x hours per week"), self.max_edit)
        form.addRow(tr("A&vailable"), self.available_edit)
        form.addRow(tr("Dates o&ff"), self.dates_off_edit)
        form.addRow(tr("&Login ID"), self.login_edit)
        form.addRow(self.start_rate_label, self.start_rate_edit)
        form.addRow(self.start_from_label, self.start_rate_from)
        form.addRow(self.start_from_note)  # the full width of the form, under the date
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        form.addRow(save_row)

        self.rates_panel = RatesPanel(ws, self, self._currency)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.form_box)
        right_layout.addWidget(self.rates_panel, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([sum(WIDTHS) + 24, 400])

        self.lay_out_with_close(splitter, (self.new_button, self.active_button, self.save_button))

        # ---- wiring
        self.filter_edit.textChanged.connect(self._refill)
        self.filter_edit.returnPressed.connect(self._focus_table)
        self.show_inactive.toggled.connect(self._refill)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.new_button.clicked.connect(self.start_new)
        self.active_button.clicked.connect(self.toggle_active)
        self.save_button.clicked.connect(self.save)
        for edit in (self.code_edit, self.name_edit, self.contract_edit, self.max_edit,
                     self.available_edit, self.dates_off_edit, self.login_edit, self.start_rate_edit):
            edit.returnPressed.connect(self.save)
        line = self.team_combo.lineEdit()
        if line is not None:
            line.returnPressed.connect(self.save)
        on_return(self.start_rate_from, self.save)
        self.field_boxes = {
            Field.EMPLOYEE_CODE: (N_("Code"), self.code_edit),
            Field.NAME: (N_("Name"), self.name_edit),
            Field.TEAM: (N_("Team"), self.team_combo),
            Field.CONTRACT_HOURS: (N_("Contract hours per week"), self.contract_edit),
            Field.MAX_HOURS: (N_("Max hours per week"), self.max_edit),
            Field.LOGIN_ID: (N_("Login ID"), self.login_edit),
            Field.RATE: (N_("Starting rate"), self.start_rate_edit),
        }
        self.rates_panel.rates_changed.connect(self._rates_changed)

        QWidget.setTabOrder(self.filter_edit, self.show_inactive)
        chain = [self.show_inactive, self.table, self.new_button, self.active_button,
                 self.code_edit, self.name_edit, self.team_combo, self.contract_edit, self.max_edit,
                 self.available_edit, self.dates_off_edit, self.login_edit, self.start_rate_edit,
                 self.start_rate_from, self.save_button,
                 self.rates_panel.table, self.rates_panel.delete_button, self.rates_panel.rate_edit,
                 self.rates_panel.rate_from, self.rates_panel.add_button]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

        self.resize(sum(WIDTHS) + 480, 580)
        self.reload()
        self.start_new()
        self.filter_edit.setFocus()

    def on_stale(self) -> None:
        self.reload(select=self._editing.code if self._editing else None)

    def _default_rate_from(self) -> date:
        day = self.call(lambda: employee_service.default_rate_from(self._ws, self._first_day))
        return day if day is not None else date.today()

    def _rate_from_note(self) -> str:
        start = self._rate_from
        if self._first_day is None:
            return str(msg("The current pay period starts {start:day}: shifts from then on get this rate.",
                           start=start))
        return str(msg("The pay period on screen starts {start:day}: shifts from then on get this rate.",
                       start=start))

    # ---------------------------------------------------------------- list

    def _cells(self, e: Employee) -> list[str]:
        rate = self._current_rates.get(e.code)
        return [
            e.code,
            e.name,
            e.team,
            tr("yes") if e.active else tr("no"),
            hours_field_text(e.contract_minutes),
            hours_field_text(e.max_minutes),
            money_text(rate, self._currency) if rate is not None else "—",
            e.login_id,
        ]

    def reload(self, select: str | None = None) -> None:
        """Re-read employees (and each one's rate in force today) from the services."""
        employees = self.call(lambda: employee_service.list_employees(self._ws, include_inactive=True))
        self._employees = employees or []
        today = date.today()
        self._current_rates = {}
        every = self.call(partial(employee_service.all_rates, self._ws)) or {}
        for e in self._employees:
            rates = every.get(e.code, [])
            self._current_rates[e.code] = rate_on(rates, today) or (rates[0].hourly if rates else None)
        teams = sorted({e.team for e in self._employees if e.team})
        text = self.team_combo.currentText()
        self.team_combo.clear()
        self.team_combo.addItems(teams)
        self.team_combo.setCurrentText(text)
        self._refill(select=select)

    def _refill(self, *_: object, select: str | None = None) -> None:
        keep = select or (self._editing.code if self._editing else None)
        needle = self.filter_edit.text().strip().casefold()
        shown = [
            e for e in self._employees
            if (self.show_inactive.isChecked() or e.active)
            and (not needle or needle in f"{e.code}\t{e.name}\t{e.team}\t{e.login_id}".casefold())
        ]
        self.model.set_rows(shown)
        self.count_label.setText(
            tr("{shown} of {total}").format(shown=len(shown), total=len(self._employees)))
        if keep is not None:
            self.select_code(keep)
        self._update_active_button()

    def select_code(self, code: str) -> bool:
        for row, e in enumerate(self.model.objects()):
            if e.code == code:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
                return True
        return False

    def _focus_table(self) -> None:
        if self.model.rowCount() and selected_row(self.table) is None:
            self.table.selectRow(0)
        self.table.setFocus()

    def _selection_changed(self) -> None:
        row = selected_row(self.table)
        if row is not None:
            self._load_form(self.model.object_at(row))
        self._update_active_button()

    def _update_active_button(self) -> None:
        row = selected_row(self.table)
        employee = self.model.object_at(row) if row is not None else None
        self.active_button.setEnabled(employee is not None)
        self.active_button.setText(
            tr("Re&activate") if employee and not employee.active else tr("&Deactivate"))

    def _rates_changed(self) -> None:
        self.reload(select=self._editing.code if self._editing else None)

    # ---------------------------------------------------------------- form

    def _load_form(self, e: Employee) -> None:
        self._editing = e
        self.form_box.setTitle(tr("Employee {code}").format(code=e.code) if e.active
                               else tr("Employee {code} (inactive)").format(code=e.code))
        self.code_edit.setText(e.code)
        set_read_only(self.code_edit, True)
        self.code_edit.setToolTip(tr("Codes never change; add a new employee for a new code"))
        self.name_edit.setText(e.name)
        self.team_combo.setCurrentText(e.team)
        self.contract_edit.setText(hours_field_text(e.contract_minutes))
        self.max_edit.setText(hours_field_text(e.max_minutes))
        self.available_edit.setText(e.availability.weekly_text)
        self.dates_off_edit.setText(e.availability.off_text)
        self.login_edit.setText(e.login_id)
        self._set_new_rate_visible(False)
        self.rates_panel.show_employee(e.code)

    def start_new(self) -> None:
        """Clear the form for a new employee (code editable, starting rate asked)."""
        self._editing = None
        self.table.clearSelection()
        self.form_box.setTitle(tr("New employee"))
        set_read_only(self.code_edit, False)
        self.code_edit.setToolTip("")
        for edit in (self.code_edit, self.name_edit, self.contract_edit, self.max_edit,
                     self.available_edit, self.dates_off_edit, self.login_edit, self.start_rate_edit):
            edit.clear()
        self.team_combo.setCurrentText("")
        self._set_new_rate_visible(True)
        self.start_rate_from.setDate(to_qdate(self._rate_from))
        self.rates_panel.show_employee(None)
        self._update_active_button()
        self.code_edit.setFocus()

    def _set_new_rate_visible(self, visible: bool) -> None:
        for w in (self.start_rate_label, self.start_rate_edit, self.start_from_label,
                  self.start_rate_from, self.start_from_note):
            w.setVisible(visible)

    def _employee_from_form(self) -> Employee:
        """The form's raw values; every rule on them is core's (checked here for the hours,
        by the service for the rest), refused under the box's label."""
        contract = parse_week_hours(self.contract_edit.text(), Field.CONTRACT_HOURS)
        maximum = parse_week_hours(self.max_edit.text(), Field.MAX_HOURS)
        availability = self._availability()
        base = self._editing
        return Employee(
            code=self.code_edit.text(),
            name=self.name_edit.text(),
            team=self.team_combo.currentText(),
            active=base.active if base else True,
            contract_minutes=contract,
            max_minutes=maximum,
            version=base.version if base else 0,
            login_id=self.login_edit.text(),  # checked (unique, no control characters) by the service
            availability=availability,
        )

    def _availability(self) -> Availability:
        """The Available and Dates off boxes, read by core's readers (the box refused is focused;
        its message quotes what was typed and says how to write it)."""
        try:
            days = parse_weekly(self.available_edit.text())
        except InputError:
            self.available_edit.setFocus()
            raise
        try:
            off = parse_dates(self.dates_off_edit.text())
        except InputError:
            self.dates_off_edit.setFocus()
            raise
        return Availability(days, off)

    def save(self) -> None:
        """Add the new employee (with a starting rate) or update the one being edited."""
        try:
            employee = self._employee_from_form()
            if self._editing is None:
                rate = parse_rate(self.start_rate_edit.text())
        except InputError as exc:  # a field rule's FieldError, or availability not understood
            self.show_refusal(exc)
            return
        if self._editing is None:
            start = date_of(self.start_rate_from)
            saved = self.call(lambda: employee_service.add_employee(self._ws, employee, rate, start))
            done = msg("Added {code} {name}", code=saved.code, name=saved.name) if saved else None
        else:
            saved = self.call(lambda: employee_service.update_employee(self._ws, employee))
            done = msg("Saved {code} {name}", code=saved.code, name=saved.name) if saved else None
        if saved is None or done is None:
            return
        self.message.show_info(str(done))
        self.mark_changed()
        self._editing = saved
        self.filter_edit.blockSignals(True)
        if self.filter_edit.text() and not self._matches_filter(saved):
            self.filter_edit.clear()
        self.filter_edit.blockSignals(False)
        self.reload(select=saved.code)

    def _matches_filter(self, e: Employee) -> bool:
        needle = self.filter_edit.text().strip().casefold()
        return needle in f"{e.code}\t{e.name}\t{e.team}\t{e.login_id}".casefold()

    def toggle_active(self) -> None:
        row = selected_row(self.table)
        if row is None:
            return
        e: Employee = self.model.object_at(row)
        done = tr("Reactivated {code} {name}") if not e.active else tr("Deactivated {code} {name}")
        saved = self.call(
            lambda: employee_service.set_active(self._ws, e.code, not e.active),
            success=done.format(code=e.code, name=e.name),
        )
        if saved is None:
            return
        self.mark_changed()
        self._editing = saved
        self.reload(select=saved.code)
