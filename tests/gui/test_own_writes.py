"""The window's own writes outside the grid (a settings dialog, the payroll screen) are not taken
for another workstation's: saving a shift code used to be followed, two seconds later, by
"Updated with changes made on another workstation" and a reload under the open dialog. Another
workstation's edit made meanwhile is still shown and said."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QWidget

from tests.gui.conftest import MON
from tests.gui.grid_helpers import shown, when_modal

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|grabbing|raise)")
FAST_MS = 150  # the window polls every 2 s; the tests poll faster to run quickly
OPEN_MS = FAST_MS * 6  # how long the dialog stays open after saving: several polls
ELSEWHERE = "another workstation"


def menu_action(win: QWidget, text: str) -> QAction:
    """The menu bar's action whose text is ``text`` (as the user reads it, & included)."""
    for top in win.menuBar().actions():  # type: ignore[attr-defined]
        menu = top.menu()
        for act in menu.actions() if menu is not None else ():
            if act.text() == text:
                return act
    raise AssertionError(f"no menu item {text!r}")


class Watch:
    """What the main window did while a dialog was open: status messages and reloads."""

    def __init__(self, win) -> None:  # type: ignore[no-untyped-def]
        self.said: list[str] = []
        self.loads = 0
        win.watcher.timer.setInterval(FAST_MS)
        win.statusBar().messageChanged.connect(self.said.append)
        win.session.loaded.connect(self._loaded)

    def _loaded(self) -> None:
        self.loads += 1

    def elsewhere(self) -> bool:
        return any(ELSEWHERE in m for m in self.said)


def use_dialog(qtbot, win, menu_text: str, work: Callable[[QDialog], None],  # type: ignore[no-untyped-def]
               meanwhile: Callable[[], None] | None = None) -> tuple[Watch, int]:
    """Open ``menu_text`` from the menu, do ``work`` in the dialog, leave it open for several
    polls (``meanwhile`` runs during them), then close it. Returns what the window did and how
    many times it reloaded while the dialog was open."""
    watch = Watch(win)
    during: list[int] = []

    def act(dlg: QDialog) -> None:
        work(dlg)
        if meanwhile is not None:
            meanwhile()

        def close() -> None:
            during.append(watch.loads)
            dlg.reject()  # Close / Escape

        QTimer.singleShot(OPEN_MS, close)

    seen = when_modal(qtbot, act)
    menu_action(win, menu_text).trigger()  # exec(): returns once the dialog is closed
    assert seen and during, "the dialog did not open"
    return watch, during[0]


def _add_code(qtbot, dlg: QDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dlg.new_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    qtbot.keyClicks(dlg.code_edit, "LT")  # type: ignore[attr-defined]
    qtbot.keyClicks(dlg.start_edit, "7")  # type: ignore[attr-defined]
    qtbot.keyClicks(dlg.end_edit, "15:30")  # type: ignore[attr-defined]
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert not dlg.message.is_error  # type: ignore[attr-defined]


def test_saving_a_shift_code_is_not_another_workstations_change(qtbot, window) -> None:
    watch, reloads_while_open = use_dialog(qtbot, window, "Shift &codes…", lambda d: _add_code(qtbot, d))
    assert not watch.elsewhere(), watch.said
    assert reloads_while_open == 0  # nothing reloaded under the dialog
    # the window reloads once the dialog closes: the new code is in the palette and the grid
    assert watch.loads == 1 and "LT" in window.session.state.data.codes
    qtbot.wait(FAST_MS * 4)
    assert not watch.elsewhere() and watch.loads == 1


def test_another_workstations_edit_while_the_dialog_is_open_is_still_shown(
    qtbot, window, centre: Path
) -> None:
    from tests.gui.test_refresh import other_sets

    tue = MON + timedelta(days=1)
    watch, _ = use_dialog(qtbot, window, "Shift &codes…", lambda d: _add_code(qtbot, d),
                          meanwhile=lambda: other_sets(centre, "AG003", tue, "N"))
    qtbot.waitUntil(lambda: shown(window, "AG003", tue) == "N", timeout=5000)
    assert watch.elsewhere()


def test_approving_pay_on_the_payroll_screen_is_not_another_workstations_change(qtbot, window) -> None:
    def approve(dlg: QDialog) -> None:
        dlg.wait_loaded()  # type: ignore[attr-defined]
        qtbot.mouseClick(dlg.approve_all, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
        dlg.wait_loaded()  # type: ignore[attr-defined]
        assert "2 of 2" in dlg.status.text()  # type: ignore[attr-defined]

    watch, reloads_while_open = use_dialog(qtbot, window, "Pay &periods and approval…", approve)
    assert not watch.elsewhere(), watch.said
    assert reloads_while_open == 0
    qtbot.wait(FAST_MS * 4)
    assert not watch.elsewhere()
