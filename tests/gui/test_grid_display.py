"""A cell shows what was typed: the break is visible and cannot be read as a start time, and the
text fits the day column even in a 1024-pixel window."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle

from tests.gui.conftest import MON
from tests.gui.grid_helpers import go_to, index, shown, type_entry

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")
CUP = "\u2615"
TYPED = [
    ("9-17", "9\u201317"),
    ("9-17/30", "9\u201317 /30"),  # not the same as 9-17 any more
    ("9-17/30@12:30", f"9\u201317 {CUP}12:30"),
    ("d@13", f"D {CUP}13:00"),  # the demo's staggered break: a break at 13:00, not a 13:00 start
    ("7:30-15:30/30", "7:30\u201315:30 /30"),
    ("22-6:30", "22\u20136:30"),
    ("n", "N"),
    ("vac", "VAC"),
]


def test_each_entry_shows_its_break(qtbot, window) -> None:
    go_to(window, "AG003", MON)
    for i, (typed, _) in enumerate(TYPED):
        go_to(window, "AG003" if i < 4 else "AG004", MON + timedelta(days=i % 4))
        type_entry(qtbot, window, typed)
    cells = [("AG003" if i < 4 else "AG004", MON + timedelta(days=i % 4)) for i in range(len(TYPED))]
    got = [shown(window, code, day) for code, day in cells]
    assert got == [want for _, want in TYPED]
    tip = index(window, "AG003", MON + timedelta(days=3)).data(Qt.ItemDataRole.ToolTipRole)
    assert "D 08:00\u201316:30, 30 min unpaid break from 13:00" in tip
    tip = index(window, "AG003", MON + timedelta(days=1)).data(Qt.ItemDataRole.ToolTipRole)
    assert "30 min unpaid break (centred)" in tip


@pytest.mark.parametrize(
    ("width", "texts"),
    [
        (1024, ["7\u201315:30 /30", f"D {CUP}11:30", f"N {CUP}3:30", f"9\u201317 {CUP}12:30",
                "22\u20136:30 /30"]),
        (1280, ["7:30\u201315:30 /30", "22:30\u20136:30 /30", f"7\u201315:30 {CUP}11:30"]),
    ],
)
def test_the_texts_fit_a_day_column(qtbot, window, width: int, texts: list[str]) -> None:
    """Qt elides a cell's text that does not fit; the usual entries must not be cut at 1024 px,
    nor the longer ones at 1280 px."""
    window.resize(width, 760)
    qtbot.waitUntil(lambda: window.grid.width() == width)
    table = window.grid.table
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    room = table.columnWidth(0) - 2 * margin
    fm = table.fontMetrics()
    for text in texts:
        assert fm.horizontalAdvance(text) <= room, text
