"""Undo commands: each user action is one QUndoCommand over its list of CellChanges.

The action runs before the command is pushed (so a refused paste never reaches the stack);
the first ``redo()`` that QUndoStack.push makes is therefore a no-op. Undo and redo go back to
the database through ``services.schedule.revert``, each in its own transaction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from deskwfm.core.changes import Applied
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
    return f"{n} cell" if n == 1 else f"{n} cells"
