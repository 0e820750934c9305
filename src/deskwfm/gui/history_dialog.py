"""A cell's history (context menu → History…): every recorded change of one grid cell, newest
first — when (site clock), who (login@workstation), how (grid edit, paste, import, note…), and
the cell before and after. Read from the audit trail through ``services.audit``."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deskwfm.core.errors import DeskwfmError
from deskwfm.core.i18n import format_long_date, tr
from deskwfm.gui.session import ScheduleSession
from deskwfm.services import audit

COLUMNS = ("When", "Who", "How", "Before", "After")


class HistoryDialog(QDialog):
    def __init__(self, title: str, rows: list[list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(tr("History"))
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("historyList")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([tr(c) for c in COLUMNS])
        for row in rows:
            self.tree.addTopLevelItem(QTreeWidgetItem(row))
        for i, width in enumerate((140, 150, 120, 150)):
            self.tree.setColumnWidth(i, width)
        empty = QLabel(tr("No change of this cell was recorded."), self)
        empty.setVisible(not rows)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(title, self))
        layout.addWidget(self.tree, 1)
        layout.addWidget(empty)
        layout.addWidget(buttons)
        self.resize(760, 360)


def show_history(session: ScheduleSession, row: int, col: int, parent: QWidget) -> None:
    st = session.state
    emp, day = st.employees[row], st.days[col]
    try:
        entries = audit.cell_history(session.ws, emp.code, day)
    except DeskwfmError as exc:
        session.error.emit(str(exc))
        return
    rows = []
    for e in entries:
        how = e.how + (f" ({e.detail})" if e.detail else "")
        rows.append([
            f"{audit.local_time(e.at, st.site.tz):%Y-%m-%d %H:%M:%S}",
            f"{e.actor}@{e.workstation}",
            how,
            audit.value_text(e.entity, e.before) or "\u2205",
            audit.value_text(e.entity, e.after) or "\u2205",
        ])
    HistoryDialog(f"{emp.code} {emp.name} · {format_long_date(day)}", rows, parent).exec()
