"""Another workstation's edits appear without navigating, and a refused edit keeps its text
(issue 11, item 13). The second workstation is a second Workspace on the same file writing
through the services, as the CLI or another window would."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPushButton

from deskwfm.core.model import Employee
from tests.gui.conftest import MON, WEEK_OF
from tests.gui.grid_helpers import editor, go_to, index, select, shown, status, stored, type_entry

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")
TUE = MON + timedelta(days=1)
WED = MON + timedelta(days=2)
FAST_MS = 150  # the window polls every 2 s; the tests poll faster to run quickly


def other_sets(centre: Path, code: str, day: date, text: str) -> None:
    """Another workstation types ``text`` into a cell."""
    from deskwfm.services.schedule import CellEdit, apply_edits
    from deskwfm.services.workspace import Workspace

    with Workspace.open(centre) as other:
        apply_edits(other, [CellEdit(code, day, text)])


def _fast(win) -> None:  # type: ignore[no-untyped-def]
    win.watcher.timer.setInterval(FAST_MS)


def test_another_workstations_edit_appears_by_itself(qtbot, window, centre: Path) -> None:
    _fast(window)
    assert shown(window, "AG003", TUE) == ""
    other_sets(centre, "AG003", TUE, "N")
    qtbot.waitUntil(lambda: shown(window, "AG003", TUE) == "N", timeout=5000)
    assert "another workstation" in status(window)


@pytest.fixture
def crowded(centre: Path) -> Path:
    """Enough agents that the grid scrolls: 60 more in team Red (after Blue and Green)."""
    from deskwfm.services.employees import add_employee
    from deskwfm.services.workspace import Workspace

    with Workspace.open(centre) as ws:
        for i in range(60):
            add_employee(ws, Employee(f"RD{i:03d}", f"Red {i}", "Red"), Decimal("20"), date(2020, 1, 1))
    return centre


def test_refresh_keeps_cursor_selection_and_scroll_even_when_rows_move(qtbot, crowded: Path) -> None:
    from deskwfm.gui.main_window import MainWindow
    from deskwfm.gui.view_range import ViewKind
    from deskwfm.services.employees import add_employee
    from deskwfm.services.workspace import Workspace

    ws = Workspace.open(crowded)
    win = MainWindow(ws, ViewKind.WEEK, WEEK_OF)
    qtbot.addWidget(win)
    win.resize(1200, 600)
    win.show()
    qtbot.waitExposed(win)
    _fast(win)
    try:
        table = win.grid.table
        select(win, ("RD020", MON), ("RD022", WED))
        table.scrollTo(win.session.grid_model.index(win.session.state.row_of["RD040"], 0))
        scroll = table.verticalScrollBar().value()
        assert scroll > 0
        cur = table.currentIndex()
        current = (win.session.state.employees[cur.row()].code, cur.column())

        # Elsewhere: someone adds an agent to team "Amber", which sorts first (every row moves
        # down by one), and types a shift into a selected cell.
        with Workspace.open(crowded) as other:
            add_employee(other, Employee("AM001", "Amber One", "Amber"), Decimal("20"), date(2020, 1, 1))
        other_sets(crowded, "RD021", TUE, "D")
        qtbot.waitUntil(lambda: shown(win, "RD021", TUE) == "D", timeout=5000)

        st = win.session.state
        assert st.employees[0].code == "AM001"
        cur = table.currentIndex()
        assert (st.employees[cur.row()].code, cur.column()) == current
        chosen = table.selectionModel().selectedIndexes()
        picked = {(st.employees[i.row()].code, st.days[i.column()]) for i in chosen}
        assert picked == {(f"RD0{r}", MON + timedelta(days=c)) for r in (20, 21, 22) for c in range(3)}
        assert table.verticalScrollBar().value() == scroll
    finally:
        win.close()
        ws.close()


def test_no_reload_while_typing_in_a_cell(qtbot, window, centre: Path) -> None:
    _fast(window)
    go_to(window, "AG004", MON)
    qtbot.keyClick(window.grid.table, "1")  # the editor is open with "1"
    ed = editor(window)
    assert ed is not None
    loads: list[int] = []
    window.session.loaded.connect(lambda: loads.append(1))
    other_sets(centre, "AG005", WED, "E")
    qtbot.wait(FAST_MS * 5)
    assert loads == [] and editor(window) is ed and ed.text() == "1"  # still typing, undisturbed
    assert shown(window, "AG005", WED) == ""
    qtbot.keyClicks(ed, "0-18")
    qtbot.keyClick(ed, Qt.Key.Key_Return)  # commits; the deferred reload follows
    qtbot.waitUntil(lambda: shown(window, "AG005", WED) == "E", timeout=5000)
    assert shown(window, "AG004", MON) == "10–18"
    assert stored(centre, "AG004", MON) is not None


def test_the_windows_own_edits_do_not_reload_it(qtbot, window) -> None:
    _fast(window)
    loads: list[int] = []
    window.session.loaded.connect(lambda: loads.append(1))
    go_to(window, "AG003", MON)
    type_entry(qtbot, window, "9-17")
    type_entry(qtbot, window, "N")
    window.actions_.undo.trigger()
    qtbot.wait(FAST_MS * 5)
    assert loads == []
    assert window.session.undo_stack.count() == 2 and window.session.undo_stack.index() == 1


def _stale_box(window) -> QMessageBox:  # type: ignore[no-untyped-def]
    box = window.findChild(QMessageBox, "staleEditBox")
    assert box is not None and box.isVisible()
    return box


def _type_over_a_cell_changed_meanwhile(qtbot, window, centre: Path, text: str) -> None:  # type: ignore[no-untyped-def]
    """Start typing in AG003 Mon; another workstation puts N there before Enter is pressed."""
    _fast(window)
    go_to(window, "AG003", MON)
    qtbot.keyClick(window.grid.table, text[0])
    ed = editor(window)
    assert ed is not None
    other_sets(centre, "AG003", MON, "N")
    qtbot.wait(FAST_MS * 3)  # the poll must not reload under the open editor
    qtbot.keyClicks(ed, text[1:])
    qtbot.keyClick(ed, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "staleEditBox") is not None, timeout=5000)


def test_a_refused_edit_can_be_reapplied(qtbot, window, centre: Path) -> None:
    _type_over_a_cell_changed_meanwhile(qtbot, window, centre, "9-17")
    box = _stale_box(window)
    assert stored(centre, "AG003", MON).code == "N"  # nothing was overwritten
    assert shown(window, "AG003", MON) == "N"  # the grid shows what the other workstation did
    assert "changed elsewhere" in box.text() and "Nothing was changed" in status(window)
    again = box.findChild(QPushButton, "reapplyButton")
    assert again.text() == "Re-apply 9-17 to AG003 Mon 23 Nov"
    qtbot.mouseClick(again, Qt.MouseButton.LeftButton)
    kept = stored(centre, "AG003", MON)
    assert kept is not None and not kept.code and kept.start is not None and kept.start.hour == 9
    assert shown(window, "AG003", MON) == "9–17"
    assert window.session.undo_stack.count() == 1  # the re-applied edit can be undone


def test_a_refused_edit_can_be_edited_again(qtbot, window, centre: Path) -> None:
    _type_over_a_cell_changed_meanwhile(qtbot, window, centre, "22-6")
    box = _stale_box(window)
    qtbot.mouseClick(box.findChild(QPushButton, "editAgainButton"), Qt.MouseButton.LeftButton)
    table = window.grid.table
    qtbot.waitUntil(lambda: table.indexWidget(table.currentIndex()) is not None)
    ed = table.indexWidget(table.currentIndex())
    assert isinstance(ed, QLineEdit) and ed.text() == "22-6"
    assert shown(window, "AG003", MON) == "N" and table.currentIndex() == index(window, "AG003", MON)
    qtbot.keyClicks(ed, "/30")
    qtbot.keyClick(ed, Qt.Key.Key_Return)
    kept = stored(centre, "AG003", MON)
    assert kept is not None and kept.break_minutes == 30 and kept.start is not None and kept.start.hour == 22


def test_a_refused_edit_can_be_discarded(qtbot, window, centre: Path) -> None:
    _type_over_a_cell_changed_meanwhile(qtbot, window, centre, "E")
    box = _stale_box(window)
    qtbot.mouseClick(box.findChild(QPushButton, "discardButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "staleEditBox") is None)
    assert stored(centre, "AG003", MON).code == "N"



def test_a_refused_paste_can_be_reapplied(qtbot, window, centre: Path) -> None:
    from PySide6.QtWidgets import QApplication

    window.watcher.timer.stop()  # the paste lands before the window would have noticed
    select(window, ("AG004", MON), ("AG004", TUE))
    QApplication.clipboard().setText("E\tE\n")
    other_sets(centre, "AG004", TUE, "N")
    window.actions_.paste.trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "staleEditBox") is not None, timeout=5000)
    assert stored(centre, "AG004", MON) is None  # all or nothing: Monday was not written either
    box = _stale_box(window)
    again = box.findChild(QPushButton, "reapplyButton")
    assert again.text() == "Re-apply your change to 2 cells"
    assert box.findChild(QPushButton, "editAgainButton") is None  # that is for one typed cell
    qtbot.mouseClick(again, Qt.MouseButton.LeftButton)
    assert stored(centre, "AG004", MON).code == "E" and stored(centre, "AG004", TUE).code == "E"
    assert shown(window, "AG004", TUE) == "E"
