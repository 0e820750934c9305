"""A cell's history from the grid (context menu → Cell history…, Edit → Cell history…): every
recorded change of one cell, newest first, in ``audit_views.HistoryDialog``."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from deskwfm.core.errors import DeskwfmError
from deskwfm.gui.session import ScheduleSession


def show_history(session: ScheduleSession, row: int, col: int, parent: QWidget) -> None:
    from deskwfm.gui.audit_views import HistoryDialog

    st = session.state
    try:
        dlg = HistoryDialog(session.ws, st.employees[row].code, st.days[col], parent)
    except DeskwfmError as exc:
        session.error.emit(str(exc))
        return
    dlg.exec()
