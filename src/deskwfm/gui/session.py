"""The open schedule: a workspace, the shown range, its GridState, the models and the undo stack.

Widgets call these methods; this object calls the services and tells the models exactly which
rows and day columns changed. It holds no SQL, rules or parsing of its own.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from deskwfm.core.changes import How
from deskwfm.core.entry import parse_entry
from deskwfm.core.errors import DeskwfmError, EntryError, StaleEditError
from deskwfm.core.i18n import format_day, tr
from deskwfm.gui.commands import ScheduleCommand, cells
from deskwfm.gui.grid_model import GridModel
from deskwfm.gui.grid_state import GridState
from deskwfm.gui.totals_models import DayTotalsModel, RowTotalsModel, SheetTotalsModel
from deskwfm.gui.view_range import ViewKind, range_for, step
from deskwfm.services import schedule
from deskwfm.services.forecast import load_staffing
from deskwfm.services.schedule import CellChange, CellEdit
from deskwfm.services.workspace import Workspace

# How each grid action is recorded in the audit trail (by the first word of its undo text).
_HOW_OF_VERB = {
    "Edit": How.GRID_EDIT, "Paste": How.PASTE, "Clear": How.CLEAR, "Fill": How.FILL, "Apply": How.CODE,
}
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class RefusedEdit:
    """An edit refused because another workstation changed one of its cells first: what the
    user typed or pasted, kept so it can be applied again over the reloaded grid."""

    edits: tuple[CellEdit, ...]
    verb: str  # "Edit" for one typed cell, else "Paste", "Fill", "Clear"...
    reason: str  # the refusal, ready to show


class ScheduleSession(QObject):
    loaded = Signal()  # a new range or a reload: views reset
    changed = Signal()  # cells changed (edit, undo, redo)
    message = Signal(str)  # something done
    error = Signal(str)  # something refused; nothing changed
    stale_refused = Signal(object)  # a RefusedEdit, emitted after the grid reloaded

    # Rows priced per turn of the event loop for the totals row (about 1 ms each): a 5,000-agent
    # grid adds up in the background in slices short enough not to be felt.
    PRICE_STEP = 8

    def __init__(
        self, ws: Workspace, kind: ViewKind, anchor: date, parent: QObject | None = None,
        *, paint_first: bool = False,
    ) -> None:
        """``paint_first`` (the window's start): the grid's cells are painted before the Short
        row, the pay totals and the warnings are worked out; ``complete`` does that after."""
        super().__init__(parent)
        self._paint_first = paint_first
        self.ws = ws
        self.kind = kind
        self.anchor = anchor
        self.team: str | None = None  # the team filter (None: everyone)
        self.undo_stack = QUndoStack(self)
        # The database's change stamp when the shown state was read (or when only this window's
        # own writes moved it since): another workstation's commit moves it past that.
        self.stamp = 0
        self.state = self._load_state()
        self.grid_model = GridModel(self.state, self)
        self.totals_model = RowTotalsModel(self.state, self)
        self.sheet_model = SheetTotalsModel(self.state, self)
        self.day_model = DayTotalsModel(self.state, self)
        self._pricer = QTimer(self)
        self._pricer.setInterval(0)
        self._pricer.timeout.connect(self._price_some)
        if not paint_first:  # else ``complete`` starts it, once the window is on screen
            self._pricer.start()

    # -- loading -------------------------------------------------------------------------------
    def _load_state(self) -> GridState:
        from deskwfm.services.site import get_site

        # Read before the data: a change committed while it loads is seen by the next poll.
        self.stamp = self.ws.change_stamp()
        start, end = range_for(self.kind, self.anchor, get_site(self.ws))
        # The grid's data is a few hundred thousand long-lived objects at 5,000 agents; a full
        # garbage collection scanning them costs ~130 ms, felt as a stutter while scrolling.
        # Freezing moves them out of the collector's sight; the previous range's objects are
        # unfrozen first so they are freed as usual.
        gc.unfreeze()
        data = schedule.load_schedule(self.ws, start, end)
        if self.team is not None and all(e.team != self.team for e in data.employees):
            self.team = None  # the team has nobody active any more: show everyone
        staffing = None if self._paint_first else load_staffing(self.ws, start, end)
        state = GridState(data, staffing, self.team)
        state.pay_ready = not self._paint_first
        gc.freeze()
        return state

    def reload(self) -> None:
        self.state = self._load_state()
        for m in (self.grid_model, self.totals_model, self.sheet_model, self.day_model):
            m.reset_state(self.state)
        self._pricer.start()
        self.loaded.emit()

    def set_team(self, team: str | None) -> None:
        """Show one team's rows (None: everyone); the totals follow the rows shown."""
        if team != self.team:
            self.team = team
            self.reload()

    def finish_totals(self) -> None:
        """Add up every row now (a screenshot cannot wait for the background pricing)."""
        while self.state.price_some(500):
            pass
        self._price_some()

    def _price_some(self) -> None:
        if not self.state.price_some(self.PRICE_STEP):
            self._pricer.stop()
            self.sheet_model.refresh()

    def complete(self) -> None:
        """Work out what ``paint_first`` put off: pay totals and warnings of the rows in view
        (as they are painted again), then the Short row. A no-op once done."""
        self._paint_first = False
        st = self.state
        if not st.pay_ready:
            st.pay_ready = True
            every_row = set(range(st.row_count))
            self.grid_model.rows_changed(every_row)  # warning corners
            self.totals_model.rows_changed(every_row)
            self._pricer.start()  # the totals row adds every row up in the background
        if st.staffing is None:
            self.day_model.cols_changed(st.add_staffing(load_staffing(self.ws, st.days[0], st.days[-1])))

    def changed_elsewhere(self) -> bool:
        """Whether another workstation changed the database since the shown state was read (one
        tiny query). This window's own writes do not count, wherever they were made (the grid, a
        settings dialog, an import, the payroll screen): whoever made them shows them - the grid
        applies its edits, the window reloads after a dialog or an import."""
        now, elsewhere = self.ws.moved_elsewhere(self.stamp)
        if not elsewhere:
            self.stamp = now
        return elsewhere

    def _own_write(self, action: Callable[[], T]) -> T:
        """Run one committing write of this window. The workspace knows its own commits, so
        ``changed_elsewhere`` does not take it for another workstation's."""
        return action()

    def show(self, kind: ViewKind | None = None, anchor: date | None = None) -> None:
        if kind is not None:
            self.kind = kind
        if anchor is not None:
            self.anchor = anchor
        self.reload()

    def go(self, direction: int) -> None:
        self.show(anchor=step(self.kind, self.anchor, self.state.site, direction))

    def switch_workspace(self, ws: Workspace) -> None:
        old = self.ws
        self.ws = ws
        self.undo_stack.clear()
        try:
            self.reload()
        except BaseException:
            self.ws = old
            raise
        if old is not ws:
            old.close()

    # -- editing -------------------------------------------------------------------------------
    def check_entry(self, text: str) -> str | None:
        """The parser's message for a bad entry, or None when it is fine."""
        try:
            parse_entry(text, self.state.data.codes)
        except EntryError as exc:
            return str(exc)
        return None

    def run(
        self,
        label: Callable[[int], str],
        action: Callable[[], list[CellChange]],
        refused: RefusedEdit | None = None,
    ) -> bool:
        """Run a service action; on success apply its changes and push one undo step.
        ``refused``: what to offer again if another workstation changed a cell first."""
        try:
            changes = self._own_write(action)
        except StaleEditError as exc:
            reason = f"Nothing was changed: {exc}. The grid now shows the current schedule."
            if refused is None:
                # Reload once the editor that triggered this has finished committing (a model
                # reset inside setModelData would pull the row from under it).
                QTimer.singleShot(0, self.reload)
                self.error.emit(reason)
            else:
                QTimer.singleShot(0, lambda: self._reload_after_refusal(replace(refused, reason=reason)))
            return False
        except DeskwfmError as exc:
            self.error.emit(str(exc))
            return False
        if not changes:
            self.message.emit("Nothing changed")
            return True
        self._apply(changes)
        text = label(len(changes))
        self.undo_stack.push(ScheduleCommand(self, text, changes))
        self.message.emit(text)
        return True

    def edit_cells(self, edits: list[CellEdit], verb: str) -> bool:
        """One undo step that sets every cell in ``edits`` (all or nothing). Each cell must still
        hold what the grid shows, so an edit never overwrites another workstation's change."""
        if not edits:
            return True
        cells_of = self.state.cells
        edits = [
            replace(e, check=True, expected=cells_of.get(e.employee_code, {}).get(e.work_date))
            for e in edits
        ]
        how = _HOW_OF_VERB.get(verb.split()[0], How.GRID_EDIT)
        refused = RefusedEdit(tuple(edits), verb, "")
        if len(edits) == 1 and verb == "Edit":
            e = edits[0]
            return self.run(
                lambda n: f"Edit {e.employee_code} {e.work_date:%a %d %b}",
                lambda: schedule.apply_edits(self.ws, edits, how),
                refused,
            )
        return self.run(
            lambda n: f"{verb} {cells(n)}", lambda: schedule.apply_edits(self.ws, edits, how), refused
        )

    def _reload_after_refusal(self, refused: RefusedEdit) -> None:
        self.reload()
        self.stale_refused.emit(refused)

    def reapply(self, refused: RefusedEdit) -> bool:
        """Apply a refused edit again, over what the grid now shows (checked like any edit)."""
        return self.edit_cells(list(refused.edits), refused.verb)

    def set_cell(self, row: int, col: int, text: str) -> None:
        st = self.state
        self.edit_cells([CellEdit(st.employees[row].code, st.days[col], text)], "Edit")

    def replay(self, changes: list[CellChange], *, redo: bool) -> None:
        try:
            done = self._own_write(lambda: schedule.revert(self.ws, changes, redo=redo))
        except DeskwfmError as exc:
            # QUndoStack has already moved its index and a command cannot veto that; the steps
            # left would replay over cells someone else changed, so the history is dropped.
            QTimer.singleShot(0, self.undo_stack.clear)
            self.reload()
            self.error.emit(
                f"Could not {'redo' if redo else 'undo'}: {exc}. The undo history was cleared and the "
                "grid shows the current schedule."
            )
            return
        self._apply(done)

    def set_note(self, row: int, col: int, note: str) -> bool:
        """Write the note of a cell as one undo step (refused if the cell changed elsewhere)."""
        st = self.state
        code, day = st.employees[row].code, st.days[col]
        current = st.cells[code].get(day)
        if current is not None and current.note == note.strip():
            return True
        label = tr("Remove the note of {cell}") if not note.strip() else tr("Note on {cell}")
        cell = f"{code} {format_day(day)}"
        return self.run(
            lambda n: label.format(cell=cell),
            lambda: schedule.set_note(self.ws, code, day, note, current),
        )

    def _apply(self, changes: list[CellChange]) -> None:
        rows, cols = self.state.apply(changes)
        if rows:
            self.grid_model.rows_changed(rows)
            self.totals_model.rows_changed(rows)
            self.sheet_model.refresh()
            self._pricer.start()
        self.day_model.cols_changed(cols)
        self.changed.emit()
