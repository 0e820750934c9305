"""The frozen left side of the grid: a vertical header painting team, code and name per row.

A header scrolls with its view for free, so the names never drift from their rows. Its width
is set by the grid (``set_columns``): on a narrow window the team column goes (the team lines
and the team filter still say who is where) and long names are elided, with the full name in
the tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QHeaderView, QWidget

from deskwfm.gui.guard import guarded

TEAM_W = 84
CODE_W = 48
NAME_MIN = 75
NAME_MAX = 180
ROW_HEIGHT = 22

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class RowHeader(QHeaderView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setDefaultSectionSize(ROW_HEIGHT)
        self.setMinimumSectionSize(ROW_HEIGHT)
        self.team_w = TEAM_W
        self.name_w = NAME_MAX
        self.setFixedWidth(self.total_width())
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

    def total_width(self) -> int:
        return self.team_w + CODE_W + self.name_w

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """The table sizes its left margin from this: exactly the columns, never the text."""
        return QSize(self.total_width(), super().sizeHint().height())

    def set_columns(self, team_w: int, name_w: int) -> None:
        """Team column width (0 hides it) and name column width."""
        if (team_w, name_w) != (self.team_w, self.name_w):
            self.team_w, self.name_w = team_w, name_w
            self.setFixedWidth(self.total_width())
            self.viewport().update()

    @guarded(None)
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
        team_w = self.team_w
        if state.team_start[logical]:
            painter.setPen(QPen(self._team_line))
            painter.drawLine(rect.left(), rect.top(), rect.right(), rect.top())
            if team_w:
                painter.setFont(self._team_font)
                painter.setPen(self._team_fg)
                team_rect = QRect(rect.left() + 6, rect.top(), team_w - 8, rect.height())
                elide = Qt.TextElideMode.ElideRight
                team = painter.fontMetrics().elidedText(emp.team or "—", elide, team_w - 8)
                painter.drawText(team_rect, _LEFT, team)
        painter.setPen(QColor("#505862"))
        painter.setFont(self._code_font)
        code_x = rect.left() + (team_w or 6)
        code = painter.fontMetrics().elidedText(emp.code, Qt.TextElideMode.ElideRight, CODE_W - 4)
        painter.drawText(QRect(code_x, rect.top(), CODE_W, rect.height()), _LEFT, code)
        painter.setFont(self.font())
        painter.setPen(QColor("#1f2328"))
        name_x = code_x + CODE_W
        name_w = rect.right() - name_x - 4
        name = self.fontMetrics().elidedText(emp.name, Qt.TextElideMode.ElideRight, name_w)
        painter.drawText(QRect(name_x, rect.top(), name_w, rect.height()), _LEFT, name)
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

    @guarded(None)
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
