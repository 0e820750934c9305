"""The Schedule / Actual / Variance switch: a toolbar of three exclusive buttons whose actions the
View menu shares (F6, F7, F8), with the legend of the view shown beside them."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QToolBar, QWidget

from deskwfm.core.i18n import tr
from deskwfm.core.messages import N_
from deskwfm.gui.grid_mode import GridMode

SHORTCUTS = {GridMode.SCHEDULE: "F6", GridMode.ACTUAL: "F7", GridMode.VARIANCE: "F8"}
_TIPS = {
    GridMode.SCHEDULE: N_("The plan: typing records shifts"),
    GridMode.ACTUAL: N_("What was worked: typing records actual time (8:58-17:03/30, SICK, LATE 9:40-17)"),
    GridMode.VARIANCE: N_("Worked minus scheduled, coloured by the kind of difference"),
}


CONFIRM_TIP = N_(
    "Record the selected days that have a shift and nothing recorded as worked exactly as scheduled"
)


def _chip(colour: str, text: str, *, as_text: bool = False) -> str:
    style = f"color:{colour};" if as_text else f"background:{colour};"
    return f'<span style="{style}">&nbsp;{escape(text)}&nbsp;</span>'


def legend_html(mode: GridMode) -> str:
    """The colours of a view and what they mean (empty for the Schedule view)."""
    from deskwfm.gui.actual_model import SOURCE_COLOURS, VARIANCE_COLOURS

    if mode is GridMode.VARIANCE:
        chips = [_chip(colour, tr(label)) for colour, label in VARIANCE_COLOURS.values()]
        head = tr("Variance: worked minus scheduled (h:mm).")
    elif mode is GridMode.ACTUAL:
        chips = [_chip(colour, tr(label), as_text=True) for colour, label in SOURCE_COLOURS.values()]
        chips.append(_chip("#8a8f98", tr("(scheduled, nothing recorded)"), as_text=True))
        head = tr("Actual time: first login to last logout.")
    else:
        return ""
    corners = tr("Corner: red, a critical exception; orange, a warning.")
    return f"<b>{escape(head)}</b> {' '.join(chips)} &nbsp; {escape(corners)}"


class ModeBar(QToolBar):
    mode_chosen = Signal(object)  # GridMode

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Schedule, actual or variance"), parent)
        self.setObjectName("modeBar")
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.mode_actions: dict[GridMode, QAction] = {}
        for mode in GridMode:
            key = SHORTCUTS[mode]
            act = QAction(tr(mode.label), self)
            act.setObjectName(f"mode_{mode.value}")
            act.setCheckable(True)
            act.setShortcut(QKeySequence(key))
            act.setToolTip(f"{tr(_TIPS[mode])} ({key})")
            act.setStatusTip(tr(_TIPS[mode]))
            act.triggered.connect(lambda _=False, m=mode: self.mode_chosen.emit(m))
            self.group.addAction(act)
            self.addAction(act)
            self.mode_actions[mode] = act
        self.mode_actions[GridMode.SCHEDULE].setChecked(True)
        self.addSeparator()
        self.confirm_action = QAction("\u2713 " + tr("Confirm as &scheduled"), self)
        self.confirm_action.setObjectName("confirmAsScheduled")
        self.confirm_action.setShortcut(QKeySequence("Ctrl+K"))
        self.confirm_action.setToolTip(tr(CONFIRM_TIP) + " (Ctrl+K)")
        self.confirm_action.setStatusTip(tr(CONFIRM_TIP))
        self.addAction(self.confirm_action)
        # The legend is a strip over the grid (the window places it): the toolbars have no room.
        self.legend = QLabel()
        self.legend.setObjectName("modeLegend")
        self.legend.setStyleSheet("QLabel#modeLegend { padding: 3px 6px; background: #f4f5f7; }")
        self.legend.hide()

    def add_to_menu(self, menu: QMenu) -> None:
        """The three views, for the View menu."""
        for act in self.mode_actions.values():
            menu.addAction(act)

    def show_mode(self, mode: GridMode) -> None:
        self.mode_actions[mode].setChecked(True)
        html = legend_html(mode)
        self.legend.setText(html)
        self.legend.setVisible(bool(html))
