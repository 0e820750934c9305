"""The payroll clerk's screen: choose a pay period, see everyone's pay with its approval, approve,
lock, unlock, print the timesheets, export the payroll and see what changed since a lock.

Thin over ``services.payroll_sheet`` and ``services.periods``: the sheet is computed on a worker
(``gui.background``) so a 500-agent period never freezes the window; every action is one
service call whose refusal is shown in a dialog.

When the site pays actual time the screen adds scheduled, actual and variance hours, adherence
and late arrivals; an employee with an unresolved critical exception (no-show, missing logout) is
shown in red under a banner, left out of Approve (the others are approved and those left out are
named), and "Show exceptions" hands the period to the grid's Variance view and exceptions panel.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from deskwfm.core.adherence import Adherence
from deskwfm.core.errors import DeskwfmError
from deskwfm.core.i18n import format_day, format_decimal, format_hours, format_money, render, tr
from deskwfm.core.messages import N_, msg, msg_n, verbatim
from deskwfm.core.payroll import CATEGORY_LABELS
from deskwfm.services import periods
from deskwfm.services.payroll_sheet import PayrollSheet, SheetRow, load_sheet, period_choices
from deskwfm.services.workspace import Workspace

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_SORT = int(Qt.ItemDataRole.UserRole) + 10
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_WARN = QBrush(QColor("#b3261e"))
ALL_TEAMS = N_("All teams")


# (heading, MinuteTotals field) of the hour columns
HOUR_COLUMNS: tuple[tuple[str, str], ...] = (
    (N_("Regular h"), "regular"),
    (N_("OT 1.5× h"), "overtime"),
    (N_("OT 2× h"), "double_time"),
    (N_("Night h"), "night"),
    (N_("Holiday worked h"), "holiday_worked"),
    (N_("Leave h"), "leave"),
)
HEADINGS = (
    N_("Code"),
    N_("Name"),
    N_("Team"),
    *(h for h, _ in HOUR_COLUMNS),
    N_("Holiday pay"),
    N_("Gross"),
    N_("Approved by"),
    N_("Approved"),
    N_("Warnings"),
)
_FIRST_HOUR = 3
_HOLIDAY_PAY = _FIRST_HOUR + len(HOUR_COLUMNS)
_GROSS = _HOLIDAY_PAY + 1
# When the site pays actual time: the plan against what was worked, after Gross.
ACTUAL_HEADINGS = (N_("Scheduled h"), N_("Actual h"), N_("Variance h"), N_("Adherence"), N_("Late"))
ACTUAL_TIPS = {
    "Scheduled h": N_("Paid hours of the shifts scheduled in the whole pay period, days to come included"),
    "Actual h": N_("Hours worked as recorded: typed, imported or confirmed as scheduled"),
    "Variance h": N_("Actual minus scheduled: short while the period is still running"),
    "Adherence": N_("Minutes worked as scheduled ÷ scheduled minutes of the shifts that have ended"),
    "Late": N_("Late arrivals beyond the site's grace period"),
}
_APPROVED_BY = "Approved by"


def headings(on_actual: bool) -> tuple[str, ...]:
    """The columns of the screen (English, shown through ``tr``)."""
    if not on_actual:
        return HEADINGS
    return (*HEADINGS[: _GROSS + 1], *ACTUAL_HEADINGS, *HEADINGS[_GROSS + 1 :])


def _adherence_text(a: Adherence) -> str:
    pct = a.percent
    return "" if pct is None else f"{format_decimal(pct, 1)}\u00a0%"


def _signed(minutes: int) -> str:
    text = format_hours(abs(minutes))
    return f"+{text}" if minutes > 0 else f"\u2212{text}" if minutes < 0 else text


class PayrollModel(QAbstractTableModel):
    """One row per employee of the sheet (the team filter picks the rows)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.sheet: PayrollSheet | None = None
        self.rows: list[SheetRow] = []
        self.headings: tuple[str, ...] = HEADINGS

    def set_sheet(self, sheet: PayrollSheet | None, team: str | None) -> None:
        self.beginResetModel()
        self.sheet = sheet
        self.headings = headings(sheet is not None and sheet.on_actual)
        self.rows = (
            [] if sheet is None else [r for r in sheet.rows if team is None or r.pay.employee.team == team]
        )
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headings)

    def _value(self, r: SheetRow, c: int) -> tuple[str, object]:
        """(text, sort key) of one cell."""
        extra = len(self.headings) - len(HEADINGS)
        if extra and c > _GROSS:
            if c <= _GROSS + extra:
                return _attendance_value(r, c - _GROSS - 1)
            c -= extra
        ep = r.pay
        cur = self.sheet.currency if self.sheet is not None else "$"
        if c == 0:
            return ep.employee.code, ep.employee.code
        if c == 1:
            return ep.employee.name, ep.employee.name.lower()
        if c == 2:
            return ep.employee.team, ep.employee.team
        if _FIRST_HOUR <= c < _HOLIDAY_PAY:
            m = getattr(ep.minutes, HOUR_COLUMNS[c - _FIRST_HOUR][1])
            return (format_hours(m) if m else ""), m
        if c == _HOLIDAY_PAY:
            return (format_money(ep.holiday_pay, cur) if ep.holiday_pay else ""), ep.holiday_pay
        if c == _GROSS:
            incomplete = ep.missing_rate is not None
            text = format_money(ep.gross, cur) + (" *" if incomplete else "")
            return text, ep.gross
        a = r.approval
        if c == _GROSS + 1:
            return (a.approved_by if a else ""), (a.approved_by if a else "")
        if c == _GROSS + 2:
            return (format_day(a.approved_at.date()) if a else ""), (a.approved_at if a else date.min)
        text = "; ".join(render(w) for w in r.warnings)
        return text, text

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        c = index.column()
        if role == _DISPLAY:
            return self._value(r, c)[0]
        if role == _SORT:
            return self._value(r, c)[1]
        if role == _ALIGN and _FIRST_HOUR <= c < self.headings.index(_APPROVED_BY):
            return _RIGHT
        if role == _FOREGROUND and (c == len(self.headings) - 1 or (c == _GROSS and r.pay.missing_rate)):
            return _WARN
        if role == _FOREGROUND and c <= 1 and r.blocked:
            return _WARN
        if role == _TOOLTIP and c <= 1 and r.blocked:
            return tr("Cannot be approved: resolve the critical exceptions first (Show exceptions)")
        if role == _TOOLTIP and c == _GROSS and r.pay.missing_rate is not None:
            return render(
                msg(
                    "Incomplete: no pay rate from {day:date}; add one in Settings → Employees",
                    day=r.pay.missing_rate,
                )
            )
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == _DISPLAY and 0 <= section < len(self.headings):
            return tr(self.headings[section])
        if horizontal and role == _TOOLTIP and 0 <= section < len(self.headings):
            tip = ACTUAL_TIPS.get(self.headings[section])
            return tr(tip) if tip else None
        return None


def _attendance_value(r: SheetRow, i: int) -> tuple[str, object]:
    """(text, sort key) of the i-th ACTUAL_HEADINGS column of a row."""
    a = r.attendance
    if a is None:
        return "", 0
    if i == 0:
        return format_hours(a.scheduled_minutes), a.scheduled_minutes
    if i == 1:
        return format_hours(a.worked_minutes), a.worked_minutes
    if i == 2:
        return _signed(a.variance_minutes), a.variance_minutes
    if i == 3:
        pct = a.adherence.percent
        return _adherence_text(a.adherence), pct if pct is not None else Decimal(-1)
    return (str(a.adherence.late) if a.adherence.late else ""), a.adherence.late


def blocked_text(approved: int, blocked: Sequence[SheetRow]) -> str:
    """Why some were not approved and what to do, for the message after Approve."""
    who = sorted(r.code for r in blocked)
    names = ", ".join(who[:10]) + (" \u2026" if len(who) > 10 else "")
    parts = []
    if approved:
        parts.append(render(msg_n("Approved {count} employee.", "Approved {count} employees.", approved)))
    parts.append(render(msg_n(
        "{count} employee was not approved: {who} has an unresolved critical exception (a no-show or "
        "a missing logout) in this period.",
        "{count} employees were not approved: {who} have unresolved critical exceptions (a no-show or "
        "a missing logout) in this period.",
        len(who), who=names,
    )))
    parts.append(tr("Resolve them first: Show exceptions opens the period in the grid with the Exceptions "
                    "panel, where each day can be given its times, an absence code or a note, or be "
                    "confirmed as scheduled."))
    return "\n\n".join(parts)


def blocked_banner(rows: Sequence[SheetRow]) -> str:
    """The line over the table while some cannot be approved ("" when none)."""
    n = sum(1 for r in rows if r.blocked and r.approval is None)
    if not n:
        return ""
    return render(msg_n(
        "{count} employee cannot be approved until the critical exceptions are resolved (no-show, "
        "missing logout).",
        "{count} employees cannot be approved until their critical exceptions are resolved (no-show, "
        "missing logout).",
        n,
    ))


class _SortProxy(QSortFilterProxyModel):
    def lessThan(self, left: _Index, right: _Index) -> bool:  # noqa: N802
        a, b = left.data(_SORT), right.data(_SORT)
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)


class TotalsModel(QAbstractTableModel):
    """The totals row under the table (of the rows shown)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.values: list[str] = [""] * len(HEADINGS)
        self.headings: tuple[str, ...] = HEADINGS

    def set_rows(self, sheet: PayrollSheet | None, rows: list[SheetRow]) -> None:
        heads = headings(sheet is not None and sheet.on_actual)
        vals = [""] * len(heads)
        if sheet is not None:
            m, hol, gross = sheet.totals(tuple(rows))
            vals[1] = render(msg_n("Total ({count} employee)", "Total ({count} employees)", len(rows)))
            for i, (_h, field) in enumerate(HOUR_COLUMNS):
                vals[_FIRST_HOUR + i] = format_hours(getattr(m, field))
            vals[_HOLIDAY_PAY] = format_money(hol, sheet.currency)
            vals[_GROSS] = format_money(gross, sheet.currency)
            if sheet.on_actual:
                sched, worked, adh = sheet.attendance_totals(tuple(rows))
                vals[_GROSS + 1 : _GROSS + 1 + len(ACTUAL_HEADINGS)] = [
                    format_hours(sched), format_hours(worked), _signed(worked - sched), _adherence_text(adh),
                    str(adh.late) if adh.late else "",
                ]
        if heads != self.headings:
            self.beginResetModel()
            self.headings, self.values = heads, vals
            self.endResetModel()
            return
        self.values = vals
        self.dataChanged.emit(self.index(0, 0), self.index(0, len(heads) - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headings)

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        if role == _DISPLAY:
            return self.values[index.column()]
        if role == _ALIGN and _FIRST_HOUR <= index.column() < self.headings.index(_APPROVED_BY):
            return _RIGHT
        if role == int(Qt.ItemDataRole.FontRole):
            f = QFont()
            f.setBold(True)
            return f
        return None


class ReasonDialog(QDialog):
    """Asks why a locked pay period is reopened (recorded in the audit trail)."""

    def __init__(self, period: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlockReason")
        self.setWindowTitle(tr("Unlock the pay period"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(tr("e.g. overtime of 24 Nov was missed"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Unlock"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                tr("Why is {period} unlocked? The reason is kept in the audit trail.").format(period=period)
            )
        )
        layout.addWidget(self.reason)
        layout.addWidget(buttons)


class DifferencesDialog(QDialog):
    """What recomputing a locked (or reopened) period now would change, per employee and line."""

    def __init__(self, ws: Workspace, start: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("differencesDialog")
        state, diffs = periods.differences(ws, start)
        self.setWindowTitle(tr("Differences since lock"))
        layout = QVBoxLayout(self)
        head = render(
            msg(
                "Recomputing {a:date} to {b:date} now, against the figures stored by lock {n}:",
                a=state.start,
                b=state.end,
                n=state.lock_no,
            )
        )
        layout.addWidget(QLabel(head))
        self.table = QTableView()
        model = _ListModel(
            (tr("Code"), tr("Name"), tr("What"), tr("At lock"), tr("Now")),
            [(d.code, d.name, tr("Gross pay"), _money(d.stored_gross), _money(d.now_gross)) for d in diffs]
            + [(d.code, d.name, render(CATEGORY_LABELS.get(cat) or verbatim(cat)), _money(a), _money(b))
               for d in diffs for cat, a, b in d.lines],
            self,
        )
        self.table.setModel(model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty = (
            QLabel(tr("No differences: recomputing now gives the stored payroll.")) if not diffs else None
        )
        layout.addWidget(self.empty or self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 380)


def _money(v: Decimal | None) -> str:
    return "—" if v is None else format_money(v, "$")


class _ListModel(QAbstractTableModel):
    def __init__(self, headers: tuple[str, ...], rows: Sequence[tuple[str, ...]], parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.rows = rows

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        return self.rows[index.row()][index.column()] if index.isValid() and role == _DISPLAY else None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY:
            return self.headers[section]
        return None


class PayrollWindow(QDialog):
    """Pay-period sign-off. ``anchor``: a date whose pay period is shown first."""

    def __init__(self, ws: Workspace, anchor: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setObjectName("payrollWindow")
        self.setWindowTitle(tr("Payroll"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.sheet: PayrollSheet | None = None
        self._job: Any = None
        self.changed_data = False  # the grid reloads when this window changed something

        self.period = QComboBox()
        self.period.setObjectName("periodChoice")
        self.period.setMinimumContentsLength(34)
        self.team = QComboBox()
        self.team.addItem(tr(ALL_TEAMS), None)
        self.status = QLabel()
        self.status.setObjectName("payrollStatus")
        self.status.setWordWrap(True)
        self.blocked = QLabel()
        self.blocked.setObjectName("payrollBlocked")
        self.blocked.setWordWrap(True)
        self.blocked.setStyleSheet("QLabel { color: #b3261e; font-weight: bold; }")
        self.exceptions_button = QPushButton(tr("Show e&xceptions"))
        self.exceptions_button.setToolTip(tr("Close this window and show the period in the grid with the "
                                             "Exceptions panel"))
        self.exceptions_button.clicked.connect(self.show_exceptions)
        self.wants_exceptions = False  # the window closed to show this period's exceptions in the grid
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Pay period")))
        top.addWidget(self.period, 1)
        top.addWidget(QLabel(tr("Team")))
        top.addWidget(self.team)

        self.model = PayrollModel(self)
        self.proxy = _SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("payrollTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.totals_model = TotalsModel(self)
        self.totals = QTableView()
        self.totals.setObjectName("payrollTotals")
        self.totals.setModel(self.totals_model)
        self.totals.horizontalHeader().hide()
        self.totals.verticalHeader().hide()
        self.totals.setWordWrap(False)
        self.totals.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.totals.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.totals.setFixedHeight(self.totals.verticalHeader().defaultSectionSize() + 4)
        self.totals.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.horizontalHeader().sectionResized.connect(
            lambda i, _o, n: self.totals.setColumnWidth(i, n)
        )
        self.table.horizontalScrollBar().valueChanged.connect(self.totals.horizontalScrollBar().setValue)

        self.approve_selected = QPushButton(tr("Approve selected"))
        self.approve_all = QPushButton(tr("Approve all"))
        self.lock_button = QPushButton(tr("Lock period"))
        self.unlock_button = QPushButton(tr("Unlock…"))
        self.diff_button = QPushButton(tr("Differences since lock…"))
        self.print_button = QPushButton(tr("Print timesheets…"))
        self.export_button = QPushButton(tr("Export payroll…"))
        close = QPushButton(tr("Close"))
        for b, slot in (
            (self.approve_selected, self.approve_chosen),
            (self.approve_all, self.approve_everyone),
            (self.lock_button, self.lock),
            (self.unlock_button, self.unlock),
            (self.diff_button, self.show_differences),
            (self.print_button, self.print_timesheets),
            (self.export_button, self.export_payroll),
            (close, self.accept),
        ):
            b.clicked.connect(lambda _checked=False, act=slot: act())
        actions = QHBoxLayout()
        for b in (
            self.approve_selected,
            self.approve_all,
            self.lock_button,
            self.unlock_button,
            self.diff_button,
        ):
            actions.addWidget(b)
        actions.addStretch(1)
        for b in (self.print_button, self.export_button, close):
            actions.addWidget(b)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        blocked_row = QHBoxLayout()
        blocked_row.addWidget(self.blocked, 1)
        blocked_row.addWidget(self.exceptions_button)
        layout.addLayout(blocked_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        layout.addLayout(actions)
        self.resize(1280, 720)

        self._fill_periods(anchor)
        self.period.currentIndexChanged.connect(lambda _i: self.reload())
        self.team.currentIndexChanged.connect(lambda _i: self._show())
        self.reload()

    # -- choices ---------------------------------------------------------------------------
    def _fill_periods(self, anchor: date) -> None:
        from deskwfm.services.payroll_sheet import default_period

        chosen = default_period(self.ws, anchor)
        self.period.clear()
        for p in period_choices(self.ws, anchor):
            state = tr("locked") if p.locked else (tr("reopened") if p.state.lock_no else tr("open"))
            label = f"{format_day(p.start)} – {format_day(p.end)} · {state}"
            self.period.addItem(label, p.start)
            if p.start == chosen:
                self.period.setCurrentIndex(self.period.count() - 1)

    @property
    def start(self) -> date:
        value = self.period.currentData()
        assert isinstance(value, date)
        return value

    # -- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Compute the chosen period's sheet on a worker; the table keeps its content meanwhile."""
        from deskwfm.gui.background import BackgroundJob

        start = self.start
        self.status.setText(tr("Computing the payroll…"))
        self._enable(False)
        ws = self.ws

        def done(sheet: PayrollSheet) -> None:
            if sheet.start == self.start:
                self.sheet = sheet
                self._show()

        def failed(exc: BaseException) -> None:
            self.status.setText(str(exc))
            self._enable(True)

        self._job = BackgroundJob(
            self,
            tr("Payroll"),
            lambda _progress: load_sheet(ws, start),
            done,
            failed,
            first_label=tr("Computing the payroll…"),
        ).start()

    def wait_loaded(self) -> None:
        """Block until the current computation is shown (tests and scripted use)."""
        from PySide6.QtWidgets import QApplication

        while self._job is not None and not self._job.done:
            QApplication.processEvents()

    def _show(self) -> None:
        sheet = self.sheet
        team = self.team.currentData()
        teams = sorted({r.pay.employee.team for r in sheet.rows if r.pay.employee.team}) if sheet else []
        if [self.team.itemData(i) for i in range(1, self.team.count())] != teams:
            self.team.blockSignals(True)
            self.team.clear()
            self.team.addItem(tr(ALL_TEAMS), None)
            for t in teams:
                self.team.addItem(t, t)
            self.team.setCurrentIndex(max(0, self.team.findData(team)))
            self.team.blockSignals(False)
            team = self.team.currentData()
        self.model.set_sheet(sheet, team)
        self.totals_model.set_rows(sheet, self.model.rows)
        self.table.resizeColumnsToContents()
        self.totals.resizeColumnsToContents()
        for i in range(len(self.model.headings)):  # one width per column for the rows and their total
            width = max(self.table.columnWidth(i), self.totals.columnWidth(i))
            self.table.setColumnWidth(i, width)
            self.totals.setColumnWidth(i, width)
        self.status.setText(render(sheet.status()) if sheet else "")
        banner = blocked_banner(self.model.rows) if sheet and not sheet.state.locked else ""
        self.blocked.setText(banner)
        self.blocked.setVisible(bool(banner))
        self.exceptions_button.setVisible(sheet is not None and sheet.on_actual)
        self._enable(True)

    def _enable(self, on: bool) -> None:
        locked = self.sheet is not None and self.sheet.state.locked
        for b in (self.approve_selected, self.approve_all, self.lock_button):
            b.setEnabled(on and not locked)
        self.unlock_button.setEnabled(on and locked)
        self.diff_button.setEnabled(on and self.sheet is not None and self.sheet.state.lock_no > 0)
        for b in (self.print_button, self.export_button):
            b.setEnabled(on)

    # -- actions ---------------------------------------------------------------------------
    def _run(self, title: str, action: Callable[[], object]) -> bool:
        try:
            action()
        except DeskwfmError as exc:
            QMessageBox.warning(self, title, str(exc))
            return False
        self.changed_data = True
        self.reload()
        return True

    def selected_codes(self) -> list[str]:
        rows = {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        return [self.model.rows[r].code for r in sorted(rows)]

    def approve_chosen(self) -> bool:
        codes = self.selected_codes()
        if not codes:
            QMessageBox.information(self, tr("Approve"), tr("Select the employees to approve first."))
            return False
        return self._approve([r for r in self.model.rows if r.code in set(codes)])

    def approve_everyone(self) -> bool:
        """Approve everyone shown (the team filter applies)."""
        return self._approve(list(self.model.rows))

    def _approve(self, rows: list[SheetRow]) -> bool:
        """Approve ``rows``; those with an unresolved critical exception (the actual pay basis) are
        left out and named, with where to resolve them, so the others are not held up."""
        codes = [r.code for r in rows if not r.blocked]
        blocked = [r for r in rows if r.blocked]
        if codes and not self._run(tr("Approve"), lambda: periods.approve(self.ws, self.start, codes)):
            return False
        if blocked:
            QMessageBox.warning(self, tr("Approve"), blocked_text(len(codes), blocked))
            return False
        return True

    def show_exceptions(self) -> None:
        """Close, for the main window to show this period with its exceptions."""
        self.wants_exceptions = True
        self.accept()

    def lock(self) -> bool:
        return self._run(tr("Lock period"), lambda: periods.lock(self.ws, self.start))

    def unlock(self, reason: str | None = None) -> bool:
        if reason is None:
            dlg = ReasonDialog(self.period.currentText(), self)
            if dlg.exec() != QDialog.DialogCode.Accepted:
                return False
            reason = dlg.reason.text()
        chosen = reason
        return self._run(tr("Unlock"), lambda: periods.unlock(self.ws, self.start, chosen))

    def show_differences(self) -> None:
        try:
            DifferencesDialog(self.ws, self.start, self).exec()
        except DeskwfmError as exc:
            QMessageBox.warning(self, tr("Differences since lock"), str(exc))

    def print_timesheets(self) -> None:
        from deskwfm.gui.print_dialog import print_timesheets

        print_timesheets(self, self.ws, self.start)

    def export_payroll(self) -> None:
        from deskwfm.gui.excel_actions import export_payroll

        if self.sheet is not None:
            export_payroll(self, self.ws, self.sheet.start, self.sheet.end)
