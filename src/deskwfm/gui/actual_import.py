"""File → Import actual time…: a phone system's or time clock's login/logout report (.csv, .xlsx).

``ActualImport`` runs ``services.actual_import.plan_actual_import`` on a worker (``gui.background``:
a progress dialog if it takes more than a moment), then shows what it found:
- the headers were not recognised: ``ColumnsDialog`` asks which column holds the login ID, the
  login, the logout (and a date when the times carry none), from the file's first rows; the choice
  is remembered (QSettings) and used without asking the next time a file has those headers (the
  preview says which columns were read, and "Change columns…" asks again);
- problems (an unknown ID, a logout before its login, overlapping sessions, a bad time): every one
  with its row and column, and nothing is written;
- otherwise a preview: days added, changed, unchanged and kept (typed or confirmed by a person),
  with each day before and after; "Import" writes it as one change set, on the worker too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from deskwfm.core.actual import ActualDay
from deskwfm.core.actual_entry import format_actual
from deskwfm.core.errors import DeskwfmError, StaleEditError
from deskwfm.core.i18n import format_day, format_int, render, tr
from deskwfm.core.messages import N_, msg, msg_n
from deskwfm.gui.settings import app_settings
from deskwfm.services.actual_import import ActualImportPlan
from deskwfm.services.workspace import Workspace

FILE_FILTER = N_("Login/logout reports (*.csv *.xlsx *.txt);;All files (*)")
SETTINGS_KEY = "actualImport/columns"
MAX_REMEMBERED = 8
MAX_ROWS_SHOWN = 5_000
# (role, label, required) of the columns a person names
ROLES: tuple[tuple[str, str, bool], ...] = (
    ("id", N_("Login &ID (agent, user, extension)"), True),
    ("in", N_("Log&in time"), True),
    ("out", N_("Log&out time"), True),
    ("date", N_("&Date (when the times carry none)"), False),
    ("outdate", N_("Logout da&te"), False),
)
ROLE_NAMES = {"id": N_("Login ID"), "in": N_("Login"), "out": N_("Logout"), "date": N_("Date"),
              "outdate": N_("Logout date")}
_GUESS = {
    "id": ("loginid", "agentid", "id", "agent", "user", "employee", "extension", "badge", "name"),
    "in": ("login", "logon", "signin", "clockin", "timein", "start", "in"),
    "out": ("logout", "logoff", "signout", "clockout", "timeout", "end", "out"),
    "date": ("date", "day"),
    "outdate": ("logoutdate", "logoffdate", "enddate"),
}
_Index = QModelIndex | QPersistentModelIndex


def _norm(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


# ---------------------------------------------------------------- remembered column names
def remembered() -> list[dict[str, str]]:
    """The column choices made before, most recent first."""
    value = app_settings().value(SETTINGS_KEY, [])
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    out: list[dict[str, str]] = []
    for item in items:
        try:
            got = json.loads(str(item))
        except ValueError:
            continue
        if isinstance(got, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in got.items()):
            out.append(got)
    return out


def remember(columns: dict[str, str]) -> None:
    text = json.dumps(columns, sort_keys=True)
    items = [text] + [json.dumps(c, sort_keys=True) for c in remembered()]
    unique = list(dict.fromkeys(items))[:MAX_REMEMBERED]
    s = app_settings()
    s.setValue(SETTINGS_KEY, unique)
    s.sync()


def fitting(headers: Sequence[str], choices: Sequence[dict[str, str]]) -> dict[str, str] | None:
    """The first remembered choice whose every column is among ``headers``."""
    present = {_norm(h) for h in headers if h}
    return next((c for c in choices if all(_norm(v) in present for v in c.values())), None)


def header_row(rows: Sequence[Sequence[str]]) -> int:
    """The likeliest header among a report's first rows: the first with the most cells of text
    (a title row has one; data rows hold numbers and times)."""
    def score(row: Sequence[str]) -> int:
        return sum(1 for v in row if v and not v[0].isdigit())

    best = max(range(len(rows)), key=lambda i: (score(rows[i]), -i), default=0)
    return best


def _names(key: str, header: str) -> bool:
    """Whether a header names ``key``: a short key ("in", "id", "end") as a word of its own (not
    the "in" of "Went offline"), a longer one anywhere ("LoginTimestamp")."""
    words = re.findall(r"[a-z0-9]+", header.lower())
    return key in words or (len(key) > 3 and key in _norm(header))


def guess(headers: Sequence[str]) -> dict[str, str]:
    """A first guess of each role's column from the header names (the person checks it)."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for role in ("outdate", "date", "id", "in", "out"):
        for key in _GUESS[role]:
            hit = next((h for h in headers if h and h not in taken and _names(key, h)), None)
            if hit is not None:
                if role == "date" and any(w in _norm(hit) for w in ("time", "stamp")):
                    continue  # "Login Date/Time" is a timestamp, not a date column
                out[role] = hit
                taken.add(hit)
                break
    return out


# ---------------------------------------------------------------- a small read-only table
class RowsTable(QAbstractTableModel):
    def __init__(self, headers: Sequence[str], rows: Sequence[Sequence[str]], parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.rows = [list(r) for r in rows]

    def set(self, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        self.beginResetModel()
        self.headers = list(headers)
        self.rows = [list(r) for r in rows]
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: _Index, role: int = int(Qt.ItemDataRole.DisplayRole)) -> Any:
        # the tooltip is the whole text, for a long problem cut short by its column
        shown = (int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole))
        if not index.isValid() or role not in shown:
            return None
        row = self.rows[index.row()]
        return row[index.column()] if index.column() < len(row) else ""

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != int(Qt.ItemDataRole.DisplayRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if section < len(self.headers) else ""
        return str(section + 1)


def _table(model: QAbstractTableModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 6)
    view.horizontalHeader().setStretchLastSection(True)
    return view


# ---------------------------------------------------------------- naming the columns
class ColumnsDialog(QDialog):
    """Which column holds what, picked from the header row of the file's first rows."""

    def __init__(
        self, file_name: str, rows: Sequence[Sequence[str]], choices: Sequence[dict[str, str]],
        parent: QWidget | None = None, current: dict[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("actualColumnsDialog")
        self.setWindowTitle(tr("Columns of {file}").format(file=file_name))
        self.rows = [list(r) for r in rows] or [[]]
        intro = QLabel(render(msg(
            "Which columns of {file} hold the login ID, the login and the logout? Pick them from its "
            "header row; a date column is needed only when the times carry no date.", file=file_name)))
        intro.setWordWrap(True)
        self.header_spin = QSpinBox(self)
        self.header_spin.setRange(1, len(self.rows))
        self.preview = RowsTable([], [], self)
        self.preview_view = _table(self.preview, self)
        self.preview_view.setMinimumHeight(150)
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout()
        form.addRow(tr("&Header row"), self.header_spin)
        for role, label, _required in ROLES:
            combo = QComboBox(self)
            combo.setObjectName(f"column_{role}")
            self.combos[role] = combo
            form.addRow(tr(label), combo)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #1b5e20;")
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020; font-weight: 600;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.addButton(tr("Use these columns"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self.accept_columns)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.preview_view, 1)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(760, 520)

        start = header_row(self.rows)
        wanted = current or None
        fit = None
        for i in [start, *range(len(self.rows))]:
            fit = fitting(self.rows[i], choices)
            if fit is not None:
                start = i
                break
        self.header_spin.setValue(start + 1)
        self._fill(wanted or fit)
        if fit is not None and not current:
            self.note.setText(tr("Filled in with the columns you chose for a file like this before."))
        self.header_spin.valueChanged.connect(lambda _v: self._fill(None))

    @property
    def headers(self) -> list[str]:
        return self.rows[self.header_spin.value() - 1]

    def _fill(self, chosen: dict[str, str] | None) -> None:
        heads = self.headers
        names = [h for h in heads if h]
        picked = chosen if chosen is not None else guess(names)
        for role, _label, required in ROLES:
            combo = self.combos[role]
            combo.clear()
            # a required column nobody guessed shows as unchosen, never as the first header
            combo.addItem(tr("(choose)") if required else tr("(none)"), "")
            for h in names:
                combo.addItem(h, h)
            want = picked.get(role)
            if want is not None:
                keys = [_norm(str(combo.itemData(i))) for i in range(combo.count())]
                hit = keys.index(_norm(want)) if _norm(want) in keys else -1
                if hit >= 0:
                    combo.setCurrentIndex(hit)
        r = self.header_spin.value() - 1
        self.preview.set(heads, self.rows[r + 1 : r + 7])
        self.preview_view.resizeColumnsToContents()

    def columns(self) -> dict[str, str]:
        chosen = {role: str(self.combos[role].currentData() or "") for role, _l, _r in ROLES}
        return {role: head for role, head in chosen.items() if head}

    def accept_columns(self) -> None:
        cols = self.columns()
        missing = [tr(label).replace("&", "") for role, label, needed in ROLES if needed and role not in cols]
        if missing:
            self.error.setText(tr("Choose the column of: {what}").format(what=", ".join(missing)))
            return
        if len(set(cols.values())) != len(cols):
            self.error.setText(tr("Each value needs its own column; one column is chosen twice."))
            return
        self.accept()


# ---------------------------------------------------------------- the preview
class Choice(Enum):
    IMPORT = "import"
    COLUMNS = "columns"
    CANCEL = "cancel"


def _day_text(day: object) -> str:
    if not isinstance(day, ActualDay) or day.empty:
        return ""
    return format_actual(day.segments, day.break_minutes, day.absence)


class ImportPreview(QDialog):
    """What the import would do, or why it cannot: the rows and columns of every problem."""

    def __init__(
        self, plan: ActualImportPlan, parent: QWidget | None = None, names: dict[str, str] | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("actualImportPreview")
        self.plan = plan
        self.choice = Choice.CANCEL
        self.setWindowTitle(tr("Import actual time from {file}").format(file=plan.file_name))
        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.columns_button = QPushButton(tr("Change &columns…"), self)
        buttons.addButton(self.columns_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.columns_button.clicked.connect(lambda: self._close(Choice.COLUMNS))
        self.import_button = buttons.addButton(tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(lambda: self._close(Choice.IMPORT))
        buttons.rejected.connect(self.reject)
        if plan.problems:
            heads = [tr("Sheet"), tr("Row"), tr("Column"), tr("Problem")]
            body = [_problem_row(p) for p in plan.problems[:MAX_ROWS_SHOWN]]
            self.summary.setText(render(msg_n(
                "{count} problem in {file}; nothing will be imported. Correct the file (or name its "
                "columns) and import it again.",
                "{count} problems in {file}; nothing will be imported. Correct the file (or name its "
                "columns) and import it again.",
                len(plan.problems), file=plan.file_name)))
            self.import_button.hide()
        else:
            heads = [tr("Employee"), tr("Name"), tr("Date"), tr("Now"), tr("After import")]
            who = names or {}
            body = [
                [str(c.key[0]), who.get(str(c.key[0]), ""), _date_text(c.key[1]), _day_text(c.expected),
                 _day_text(c.after)]
                for c in plan.changes[:MAX_ROWS_SHOWN]
            ]
            self.summary.setText(_summary(plan))
            self.import_button.setEnabled(plan.ok and bool(plan.changes))
            self.import_button.setDefault(True)
        self.table_model = RowsTable(heads, body, self)
        self.table = _table(self.table_model, self)
        self.table.setObjectName("importRows")
        self.table.resizeColumnsToContents()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(820, 480)

    def _close(self, choice: Choice) -> None:
        self.choice = choice
        self.accept()


def _date_text(value: object) -> str:
    return format_day(value) if isinstance(value, date) else str(value)


def _problem_row(p: Any) -> list[str]:
    where = p.where
    if where is None:
        return [p.sheet, "", "", str(p.message)]
    return [where.sheet, format_int(where.row), where.cell.rstrip("0123456789"), str(p.message)]


def _summary(plan: ActualImportPlan) -> str:
    span = (
        f"{format_day(plan.first)} \u2013 {format_day(plan.last)}" if plan.first and plan.last else "\u2014"
    )
    lines = [
        "{}: {} {}".format(
            plan.file_name,
            render(msg_n("{count:num} login session", "{count:num} login sessions", plan.sessions)),
            render(msg_n("of {count:num} employee, work dates {span}",
                         "of {count:num} employees, work dates {span}", plan.employees, span=span)),
        ),
        render(msg("Days: {new:num} added, {changed:num} changed, {same:num} unchanged, {kept:num} kept "
                   "(typed or confirmed by a person)", new=plan.new, changed=plan.changed,
                   same=plan.unchanged, kept=plan.kept)),
    ]
    if plan.skipped_rows:
        lines.append(render(msg_n("{count} total or blank row skipped", "{count} total or blank rows skipped",
                                  plan.skipped_rows)))
    if plan.columns:
        names = ", ".join(f"{tr(ROLE_NAMES[role]) if role in ROLE_NAMES else role}: {head}"
                          for role, head in plan.columns.items())
        lines.append(render(msg("Columns read: {names}", names=names)))
    if plan.locked is not None:
        lines.append(render(msg("Nothing can be imported: {why}", why=plan.locked)))
    elif not plan.changes:
        lines.append(tr("Nothing to change: everything in the file is recorded already."))
    return "\n".join(lines)


# ---------------------------------------------------------------- the flow
Planned = tuple[ActualImportPlan, list[list[str]], dict[str, str]]  # plan, first rows, names


class ActualImport(QObject):
    """One import, from choosing the columns to writing; ``done(days written)`` at the end (0 when
    nothing was written: cancelled, refused or nothing to change)."""

    def __init__(
        self, parent: QWidget, ws: Workspace, path: str | Path, done: Callable[[int, str], None]
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self.ws = ws
        self.path = Path(path)
        self._done = done
        self.job: Any = None
        self.finished = False
        self.columns: dict[str, str] | None = None
        self.rows: list[list[str]] = []

    def start(self) -> ActualImport:
        self._plan(None)
        return self

    def _plan(self, columns: dict[str, str] | None) -> None:
        from deskwfm.gui.background import BackgroundJob
        from deskwfm.services.actual_import import plan_actual_import, report_rows

        ws, path = self.ws, self.path
        self.columns = columns

        def work(_progress: Callable[[int, int], bool]) -> Planned:
            from deskwfm.services.employees import list_employees

            plan = plan_actual_import(ws, path, columns)
            rows = report_rows(path) if not plan.header_found or plan.problems else []
            return plan, rows, {e.code: e.name for e in list_employees(ws)}

        self.job = BackgroundJob(
            self._parent, tr("Import actual time"), work, self._planned, self._failed,
            first_label=tr("Reading {file}…").format(file=self.path.name),
        ).start()

    def _planned(self, result: Planned) -> None:
        plan, rows, names = result
        if rows:
            self.rows = rows
        if not plan.header_found and self.columns is None:
            known = self._remembered_fit()
            if known is not None:  # named for a file like this before: use it, no question
                self._plan(known)
            else:
                self._ask_columns(plan.file_name)
            return
        dlg = ImportPreview(plan, self._parent, names)
        dlg.exec()
        if dlg.choice is Choice.COLUMNS:
            self._ask_columns(plan.file_name, plan.columns)
        elif dlg.choice is Choice.IMPORT:
            self._apply(plan)
        else:
            self._finish(0)

    def _remembered_fit(self) -> dict[str, str] | None:
        """The columns chosen before for a file with one of these first rows as its header."""
        choices = remembered()
        return next((fit for row in self.rows if (fit := fitting(row, choices)) is not None), None)

    def _ask_columns(self, file_name: str, current: dict[str, str] | None = None) -> None:
        if not self.rows:
            from deskwfm.services.actual_import import report_rows

            try:
                self.rows = report_rows(self.path)
            except DeskwfmError as exc:
                self._failed(exc)
                return
        dlg = ColumnsDialog(file_name, self.rows, remembered(), self._parent, current)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            self._finish(0)
            return
        cols = dlg.columns()
        remember(cols)
        self._plan(cols)

    def _apply(self, plan: ActualImportPlan) -> None:
        from deskwfm.gui.background import BackgroundJob
        from deskwfm.services.actual_import import apply_actual_import

        ws = self.ws
        self.job = BackgroundJob(
            self._parent, tr("Import actual time"), lambda _p: apply_actual_import(ws, plan),
            self._finish, self._failed, first_label=tr("Writing {file}…").format(file=plan.file_name),
        )
        self.job.dialog.setCancelButton(None)  # one transaction: it cannot stop half-way
        self.job.start()

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, DeskwfmError | OSError):
            self.finished = True
            raise exc
        if isinstance(exc, StaleEditError):
            text = render(msg("Nothing was imported: {why}. Import the file again to see the days as "
                              "they are now.", why=exc.msg))
        elif isinstance(exc, DeskwfmError):
            text = render(msg("Nothing was imported: {why}", why=exc.msg))
        else:
            why = exc.strerror or str(exc)
            text = render(msg("Could not read {file}: {why}", file=self.path.name, why=why))
        QMessageBox.warning(self._parent, tr("Import actual time"), text)
        self._finish(0)

    def _finish(self, written: int) -> None:
        self.finished = True
        self._done(written, self.path.name)
