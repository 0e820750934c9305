"""What the Edit and Schedule menu actions do to the grid's selection.

Each function turns the selection into CellEdits and hands them to the session as one undo step;
the services validate them all (one bad cell: nothing changes, the message names the cell).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import QApplication, QTableView

from deskwfm.core.errors import DeskwfmError
from deskwfm.core.i18n import format_day, format_short_date, render, tr, tr_n
from deskwfm.core.messages import Msg, msg, msg_n
from deskwfm.core.periods import week_start_of
from deskwfm.gui.clipboard import parse_tsv, to_tsv
from deskwfm.gui.commands import GridAction, cells
from deskwfm.gui.copy_week_dialog import CopyChoice
from deskwfm.gui.session import ScheduleSession
from deskwfm.services.schedule import CellEdit
from deskwfm.services.schedule_tools import WeekCopyPlan, block_edits, copy_week, fill_block, plan_week_copy

Rect = tuple[int, int, int, int]  # top, left, bottom, right (inclusive)


def selected_rects(view: QTableView) -> list[Rect]:
    sel = view.selectionModel()
    if sel is None:
        return []
    sel_ranges = sel.selection()
    return [
        (r.top(), r.left(), r.bottom(), r.right())
        for r in (sel_ranges.at(i) for i in range(sel_ranges.size()))
    ]


def cells_of(rects: list[Rect]) -> list[tuple[int, int]]:
    """Every (row, column) in the rectangles, once each, row by row."""
    if len(rects) == 1:
        top, left, bottom, right = rects[0]
        return [(r, c) for r in range(top, bottom + 1) for c in range(left, right + 1)]
    seen: set[tuple[int, int]] = set()
    out: list[tuple[int, int]] = []
    for top, left, bottom, right in rects:
        for r in range(top, bottom + 1):
            for c in range(left, right + 1):
                if (r, c) not in seen:
                    seen.add((r, c))
                    out.append((r, c))
    return out


def selected_cells(view: QTableView) -> list[tuple[int, int]]:
    return cells_of(selected_rects(view))


def selection_rect(view: QTableView) -> Rect | None:
    rects = selected_rects(view)
    if not rects:
        cur = view.currentIndex()
        if not cur.isValid():
            return None
        return cur.row(), cur.column(), cur.row(), cur.column()
    return (
        min(r[0] for r in rects),
        min(r[1] for r in rects),
        max(r[2] for r in rects),
        max(r[3] for r in rects),
    )


def _text(session: ScheduleSession, r: int, c: int) -> str:
    return session.entry_text(r, c)


def _cell_name(session: ScheduleSession, r: int, c: int) -> str:
    st = session.state
    return f"{st.employees[r].code} {format_day(st.days[c])}"


def select_rect(view: QTableView, rect: Rect) -> None:
    model = view.model()
    top, left, bottom, right = rect
    sel = QItemSelection(model.index(top, left), model.index(bottom, right))
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
    view.selectionModel().setCurrentIndex(model.index(top, left), QItemSelectionModel.SelectionFlag.NoUpdate)
    view.selectionModel().select(sel, flags)


def clear(session: ScheduleSession, view: QTableView) -> bool:
    st = session.state
    edits = [
        CellEdit(st.employees[r].code, st.days[c], "")
        for r, c in selected_cells(view)
        if session.has_entry(r, c)
    ]
    if not edits:
        return True
    return session.edit_cells(edits, GridAction.CLEAR)


def copy(session: ScheduleSession, view: QTableView) -> str:
    rect = selection_rect(view)
    if rect is None:
        return ""
    top, left, bottom, right = rect
    text = to_tsv([[_text(session, r, c) for c in range(left, right + 1)] for r in range(top, bottom + 1)])
    QApplication.clipboard().setText(text)
    n = (bottom - top + 1) * (right - left + 1)
    session.message.emit(render(msg("Copied {cells}", cells=cells(n))))
    return text


def paste(session: ScheduleSession, view: QTableView, text: str | None = None) -> bool:
    if text is None:
        text = QApplication.clipboard().text()
    block = parse_tsv(text)
    if not block or not block[0]:
        session.error.emit(tr("The clipboard holds no cells to paste"))
        return False
    rect = selection_rect(view)
    if rect is None:
        session.error.emit(tr("Select the cell to paste into first"))
        return False
    st = session.state
    top, left, bottom, right = rect
    bh, bw = len(block), len(block[0])
    sh, sw = bottom - top + 1, right - left + 1
    if sh % bh == 0 and sw % bw == 0 and (sh, sw) != (bh, bw):
        # a cell or block pasted into a bigger selection tiles it, as in a spreadsheet
        block = [[block[r % bh][c % bw] for c in range(sw)] for r in range(sh)]
        bh, bw = sh, sw
    if top + bh > st.row_count or left + bw > st.col_count:
        room_r, room_c = st.row_count - top, st.col_count - left
        session.error.emit(render(msg(
            "The copied block is {rows} × {days} but from {cell} the grid shows only {room_rows} × "
            "{room_days}; nothing was pasted",
            rows=_rows(bh), days=_days(bw), cell=_cell_name(session, top, left), room_rows=_rows(room_r),
            room_days=_days(room_c),
        )))
        return False
    codes = [e.code for e in st.employees[top : top + bh]]
    dates = st.days[left : left + bw]
    edits = block_edits(codes, dates, [[c.strip() for c in row] for row in block])
    ok = session.edit_cells(edits, GridAction.PASTE)
    if ok:
        select_rect(view, (top, left, top + bh - 1, left + bw - 1))
    return ok


def fill(session: ScheduleSession, view: QTableView, *, down: bool) -> bool:
    rect = selection_rect(view)
    if rect is None:
        return False
    top, left, bottom, right = rect
    st = session.state
    if down:
        src_row = top - 1 if bottom == top else top
        first = top if bottom == top else top + 1
        if src_row < 0 or first > bottom:
            return True
        source = [_text(session, src_row, c) for c in range(left, right + 1)]
        block = fill_block(source, bottom - first + 1, right - left + 1, down=True)
        codes = [e.code for e in st.employees[first : bottom + 1]]
        dates = st.days[left : right + 1]
        action = GridAction.FILL_DOWN
    else:
        src_col = left - 1 if right == left else left
        first = left if right == left else left + 1
        if src_col < 0 or first > right:
            return True
        source = [_text(session, r, src_col) for r in range(top, bottom + 1)]
        block = fill_block(source, bottom - top + 1, right - first + 1, down=False)
        codes = [e.code for e in st.employees[top : bottom + 1]]
        dates = st.days[first : right + 1]
        action = GridAction.FILL_RIGHT
    return session.edit_cells(block_edits(codes, dates, block), action)


def apply_code(session: ScheduleSession, view: QTableView, code: str) -> bool:
    """The palette's code on the selection. In the Actual and Variance views it is an absence
    code added to what each day records (``LATE`` on ``9:40-17:00`` gives ``LATE 9:40-17:00``),
    and "clear" clears the day."""
    st = session.state
    chosen = selected_cells(view)
    if not chosen:
        cur = view.currentIndex()
        if not cur.isValid():
            return False
        chosen = [(cur.row(), cur.column())]
    edits = [CellEdit(st.employees[r].code, st.days[c], _coded(session, r, c, code)) for r, c in chosen]
    return session.edit_cells(edits, GridAction.APPLY, code)


def _coded(session: ScheduleSession, r: int, c: int, code: str) -> str:
    layer = session.state.actual
    if not code or not session.mode.records_actual or layer is None:
        return code
    from deskwfm.core.actual_entry import format_actual

    day = layer.recorded(r, c)
    if day is None:
        return code
    return format_actual(day.segments, day.break_minutes, code)


def confirm(session: ScheduleSession, view: QTableView) -> bool:
    """Record the selected days as worked as scheduled (those with nothing recorded yet)."""
    chosen = selected_cells(view)
    if not chosen:
        cur = view.currentIndex()
        if not cur.isValid():
            return False
        chosen = [(cur.row(), cur.column())]
    return session.confirm(chosen)


def copy_week_forward(
    session: ScheduleSession, view: QTableView, ask: Callable[[WeekCopyPlan, str], CopyChoice | None]
) -> bool:
    """Copy the current cell's week onto the next one for the rows shown, after ``ask`` (the
    dialog) has seen what the copy would meet and chosen how; one transaction, one undo step."""
    st = session.state
    cur = view.currentIndex()
    day = st.days[cur.column()] if cur.isValid() else st.days[0]
    start = week_start_of(day, st.site.week_start)
    nxt = start + timedelta(days=7)
    codes = [e.code for e in st.employees]
    if not codes:
        return False
    try:
        plan = plan_week_copy(session.ws, start, codes)
    except DeskwfmError as exc:
        session.error.emit(str(exc))
        return False
    n = len(codes)
    who = tr_n("the {n} person shown", "the {n} people shown", n).format(n=n)
    if st.team is not None:
        who += " " + tr("(team {team})").format(team=st.team or "—")
    choice = ask(plan, who)
    if choice is None:
        return False
    label = tr("Copy week of {src} to {dst} ({cells})")
    return session.run(
        lambda k: label.format(src=format_short_date(start), dst=format_short_date(nxt), cells=cells(k)),
        lambda: copy_week(session.ws, start, codes, mode=choice.mode, include_leave=choice.include_leave),
    )


def _rows(count: int) -> Msg:
    return msg_n("{count} row", "{count} rows", count)


def _days(count: int) -> Msg:
    return msg_n("{count} day", "{count} days", count)
