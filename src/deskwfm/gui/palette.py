"""The shift-code palette: a toolbar with one coloured button per code; Alt+1..9 apply them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import QToolBar, QWidget

from deskwfm.core.absence import AbsenceCode
from deskwfm.core.i18n import render, tr
from deskwfm.core.model import KIND_LABELS, ShiftCode, ShiftKind

_KIND_ORDER = {ShiftKind.WORK: 0, ShiftKind.PAID_LEAVE: 1, ShiftKind.UNPAID_LEAVE: 2, ShiftKind.OFF: 3}


def swatch(colour: str, size: int = 14) -> QIcon:
    pm = QPixmap(size, size)
    pm.fill(QColor(colour))
    p = QPainter(pm)
    p.setPen(QColor("#6b7280"))
    p.drawRect(0, 0, size - 1, size - 1)
    p.end()
    return QIcon(pm)


def describe(code: ShiftCode) -> str:
    what = code.label or code.code
    if code.start is not None and code.end is not None:
        what += f" {code.start:%H:%M}\u2013{code.end:%H:%M}"
        if code.break_minutes:
            what += " " + tr("({n} min break)").format(n=code.break_minutes)
    if code.kind is not ShiftKind.WORK:
        what += f" · {render(KIND_LABELS[code.kind])}"
    return what


ABSENCE_SWATCH = "#ece6f6"


def describe_absence(code: AbsenceCode) -> str:
    paid = tr("paid") if code.paid else tr("unpaid")
    cause = tr("reasonable cause") if code.reasonable_cause else tr("no reasonable cause")
    return f"{code.label or code.code} · {paid}, {cause}"


class PaletteBar(QToolBar):
    def __init__(self, apply: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(tr("Shift codes"), parent)
        self.setObjectName("paletteBar")
        self.setIconSize(QSize(12, 12))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._apply = apply
        self.code_actions: dict[str, QAction] = {}

    def set_codes(self, codes: list[ShiftCode]) -> None:
        ordered = sorted(codes, key=lambda c: (_KIND_ORDER.get(c.kind, 9), c.code))
        self.setWindowTitle(tr("Shift codes"))
        self._fill([(c.code, c.colour, describe(c)) for c in ordered])

    def set_absence_codes(self, codes: list[AbsenceCode]) -> None:
        """The Actual and Variance views' palette: absence codes, added to what a day records."""
        self.setWindowTitle(tr("Absence codes"))
        ordered = sorted(codes, key=lambda c: c.code)
        self._fill([(c.code, ABSENCE_SWATCH, describe_absence(c)) for c in ordered])

    def _fill(self, codes: list[tuple[str, str, str]]) -> None:
        for act in self.actions():
            self.removeAction(act)
            act.deleteLater()
        self.code_actions.clear()
        for i, (code, colour, tip) in enumerate(codes):
            act = QAction(swatch(colour), code, self)
            if i < 9:
                act.setShortcut(QKeySequence(f"Alt+{i + 1}"))
                tip += f"  (Alt+{i + 1})"
            act.setToolTip(tip)
            act.triggered.connect(lambda _=False, c=code: self._apply(c))
            self.addAction(act)
            self.code_actions[code] = act
        clear = QAction(tr("Clear"), self)
        clear.setToolTip(tr("Clear the selected cells  (Delete)"))
        clear.triggered.connect(lambda _=False: self._apply(""))
        self.addAction(clear)
        self.code_actions[""] = clear
