"""The open schedule: a workspace, the shown range, its GridState, the models and the undo stack.

Widgets call these methods; this object calls the services and tells the models exactly which
rows and day columns changed. It holds no SQL, rules or parsing of its own.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from deskwfm.core.actual import ActualDay
from deskwfm.core.changes import Applied, How
from deskwfm.core.entry import parse_entry
from deskwfm.core.errors import DeskwfmError, EntryError, StaleEditError
from deskwfm.core.i18n import format_day, render, tr
from deskwfm.core.messages import msg, msg_n
from deskwfm.gui.commands import ActualCommand, GridAction, ScheduleCommand
from deskwfm.gui.grid_mode import GridMode
from deskwfm.gui.grid_model import GridModel
from deskwfm.gui.grid_state import GridState, TotalsBasis
from deskwfm.gui.totals_models import DayTotalsModel, RowTotalsModel, SheetTotalsModel
from deskwfm.gui.view_range import ViewKind, range_for, step
from deskwfm.services import schedule
from deskwfm.services.forecast import load_staffing
from deskwfm.services.schedule import CellChange, CellEdit
from deskwfm.services.workspace import Workspace

if TYPE_CHECKING:
    from deskwfm.gui.actual_pay import ActualPricer
    from deskwfm.gui.actual_state import ActualLayer

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class RefusedEdit:
    """An edit refused because another workstation changed one of its cells first: what the
    user typed or pasted, kept so it can be applied again over the reloaded grid."""

    edits: tuple[CellEdit, ...]
    verb: GridAction  # EDIT for one typed cell, else PASTE, FILL_DOWN, CLEAR...
    reason: str  # the refusal, ready to show
    code: str = ""  # the shift code an APPLY applied
    actual: bool = False  # an edit of actual time (the Actual or Variance view), not of the plan


def _day(recorded: dict[str, dict[date, ActualDay]], code: str, day: date) -> ActualDay | None:
    return recorded.get(code, {}).get(day)


@dataclass(slots=True)
class _PayRead:
    """A read on a worker for the totals of actual time, and what it gave."""

    state: GridState
    thread: threading.Thread = field(default_factory=threading.Thread)
    pricer: ActualPricer | None = None
    error: BaseException | None = None


class ScheduleSession(QObject):
    loaded = Signal()  # a new range or a reload: views reset
    changed = Signal()  # cells changed (edit, undo, redo)
    message = Signal(str)  # something done
    error = Signal(str)  # something refused; nothing changed
    stale_refused = Signal(object)  # a RefusedEdit, emitted after the grid reloaded
    mode_changed = Signal(object)  # a GridMode: the grid now shows the plan, actual time or variance

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
        self.mode = GridMode.SCHEDULE
        self._want_actual = False  # something besides the grid shows actual time (exceptions panel)
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
        # Reads on a worker for the totals of actual time: (state, thread, its result or error).
        self._reading: list[_PayRead] = []
        self._read_timer = QTimer(self)
        self._read_timer.setInterval(15)
        self._read_timer.timeout.connect(self._check_reads)
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
        if self.mode.records_actual or self._want_actual:
            self._attach_actual(state)
        if self.mode.records_actual:
            self._show_totals(state)
        gc.freeze()
        return state

    # -- actual time -----------------------------------------------------------------------------
    def _attach_actual(self, state: GridState) -> None:
        """Read what was recorded in the state's cells (the Actual and Variance views)."""
        from deskwfm.gui.actual_state import ActualLayer
        from deskwfm.services.actual import recorded_between

        codes = [e.code for e in state.employees] if state.team is not None else None
        rec = recorded_between(self.ws, state.days[0], state.days[-1], codes)
        state.actual = ActualLayer(state, rec.days, rec.codes)

    def _show_totals(self, state: GridState) -> None:
        """Point the totals beside the grid at what the view shows (``gui.actual_pay``): the
        plan's in the Schedule view, else what the site's payroll pays. Pricing actual time needs
        the weeks around the range, read on a worker (``_read_pay_inputs``); until they are in,
        the rows show no totals."""
        from deskwfm.gui.actual_pay import recorded_pricer, totals_basis

        basis = totals_basis(state, self.mode.records_actual)
        layer = state.actual
        if basis is TotalsBasis.SCHEDULE or state.has_totals(basis) or layer is None:
            state.show_totals(basis if layer is not None else TotalsBasis.SCHEDULE)
        elif basis is TotalsBasis.RECORDED:
            state.show_totals(basis, lambda: recorded_pricer(layer))
        else:
            state.show_totals(basis)  # not ready yet
            self._read_pay_inputs(state, layer)

    def _read_pay_inputs(self, state: GridState, layer: ActualLayer) -> None:
        """Read what pricing actual time needs beyond what the grid holds, off the event loop (a
        pay period's weeks before and after, a few hundred milliseconds at 500 agents)."""
        from deskwfm.gui.actual_pay import ActualPricer
        from deskwfm.services.actual_pay import actual_pay_inputs

        data, ws = state.data, self.ws
        codes = [e.code for e in state.employees] if state.team is not None else None
        read = _PayRead(state)

        def work() -> None:
            try:
                inputs = actual_pay_inputs(
                    ws, state.site, data.start, data.end, codes,
                    held_shifts=(data.load_from, data.load_to), held_actual=(state.days[0], state.days[-1]),
                )
                read.pricer = ActualPricer(layer, inputs)
            except BaseException as exc:  # handed to the GUI thread, never lost
                read.error = exc

        read.thread = threading.Thread(target=work, name="deskwfm: actual pay inputs", daemon=True)
        self._reading.append(read)
        # Started once the view is painted: the worker's Python holds the GIL half the time.
        QTimer.singleShot(0, self, read.thread.start)
        self._read_timer.start()

    def _check_reads(self) -> None:
        """Install the actual-time pricers whose inputs are read; show the totals they price."""
        done = [r for r in self._reading if r.thread.ident is not None and not r.thread.is_alive()]
        self._reading = [r for r in self._reading if r not in done]
        if not self._reading:
            self._read_timer.stop()
        for read in done:
            state = read.state
            if state is not self.state:
                continue  # a range or team since left
            if read.pricer is not None:
                state.set_pricer(TotalsBasis.ACTUAL, read.pricer)
            else:
                state.drop_totals(TotalsBasis.ACTUAL)
            if state.basis is TotalsBasis.ACTUAL or read.pricer is None:
                self.totals_model.all_changed()
                self.sheet_model.refresh()
                self._pricer.start()
            if read.error is not None:
                if not isinstance(read.error, DeskwfmError):
                    raise read.error  # the excepthook logs it and shows its dialog
                self.error.emit(str(read.error))

    def ensure_actual(self) -> bool:
        """Load the shown cells' actual time unless it is loaded; False (and an error) if it cannot be."""
        if self.state.actual is None:
            try:
                self._attach_actual(self.state)
            except DeskwfmError as exc:
                self.error.emit(str(exc))
                return False
        return True

    def want_actual(self, on: bool) -> None:
        """Keep actual time loaded whatever the view (the exceptions panel is open)."""
        self._want_actual = on
        if on:
            self.ensure_actual()

    def set_mode(self, mode: GridMode) -> None:
        """Show the plan, what was recorded, or the difference; typing then edits that."""
        if mode is self.mode:
            return
        if mode.records_actual and not self.ensure_actual():
            return
        self.mode = mode
        self.grid_model.set_mode(mode)
        basis = self.state.basis
        self._show_totals(self.state)
        if self.state.basis is not basis:
            self.totals_model.all_changed()
            self.sheet_model.refresh()
            self._pricer.start()
        self.mode_changed.emit(mode)

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

    def check_cell(self, row: int, col: int, text: str) -> str | None:
        """``check_entry`` for the cell being typed into; in the Actual and Variance views the
        actual-time parser's message, naming the cell."""
        layer = self.state.actual
        if not self.mode.records_actual or layer is None:
            return self.check_entry(text)
        from deskwfm.core.actual_entry import parse_actual
        from deskwfm.core.timecalc import clock_for
        from deskwfm.services.actual import cell_name

        st = self.state
        try:
            parse_actual(text, layer.codes, clock_for(st.site.tz), st.days[col])
        except EntryError as exc:
            where = cell_name(st.employees[row].code, st.days[col])
            return render(msg("{where}: {problem}", where=where, problem=exc.msg))
        return None

    def entry_text(self, row: int, col: int) -> str:
        """What a cell holds as it can be typed back (copy, fill and the editor use it)."""
        layer = self.state.actual
        if self.mode.records_actual and layer is not None:
            cell = layer.cell(row, col)
            return cell.text if cell is not None else ""
        from deskwfm.gui.grid_model import entry_text

        s = self.state.shift_at(row, col)
        return "" if s is None else entry_text(s)

    def has_entry(self, row: int, col: int) -> bool:
        """Whether the view's cell holds something to clear."""
        layer = self.state.actual
        if self.mode.records_actual and layer is not None:
            day = layer.recorded(row, col)
            return day is not None and not day.empty
        return self.state.shift_at(row, col) is not None

    def run(
        self,
        label: Callable[[int], str],
        action: Callable[[], list[CellChange]],
        refused: RefusedEdit | None = None,
    ) -> bool:
        """Run a service action; on success apply its changes and push one undo step.
        ``refused``: what to offer again if another workstation changed a cell first."""
        return self._run(label, action, refused, self._apply, ScheduleCommand)

    def _run(
        self,
        label: Callable[[int], str],
        action: Callable[[], list[T]],
        refused: RefusedEdit | None,
        apply: Callable[[list[T]], None],
        command: Callable[[ScheduleSession, str, list[T]], QUndoCommand],
    ) -> bool:
        try:
            changes = self._own_write(action)
        except StaleEditError as exc:
            reason = render(msg("Nothing was changed: {reason}. The grid now shows the current schedule.",
                                reason=exc.msg))
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
            self.message.emit(tr("Nothing changed"))
            return True
        apply(changes)
        text = label(len(changes))
        self.undo_stack.push(command(self, text, changes))
        self.message.emit(text)
        return True

    def edit_cells(self, edits: list[CellEdit], verb: GridAction, code: str = "") -> bool:
        """One undo step that sets every cell in ``edits`` (all or nothing). Each cell must still
        hold what the grid shows, so an edit never overwrites another workstation's change."""
        if not edits:
            return True
        if self.mode.records_actual:
            return self._edit_actual(edits, verb, code)
        cells_of = self.state.cells
        edits = [
            replace(e, check=True, expected=cells_of.get(e.employee_code, {}).get(e.work_date))
            for e in edits
        ]
        how = verb.how
        refused = RefusedEdit(tuple(edits), verb, "", code)
        if len(edits) == 1 and verb is GridAction.EDIT:
            e = edits[0]
            return self.run(
                lambda n: render(msg("Edit {code} {day:short}", code=e.employee_code, day=e.work_date)),
                lambda: schedule.apply_edits(self.ws, edits, how),
                refused,
            )
        return self.run(
            lambda n: verb.text(n, code), lambda: schedule.apply_edits(self.ws, edits, how), refused
        )

    def _reload_after_refusal(self, refused: RefusedEdit) -> None:
        self.reload()
        self.stale_refused.emit(refused)

    def reapply(self, refused: RefusedEdit) -> bool:
        """Apply a refused edit again, over what the grid now shows (checked like any edit)."""
        if refused.actual:
            return self._edit_actual(list(refused.edits), refused.verb, refused.code)
        return self.edit_cells(list(refused.edits), refused.verb, refused.code)

    def _edit_actual(self, edits: list[CellEdit], verb: GridAction, code: str = "") -> bool:
        """``edit_cells`` in the Actual and Variance views: the texts are actual-time entries, each
        day expected to hold what the grid shows (``services.actual.edit_actual``)."""
        from deskwfm.services.actual import ActualEdit, edit_actual

        if not self.ensure_actual():
            return False
        layer = self.state.actual
        assert layer is not None
        recorded = layer.days
        writes = [
            ActualEdit(e.employee_code, e.work_date, e.text, _day(recorded, e.employee_code, e.work_date))
            for e in edits
        ]
        how = verb.how
        refused = RefusedEdit(tuple(edits), verb, "", code, actual=True)
        if len(edits) == 1 and verb is GridAction.EDIT:
            e = edits[0]
            text = render(msg("Edit actual time of {code} {day:day}", code=e.employee_code, day=e.work_date))
        else:
            text = verb.actual_text(len(edits), code)
        return self._run(
            lambda _n: text, lambda: edit_actual(self.ws, writes, how), refused, self._apply_actual,
            ActualCommand,
        )

    def record_day(self, row: int, col: int, text: str, note: str, label: str) -> bool:
        """Write one cell's actual time and note together (the exceptions panel's Resolve, the
        Note of a day in the Actual view): one undo step named ``label``, refused if the day
        changed on another workstation since the grid read it."""
        from deskwfm.services.actual import ActualEdit, edit_actual

        if not self.ensure_actual():
            return False
        layer = self.state.actual
        assert layer is not None
        code, day = self.state.employees[row].code, self.state.days[col]
        write = ActualEdit(code, day, text, layer.recorded(row, col), note=note)
        return self._run(
            lambda _n: label, lambda: edit_actual(self.ws, [write], How.GRID_EDIT), None,
            self._apply_actual, ActualCommand,
        )

    def confirm(self, cells: list[tuple[int, int]]) -> bool:
        """Record the chosen days with a scheduled shift and nothing recorded as worked as
        scheduled: one undo step. Days of a locked pay period are left out."""
        from deskwfm.services.actual import confirm_as_scheduled

        st = self.state
        keys = [(st.employees[r].code, st.days[c]) for r, c in cells if st.days[c] not in st.data.locked]
        locked = len(cells) - len(keys)
        try:
            result = self._own_write(lambda: confirm_as_scheduled(self.ws, keys, How.CONFIRM))
        except StaleEditError as exc:
            QTimer.singleShot(0, self.reload)
            self.error.emit(render(msg("Nothing was confirmed: {why}. The grid now shows the current time "
                                       "recorded.", why=exc.msg)))
            return False
        except DeskwfmError as exc:
            self.error.emit(render(msg("Nothing was confirmed: {why}", why=exc.msg)))
            return False
        done = render(msg_n("Confirmed {count} day as scheduled", "Confirmed {count} days as scheduled",
                            len(result.confirmed)))
        notes = []
        if result.kept:
            notes.append(render(msg_n("{count} already recorded, kept", "{count} already recorded, kept",
                                      len(result.kept))))
        if result.not_scheduled:
            notes.append(render(msg_n(
                "{count} without a scheduled shift", "{count} without a scheduled shift", result.not_scheduled
            )))
        if locked:
            notes.append(render(msg_n("{count} in a locked pay period", "{count} in a locked pay period",
                                      locked)))
        text = done + (f" ({'; '.join(notes)})" if notes else "")
        if result.applied:
            self._apply_actual(result.applied)
            self.undo_stack.push(ActualCommand(self, done, result.applied))
        self.message.emit(text)
        return bool(result.applied)

    def replay_actual(self, applied: list[Applied], *, redo: bool) -> None:
        """Undo or redo an action on actual time (refused if a day changed since)."""
        from deskwfm.services.actual import revert_actual

        try:
            done = self._own_write(lambda: revert_actual(self.ws, applied, redo=redo))
        except DeskwfmError as exc:
            self._replay_failed(exc, redo)
            return
        self._apply_actual(done)

    def _apply_actual(self, applied: list[Applied]) -> None:
        layer = self.state.actual
        if layer is not None:
            rows = layer.apply(applied)
            if rows:
                self.grid_model.rows_changed(rows)
                self.totals_model.rows_changed(rows)
                self.sheet_model.refresh()
                self._pricer.start()
        self.changed.emit()

    def set_cell(self, row: int, col: int, text: str) -> None:
        st = self.state
        self.edit_cells([CellEdit(st.employees[row].code, st.days[col], text)], GridAction.EDIT)

    def replay(self, changes: list[CellChange], *, redo: bool) -> None:
        try:
            done = self._own_write(lambda: schedule.revert(self.ws, changes, redo=redo))
        except DeskwfmError as exc:
            self._replay_failed(exc, redo)
            return
        self._apply(done)

    def _replay_failed(self, exc: DeskwfmError, redo: bool) -> None:
        # QUndoStack has already moved its index and a command cannot veto that; the steps
        # left would replay over cells someone else changed, so the history is dropped.
        QTimer.singleShot(0, self.undo_stack.clear)
        self.reload()
        said = msg("Could not redo: {reason}. The undo history was cleared and the grid shows the "
                   "current schedule.", reason=exc.msg) if redo else \
            msg("Could not undo: {reason}. The undo history was cleared and the grid shows the "
                "current schedule.", reason=exc.msg)
        self.error.emit(render(said))

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
