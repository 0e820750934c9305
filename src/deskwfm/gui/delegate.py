"""The cell editor: a line edit that commits like Excel and refuses entries the parser rejects.

Enter, Tab and the arrows (arrows only when editing was started by typing, as in Excel's
"enter" mode; after F2 they move the text cursor) commit and ask the view to move. A bad entry
keeps the editor open and the parser's message is shown; nothing is stored. ``setModelData``
hands the text to a sink that pushes an undo command (the model itself is never written).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from deskwfm.core.i18n import tr

_Index = QModelIndex | QPersistentModelIndex
_EDIT = int(Qt.ItemDataRole.EditRole)

# Directions the view moves after a commit.
STAY, DOWN, UP, RIGHT, LEFT = 0, 1, 2, 3, 4

_KEY_MOVES = {
    Qt.Key.Key_Return: DOWN,
    Qt.Key.Key_Enter: DOWN,
    Qt.Key.Key_Tab: RIGHT,
    Qt.Key.Key_Backtab: LEFT,
}
_ARROW_MOVES = {
    Qt.Key.Key_Up: UP,
    Qt.Key.Key_Down: DOWN,
    Qt.Key.Key_Left: LEFT,
    Qt.Key.Key_Right: RIGHT,
}


class ShiftDelegate(QStyledItemDelegate):
    refused = Signal(str)  # the parser's message for a bad entry
    cancelled = Signal()  # Escape: the edit was given up, its error no longer applies
    move_after_commit = Signal(int)

    def __init__(
        self,
        check: Callable[[str], str | None],
        sink: Callable[[int, int, str], None],
        typing_mode: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._check = check
        self._sink = sink
        self._typing_mode = typing_mode

    # -- editing -------------------------------------------------------------------------------
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        editor.setObjectName("cellEditor")
        editor.setPlaceholderText(tr("9-17, N, VAC"))
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(str(index.data(_EDIT) or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QLineEdit)
        text = editor.text()
        if text == (index.data(_EDIT) or ""):
            return
        problem = self._check(text)
        if problem is not None:
            self.refused.emit(problem)  # focus left a bad entry: nothing is stored
            return
        self._sink(index.row(), index.column(), text)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if isinstance(obj, QLineEdit) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key == Qt.Key.Key_Escape:
                QToolTip.hideText()
                self.closeEditor.emit(obj, QAbstractItemDelegate.EndEditHint.RevertModelCache)
                self.cancelled.emit()
                return True
            move = _KEY_MOVES.get(Qt.Key(key))
            if move == DOWN and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                move = UP  # Shift+Enter commits and moves up, as in Excel
            if move is None and self._typing_mode():
                move = _ARROW_MOVES.get(Qt.Key(key))
            if move is not None:
                problem = self._check(obj.text())
                if problem is not None:
                    self._show_problem(obj, problem)
                    return True
                QToolTip.hideText()
                self.commitData.emit(obj)
                self.closeEditor.emit(obj, QAbstractItemDelegate.EndEditHint.NoHint)
                self.move_after_commit.emit(move)
                return True
        return super().eventFilter(obj, event)

    def _show_problem(self, editor: QLineEdit, problem: str) -> None:
        editor.setToolTip(problem)
        editor.setStyleSheet("QLineEdit { background: #fde7e9; }")
        QToolTip.showText(editor.mapToGlobal(QPoint(0, editor.height())), problem, editor)
        self.refused.emit(problem)
