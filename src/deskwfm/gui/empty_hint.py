"""What an empty schedule shows: a short hint over the grid with buttons that lead on.

A new centre has day columns but no rows; without a word the grid looks broken. The hint sits
in the middle of the grid's viewport (it follows resizes) and is shown only while there is
nobody on the schedule.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from deskwfm.core.i18n import tr


class EmptyScheduleHint(QFrame):
    """``Nobody is on this schedule yet`` with Add employees… and Import workbook… buttons."""

    def __init__(
        self, host: QWidget, add_employees: Callable[[], None], import_workbook: Callable[[], None]
    ) -> None:
        super().__init__(host)
        self.setObjectName("emptyScheduleHint")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "QFrame#emptyScheduleHint { background: #ffffff; border: 1px solid #c9d2de; border-radius: 6px; }"
        )
        heading = tr("Nobody is on this schedule yet")
        title = QLabel(f"<b>{heading}</b>", self)
        title.setObjectName("emptyScheduleTitle")
        text = QLabel(
            tr("Add your agents (code, name, team and pay rate) to start typing shifts, "
               "or import them from a workbook (File \u2192 Import workbook)."),
            self,
        )
        text.setWordWrap(True)
        self.add_button = QPushButton(tr("Add employees\u2026"), self)
        self.add_button.setObjectName("addEmployeesButton")
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(lambda: add_employees())
        self.import_button = QPushButton(tr("Import workbook\u2026"), self)
        self.import_button.clicked.connect(lambda: import_workbook())
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addLayout(buttons)
        self.setFixedWidth(420)
        self.hide()
        host.installEventFilter(self)

    def set_empty(self, empty: bool) -> None:
        self.setVisible(empty)
        if empty:
            self._centre()
            self.raise_()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._centre()
        return False

    def _centre(self) -> None:
        host = self.parentWidget()
        if host is None:
            return
        self.adjustSize()
        x = max(0, (host.width() - self.width()) // 2)
        y = max(0, min(80, (host.height() - self.height()) // 2))
        self.move(x, y)
