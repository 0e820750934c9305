"""An edit refused because another workstation changed a cell first keeps what was typed.

The grid has already reloaded to show the other change; a box says what happened and offers
the user's own entry again ("Re-apply 9-17 to AG014 Tue 24 Nov"), or for one typed cell to
reopen its editor with the text, or to drop it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QMessageBox

from deskwfm.core.i18n import format_short_date, tr, tr_n
from deskwfm.gui.commands import GridAction
from deskwfm.gui.session import RefusedEdit
from deskwfm.gui.status import show_message

if TYPE_CHECKING:
    from deskwfm.gui.main_window import MainWindow


def reapply_label(refused: RefusedEdit) -> str:
    edits = refused.edits
    if len(edits) == 1:
        e = edits[0]
        what = e.text.strip() or tr("clear")
        cell = f"{e.employee_code} {format_short_date(e.work_date)}"
        return tr("Re-apply {what} to {cell}").format(what=what, cell=cell)
    return tr_n("Re-apply your change to {n} cell", "Re-apply your change to {n} cells", len(edits)).format(
        n=len(edits))


def offer_reapply(win: MainWindow, refused: RefusedEdit) -> QMessageBox:
    show_message(win.statusBar(), refused.reason, error=True)
    box = QMessageBox(
        QMessageBox.Icon.Warning, "deskwfm", refused.reason, QMessageBox.StandardButton.NoButton, win
    )
    box.setObjectName("staleEditBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    again = box.addButton(reapply_label(refused), QMessageBox.ButtonRole.AcceptRole)
    again.setObjectName("reapplyButton")
    again.clicked.connect(lambda: win.session.reapply(refused))
    if len(refused.edits) == 1 and refused.verb is GridAction.EDIT:
        e = refused.edits[0]
        edit = box.addButton(tr("Edit it\u2026"), QMessageBox.ButtonRole.ActionRole)
        edit.setObjectName("editAgainButton")
        # once the box has closed, so the editor keeps the focus it is given
        edit.clicked.connect(
            lambda: QTimer.singleShot(0, lambda: edit_again(win, e.employee_code, e.work_date, e.text))
        )
    box.addButton(tr("Discard"), QMessageBox.ButtonRole.RejectRole).setObjectName("discardButton")
    box.setDefaultButton(again)
    box.open()  # window-modal, does not block the event loop
    return box


def edit_again(win: MainWindow, code: str, day: date, text: str) -> None:
    """Reopen the cell's editor with the refused text in it, cursor at the end."""
    st = win.session.state
    row, col = st.row_of.get(code), st.col_of.get(day)
    if row is None or col is None:
        return
    table = win.grid.table
    win.activateWindow()
    index = win.session.grid_model.index(row, col)
    table.setCurrentIndex(index)
    table.setFocus()
    # as F2 does: the editor opens on the cell with the cursor at the end of its text
    f2 = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier)
    table.edit(index, QAbstractItemView.EditTrigger.EditKeyPressed, f2)
    editor = table.indexWidget(index)
    if isinstance(editor, QLineEdit):
        editor.setText(text)
        editor.end(False)
        editor.setFocus()
