"""Range navigation toolbar: previous / today / next, the view kind, and the range shown."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QToolBar, QWidget

from deskwfm.core.i18n import tr
from deskwfm.gui.view_range import ViewKind, range_title


class NavBar(QToolBar):
    view_chosen = Signal(object)  # ViewKind

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Navigation"), parent)
        self.setObjectName("navBar")
        self.prev_action = QAction(tr("◀ Previous"), self)
        self.prev_action.setShortcut(QKeySequence("Alt+Left"))
        self.prev_action.setToolTip(tr("Previous range (Alt+Left)"))
        self.today_action = QAction(tr("Today"), self)
        self.today_action.setShortcut(QKeySequence("Alt+Home"))
        self.today_action.setToolTip(tr("Go to today (Alt+Home)"))
        self.next_action = QAction(tr("Next ▶"), self)
        self.next_action.setShortcut(QKeySequence("Alt+Right"))
        self.next_action.setToolTip(tr("Next range (Alt+Right)"))
        self.addAction(self.prev_action)
        self.addAction(self.today_action)
        self.addAction(self.next_action)
        self.addSeparator()
        self.view_combo = QComboBox(self)
        self.view_combo.setObjectName("viewCombo")
        for kind in ViewKind:
            self.view_combo.addItem(kind.label, kind)
        self.view_combo.activated.connect(lambda i: self.view_chosen.emit(self.view_combo.itemData(i)))
        self.addWidget(self.view_combo)
        self.range_label = QLabel(self)
        self.range_label.setObjectName("rangeLabel")
        self.range_label.setStyleSheet("QLabel { font-weight: bold; padding: 0 12px; }")
        self.addWidget(self.range_label)

    def show_range(self, kind: ViewKind, start: date, end: date) -> None:
        self.view_combo.setCurrentIndex(list(ViewKind).index(kind))
        self.range_label.setText(range_title(start, end))
