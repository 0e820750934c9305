"""The frozen left side of the grid: a vertical header painting team, code and name per row.

A header scrolls with its view for free, so the names never drift from their rows.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QHeaderView, QWidget

TEAM_W = 78
CODE_W = 62
NAME_W = 168
HEADER_WIDTH = TEAM_W + CODE_W + NAME_W
ROW_HEIGHT = 22

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class RowHeader(QHeaderView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setDefaultSectionSize(ROW_HEIGHT)
        self.setMinimumSectionSize(ROW_HEIGHT)
        self.setFixedWidth(HEADER_WIDTH)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)
        self._team_font = QFont(self.font())
        self._team_font.setBold(True)
        self._code_font = QFont("DejaVu Sans Mono")
        self._code_font.setPointSizeF(self.font().pointSizeF() * 0.92)
        self._bg = QColor("#f4f5f7")
        self._sel_bg = QColor("#dbe6f5")
        self._line = QColor("#d0d4da")
        self._team_line = QColor("#7f8894")
        self._team_fg = QColor("#3d5a80")

    def paintSection(self, painter: QPainter, rect: QRect, logical: int) -> None:
        model = self.model()
        state = getattr(model, "state", None)
        if state is None or not 0 <= logical < state.row_count:
            super().paintSection(painter, rect, logical)
            return
        emp = state.employees[logical]
        sel = self.selectionModel()
        cur = sel is not None and sel.currentIndex().row() == logical
        painter.save()
        painter.fillRect(rect, self._sel_bg if cur else self._bg)
        painter.setPen(QPen(self._line))
        painter.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom())
        painter.drawLine(rect.right(), rect.top(), rect.right(), rect.bottom())
        if state.team_start[logical]:
            painter.setPen(QPen(self._team_line))
            painter.drawLine(rect.left(), rect.top(), rect.right(), rect.top())
            painter.setFont(self._team_font)
            painter.setPen(self._team_fg)
            painter.drawText(rect.adjusted(6, 0, -(CODE_W + NAME_W), 0), _LEFT, emp.team or "—")
        painter.setPen(QColor("#505862"))
        painter.setFont(self._code_font)
        painter.drawText(QRect(rect.left() + TEAM_W, rect.top(), CODE_W, rect.height()), _LEFT, emp.code)
        painter.setFont(self.font())
        painter.setPen(QColor("#1f2328"))
        name_rect = QRect(rect.left() + TEAM_W + CODE_W, rect.top(), NAME_W - 6, rect.height())
        name = self.fontMetrics().elidedText(emp.name, Qt.TextElideMode.ElideRight, NAME_W - 6)
        painter.drawText(name_rect, _LEFT, name)
        painter.restore()


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_CENTER = Qt.AlignmentFlag.AlignCenter


class DayHeader(QHeaderView):
    """Column header that paints the model's weekend/holiday tint itself: the Fusion style
    ignores BackgroundRole on header sections, so a tinted day would only show in its cells."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._bg = QColor("#f4f5f7")
        self._sel_bg = QColor("#dbe6f5")
        self._line = QColor("#d0d4da")
        self._fg = QColor("#1f2328")

    def paintSection(self, painter: QPainter, rect: QRect, logical: int) -> None:
        model = self.model()
        if model is None:
            return
        orient = Qt.Orientation.Horizontal
        bg = model.headerData(logical, orient, _BACKGROUND)
        fg = model.headerData(logical, orient, _FOREGROUND)
        font = model.headerData(logical, orient, _FONT)
        text = model.headerData(logical, orient, _DISPLAY)
        sel = self.selectionModel()
        current = sel is not None and sel.currentIndex().column() == logical
        painter.save()
        painter.fillRect(rect, self._sel_bg if current else (bg if bg is not None else self._bg))
        painter.setPen(QPen(self._line))
        painter.drawLine(rect.left(), rect.bottom(), rect.right(), rect.bottom())
        painter.drawLine(rect.right(), rect.top(), rect.right(), rect.bottom())
        if font is not None:
            painter.setFont(font)
        painter.setPen(fg.color() if hasattr(fg, "color") else (fg if fg is not None else self._fg))
        painter.drawText(rect.adjusted(2, 2, -2, -2), _CENTER, str(text or ""))
        painter.restore()
