"""The audit trail in the window: a cell's History and the Audit window (filters, export, check).

Thin over ``services.audit``: the services read and describe the rows; these widgets show them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
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

from deskwfm.core.audit_records import AuditEntry
from deskwfm.core.changes import How, entity_label, how_label
from deskwfm.core.errors import DeskwfmError
from deskwfm.core.i18n import format_day, render, tr, tr_n
from deskwfm.core.messages import N_
from deskwfm.services import audit
from deskwfm.services.workspace import Workspace

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
SHOWN_MAX = 5_000  # rows the window lists at once (the export takes every matching row)


class AuditModel(QAbstractTableModel):
    """Rows of the audit trail: when (site clock), who, how, what, before and after."""

    HEADERS = (N_("When"), N_("Who"), N_("How"), N_("What"), N_("Employee"), N_("Day"), N_("Before"),
               N_("After"))

    def __init__(self, tz: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.tz = tz
        self.rows: list[AuditEntry] = []
        self._cache: dict[int, tuple[str, ...]] = {}

    def set_rows(self, rows: list[AuditEntry]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._cache = {}
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def _texts(self, r: int) -> tuple[str, ...]:
        got = self._cache.get(r)
        if got is None:
            e = self.rows[r]
            when = audit.local_time(e.at, self.tz)
            what = render(entity_label(e.entity))
            got = self._cache[r] = (
                f"{when:%Y-%m-%d %H:%M:%S}",
                f"{e.actor}@{e.workstation}",
                render(how_label(e.how)),
                what,
                e.employee or "",
                format_day(e.day) if e.day else "",
                audit.value_text(e.entity, e.before) or "—",
                audit.value_text(e.entity, e.after) or "—",
            )
        return got

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        if role == _DISPLAY:
            return self._texts(index.row())[index.column()]
        if role == _TOOLTIP:
            e = self.rows[index.row()]
            lines = [tr("How: {how}").format(how=render(how_label(e.how)))]
            if e.detail:
                lines.append(tr("Detail: {detail}").format(detail=e.detail))
            if e.reason:
                lines.append(tr("Reason: {reason}").format(reason=e.reason))
            lines.append(tr("Key: {key}  ·  row {id}").format(key=e.key.replace("|", " "), id=e.id))
            return "\n".join(lines)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY and 0 <= section < len(self.HEADERS):
            return tr(self.HEADERS[section])
        return None


def _table(model: QAbstractTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _site_tz(ws: Workspace) -> str:
    from deskwfm.services.site import get_site

    return get_site(ws).tz


class HistoryDialog(QDialog):
    """Every change of one grid cell, newest first."""

    def __init__(self, ws: Workspace, employee: str, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(tr("History of {code} on {day}").format(code=employee, day=format_day(day)))
        self.model = AuditModel(_site_tz(ws), self)
        self.model.set_rows(audit.cell_history(ws, employee, day))
        self.view = _table(self.model)
        for col in (3, 4, 5):  # what, employee and day are the same on every row
            self.view.hideColumn(col)
        layout = QVBoxLayout(self)
        n = len(self.model.rows)
        note = QLabel(
            tr("No change of this cell is recorded yet.")
            if not n
            else tr_n(
                "{n} change, newest first. Hover a row for how it was made.",
                "{n} changes, newest first. Hover a row for how it was made.",
                n,
            ).format(n=n)
        )
        layout.addWidget(note)
        layout.addWidget(self.view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.view.resizeColumnsToContents()
        self.resize(820, 360)


class AuditWindow(QDialog):
    """The whole trail with filters (employee, dates, who, kind), an export and a chain check."""

    def __init__(
        self,
        ws: Workspace,
        first: date | None = None,
        last: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setObjectName("auditWindow")
        self.setWindowTitle(tr("Audit trail"))
        self.model = AuditModel(_site_tz(ws), self)
        self.view = _table(self.model)

        self.employee = QLineEdit()
        self.employee.setPlaceholderText(tr("any employee"))
        self.employee.setMaximumWidth(120)
        self.use_dates = QCheckBox(tr("Days"))
        today = date.today()
        self.from_edit, self.to_edit = QDateEdit(), QDateEdit()
        for edit, d in ((self.from_edit, first or today.replace(day=1)), (self.to_edit, last or today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate(d.year, d.month, d.day))
        self.use_dates.setChecked(first is not None or last is not None)
        self.who = QComboBox()
        self.who.addItem(tr("anyone"), None)
        for a in audit.actors(ws):
            self.who.addItem(a, a)
        self.kind = QComboBox()
        self.kind.addItem(tr("any kind"), None)
        for k in How:  # the kinds of change a clerk filters by
            self.kind.addItem(render(how_label(k.value)), k.value)
        self.show_button = QPushButton(tr("Show"))
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.refresh)
        self.employee.returnPressed.connect(self.refresh)

        filters = QHBoxLayout()
        for w in (
            QLabel(tr("Employee")),
            self.employee,
            self.use_dates,
            self.from_edit,
            QLabel("–"),
            self.to_edit,
            QLabel(tr("Who")),
            self.who,
            QLabel(tr("Kind")),
            self.kind,
            self.show_button,
        ):
            filters.addWidget(w)
        filters.addStretch(1)

        self.count = QLabel()
        self.export_button = QPushButton(tr("Export to Excel…"))
        self.export_button.clicked.connect(self.export)
        self.verify_button = QPushButton(tr("Check the trail"))
        self.verify_button.setToolTip(
            tr("Walk the hash chain: proves no row was edited, deleted or inserted outside deskwfm")
        )
        self.verify_button.clicked.connect(self.verify)
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.verify_button)
        bottom.addWidget(self.export_button)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.resize(1180, 640)
        self.refresh()

    def current_filter(self, limit: int | None = SHOWN_MAX) -> audit.AuditFilter:
        def day(edit: QDateEdit) -> date:
            q = edit.date()
            return date(q.year(), q.month(), q.day())

        dated = self.use_dates.isChecked()
        return audit.AuditFilter(
            first=day(self.from_edit) if dated else None,
            last=day(self.to_edit) if dated else None,
            employee=self.employee.text().strip() or None,
            actor=self.who.currentData(),
            how=self.kind.currentData(),
            limit=limit,
        )

    def refresh(self) -> None:
        try:
            rows = audit.entries(self.ws, self.current_filter(SHOWN_MAX + 1))
        except DeskwfmError as exc:
            QMessageBox.warning(self, tr("Audit trail"), str(exc))
            return
        more = len(rows) > SHOWN_MAX
        self.model.set_rows(rows[:SHOWN_MAX])
        self.view.resizeColumnsToContents()
        self.count.setText(
            tr("The newest {n} changes that match (export for all)").format(n=SHOWN_MAX)
            if more
            else tr_n("{n} change", "{n} changes", len(rows)).format(n=len(rows))
        )

    def export(self, path: str | None = None) -> Path | None:
        if path is None:
            default = str(Path.home() / f"audit-{date.today().isoformat()}.xlsx")
            path, _ = QFileDialog.getSaveFileName(
                self, tr("Export the audit trail"), default, tr("Excel workbooks (*.xlsx)")
            )
            if not path:
                return None
        try:
            rows = audit.entries(self.ws, self.current_filter(None))
            done = audit.export_xlsx(self.ws, rows, path)
        except (DeskwfmError, OSError) as exc:
            QMessageBox.warning(self, tr("Export the audit trail"), str(exc))
            return None
        written = tr_n("{n} change written to {path}", "{n} changes written to {path}", len(rows))
        self.count.setText(written.format(n=len(rows), path=done))
        return done

    def verify(self) -> bool:
        result = audit.verify(self.ws)
        text = str(audit.verify_message(result))
        box = QMessageBox.information if result.ok else QMessageBox.critical
        box(self, tr("Check the audit trail"), text)
        return result.ok
