"""Paid breaks in the grid (issue 15): a shift code's paid breaks take its agent off the phones -
the Short row counts them - and the cell's tooltip says where they fall."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from deskwfm.core.model import ShiftCode, ShiftKind
from tests.gui.conftest import MON
from tests.gui.grid_helpers import go_to, index, type_entry
from tests.gui.test_grid_staffing import with_forecast  # noqa: F401 - the fixture

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")
SHORT = 2
TIP = Qt.ItemDataRole.ToolTipRole


@pytest.fixture
def with_code(with_forecast: Path) -> Path:  # noqa: F811
    """A 09:00-13:00 code with one paid 30-minute break (Mon 10:00-11:00 needs 3 agents)."""
    from deskwfm.services.codes import save_code
    from deskwfm.services.workspace import Workspace

    ws = Workspace.open(with_forecast)
    try:
        save_code(ws, ShiftCode("PB", ShiftKind.WORK, time(9), time(13), 0, "#c0d0e0", "Part day",
                                paid_breaks=1, paid_break_minutes=30))
    finally:
        ws.close()
    return with_forecast


def _short(win) -> str:  # type: ignore[no-untyped-def]
    return str(win.session.day_model.index(SHORT, win.session.state.col_of[MON]).data())


def test_a_paid_break_is_off_the_phones_in_the_short_row_and_said_in_the_tooltip(
    qtbot, with_code: Path, window
) -> None:
    assert _short(window) == "\u22121 at 10:00"  # two agents, three needed
    go_to(window, "AG003", MON)
    type_entry(qtbot, window, "9-13")  # a third agent, no paid break: covered
    assert _short(window) == "\u2713"
    go_to(window, "AG003", MON)
    type_entry(qtbot, window, "PB")  # placed by default mid-shift: 10:45, half of 10:30-11:00 off
    tip = index(window, "AG003", MON).data(TIP)
    assert "1 paid break of 30 min at 10:45" in tip
    assert _short(window) != "\u2713" and "10:30" in _short(window)
    go_to(window, "AG003", MON)
    type_entry(qtbot, window, "PB+30@10:00")  # the same hours, but the paid break falls at 10:00
    assert _short(window) == "\u22121 at 10:00"
    tip = index(window, "AG003", MON).data(TIP)
    assert "PB 09:00\u201313:00" in tip and "1 paid break of 30 min at 10:00" in tip
    assert "paid break" not in str(index(window, "AG001", MON).data(TIP))  # 9-17 typed: none
