"""Undo commands: each user action is one QUndoCommand over its list of CellChanges.

The action runs before the command is pushed (so a refused paste never reaches the stack);
the first ``redo()`` that QUndoStack.push makes is therefore a no-op. Undo and redo go back to
the database through ``services.schedule.revert``, each in its own transaction.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from deskwfm.core.changes import Applied, How
from deskwfm.core.i18n import render
from deskwfm.core.messages import msg, msg_n
from deskwfm.services.schedule import CellChange

if TYPE_CHECKING:
    from deskwfm.gui.session import ScheduleSession


class ScheduleCommand(QUndoCommand):
    def __init__(self, session: ScheduleSession, text: str, changes: list[CellChange]) -> None:
        super().__init__(text)
        self._session = session
        self.changes = changes
        self._done = True  # already applied when pushed

    def redo(self) -> None:
        if self._done:
            return
        self._session.replay(self.changes, redo=True)
        self._done = True

    def undo(self) -> None:
        self._session.replay(self.changes, redo=False)
        self._done = False


class ActualCommand(QUndoCommand):
    """One action on actual time (typed, pasted, filled, cleared, coded or confirmed as
    scheduled): the days it wrote, restored through ``services.actual.revert_actual``."""

    def __init__(self, session: ScheduleSession, text: str, applied: list[Applied]) -> None:
        super().__init__(text)
        self._session = session
        self.changes = applied
        self._done = True  # already applied when pushed

    def redo(self) -> None:
        if self._done:
            return
        self._session.replay_actual(self.changes, redo=True)
        self._done = True

    def undo(self) -> None:
        self._session.replay_actual(self.changes, redo=False)
        self._done = False


def cells(n: int) -> str:
    """"1 cell", "3 cells" in the reader's language."""
    return render(msg_n("{count:num} cell", "{count:num} cells", n))


class GridAction(StrEnum):
    """A grid action: how it is audited and what the undo menu calls it (never by its text)."""

    EDIT = "edit"
    PASTE = "paste"
    CLEAR = "clear"
    FILL_DOWN = "fill down"
    FILL_RIGHT = "fill right"
    APPLY = "apply"

    @property
    def how(self) -> How:
        return _HOW[self]

    def text(self, n: int, code: str = "") -> str:
        """The undo step's name: "Paste 4 cells", "Apply N to 3 cells"."""
        if self is GridAction.APPLY:
            return render(msg_n("Apply {code} to {count:num} cell", "Apply {code} to {count:num} cells", n,
                                code=code or msg("clear")))
        return render(msg("{verb} {cells}", verb=_VERBS[self], cells=cells(n)))

    def actual_text(self, n: int, code: str = "") -> str:
        """The undo step's name in the Actual and Variance views: "Paste actual time of 4 cells"."""
        verb = msg("Apply {code} to", code=code or msg("clear")) if self is GridAction.APPLY else _VERBS[self]
        return render(msg_n("{action} actual time of {count} cell",
                            "{action} actual time of {count} cells", n, action=verb))


_HOW = {
    GridAction.EDIT: How.GRID_EDIT, GridAction.PASTE: How.PASTE, GridAction.CLEAR: How.CLEAR,
    GridAction.FILL_DOWN: How.FILL, GridAction.FILL_RIGHT: How.FILL, GridAction.APPLY: How.CODE,
}
_VERBS = {
    GridAction.EDIT: msg("Edit"), GridAction.PASTE: msg("Paste"), GridAction.CLEAR: msg("Clear"),
    GridAction.FILL_DOWN: msg("Fill down"), GridAction.FILL_RIGHT: msg("Fill right"),
}
