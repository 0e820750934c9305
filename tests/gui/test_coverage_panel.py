"""The coverage chart under the grid (issue 15): View → Coverage chart, following the current
cell, updated as cells are edited, remembered between runs. The chart is checked by the data it
draws and by its rendered image (pixels of the colours that mark short and over)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QDockWidget

from deskwfm.core.forecast import ForecastInterval
from deskwfm.core.site import SiteSettings
from tests.gui.conftest import MON, WEEK_OF
from tests.gui.grid_helpers import go_to, type_entry

BUSY = 30  # calls at 10:00 on Monday: more than two agents can answer
QUIET = 1  # calls at 11:00: two agents are just enough
AHT = 300


def needed(calls: int) -> int:
    return SiteSettings().staffing.needed(calls, AHT)


@pytest.fixture
def forecast_centre(centre: Path) -> Path:
    from deskwfm.services.forecast import store_forecast
    from deskwfm.services.workspace import Workspace

    ws = Workspace.open(centre)
    try:
        store_forecast(ws, MON, MON + timedelta(days=1), [
            ForecastInterval(MON, 600, BUSY, AHT), ForecastInterval(MON, 660, QUIET, AHT),
            ForecastInterval(MON + timedelta(days=1), 660, QUIET, AHT),
        ])
    finally:
        ws.close()
    return centre


@pytest.fixture
def win(qtbot, forecast_centre: Path) -> Iterator[object]:
    from deskwfm.gui.main_window import MainWindow
    from deskwfm.gui.view_range import ViewKind
    from deskwfm.services.workspace import Workspace

    ws = Workspace.open(forecast_centre)
    w = MainWindow(ws, ViewKind.WEEK, WEEK_OF)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    ws.close()


def _open_chart(qtbot, w) -> object:  # type: ignore[no-untyped-def]
    from deskwfm.gui.coverage_panel import CoveragePanel

    w.activateWindow()  # a shortcut needs its window active
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    w.grid.table.setFocus()
    qtbot.keyClick(w.grid.table, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    dock = w.findChild(QDockWidget, "coverageDock")
    assert dock is not None
    qtbot.waitUntil(dock.isVisible)
    panel = dock.widget()
    assert isinstance(panel, CoveragePanel)
    return panel


def _plotted(chart) -> QImage:  # type: ignore[no-untyped-def]
    """The chart's plot area as rendered (the legend's swatches left out)."""
    return chart.grab().toImage().copy(chart.plot_rect().toRect())


def _pixels(image: QImage, colour: QColor) -> int:
    rgb = colour.rgb()
    return sum(1 for y in range(image.height()) for x in range(image.width()) if image.pixel(x, y) == rgb)


def test_the_chart_shows_the_current_days_required_and_scheduled_agents_with_the_gap(qtbot, win) -> None:
    from deskwfm.gui.coverage_chart import COVERED, OVER, SHORT

    panel = _open_chart(qtbot, win)
    go_to(win, "AG001", MON)
    qtbot.waitUntil(lambda: panel.day_curve is not None and panel.day_curve.day == MON)
    ten, eleven = panel.day_curve.points
    assert (ten.needed, ten.scheduled, ten.short) == (needed(BUSY), 2.0, needed(BUSY) - 2)
    assert (eleven.needed, eleven.scheduled, eleven.short, eleven.over) == (needed(QUIET), 2.0, 0.0, 0.0)
    assert ten.service_level is not None and ten.service_level < 0.5 < eleven.service_level  # type: ignore[operator]
    day = panel.day_curve.figures
    assert day.agent_intervals_short == needed(BUSY) - 2 and day.agent_intervals_over == 0
    # what the analyst reads beside the chart
    assert panel.figures.text("short", 0) == str(needed(BUSY) - 2)
    assert panel.figures.text("service", 0).endswith("%")
    # the week: Monday's 10:00 is short, 11:00 covered, as is Tuesday's 11:00
    assert [d.weekday() for d in panel.week_map.days] == [6, 0, 1, 2, 3, 4, 5]  # Sunday to Saturday
    mon = panel.week_map.gaps[1]
    assert mon[20] == -(needed(BUSY) - 2) and mon[22] == 0 and mon[0] is None
    assert panel.week_map.gaps[2][22] == 0 and panel.week_map.figures.intervals == 3
    # and they are drawn: red where short, nothing over, covered cells in the heatmap
    chart = _plotted(panel.day_chart)
    assert _pixels(chart, SHORT) > 50 and _pixels(chart, OVER) == 0
    heat = panel.week_chart
    image = heat.grab().toImage()
    short = heat.colour_of(-(needed(BUSY) - 2), max(2.0, panel.week_map.largest_gap))
    assert short.red() > short.green() and _pixels(image, short) > 0 and _pixels(image, COVERED) > 0
    centre = heat.cell_rect(MON, 20).center().toPoint()
    assert image.pixelColor(centre) == short


def test_the_chart_follows_edits_and_prices_only_the_day_that_changed(qtbot, win) -> None:
    from deskwfm.gui.coverage_chart import OVER, SHORT

    panel = _open_chart(qtbot, win)
    go_to(win, "AG003", MON)
    qtbot.waitUntil(lambda: panel.day_curve is not None and panel.day_curve.day == MON)
    priced = panel.tracker.priced
    before = panel.day_curve.points[0].scheduled
    type_entry(qtbot, win, "10-11")
    qtbot.waitUntil(lambda: panel.day_curve.points[0].scheduled == before + 1)
    assert panel.tracker.priced == priced + 1  # Monday again; the rest of the week from the cache
    assert panel.day_curve.points[1].over == 0  # 10-11 covers 10:00 only
    # an evening of agents over the quiet hour: amber in the chart, the week's figures follow
    for code in ("AG004", "AG005"):
        go_to(win, code, MON)
        type_entry(qtbot, win, "11-12")
    qtbot.waitUntil(lambda: panel.day_curve.points[1].over == 2)
    assert panel.week_map.figures.agent_intervals_over == 2
    assert panel.figures.text("over", 1) == "2"
    assert _pixels(_plotted(panel.day_chart), OVER) > 20
    # undo (Ctrl+Z) twice: the amber goes again
    for _ in range(2):
        qtbot.keyClick(win.grid.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.day_curve.points[1].over == 0)
    assert _pixels(_plotted(panel.day_chart), OVER) == 0
    assert _pixels(_plotted(panel.day_chart), SHORT) > 0


def test_a_click_on_the_heatmap_moves_the_grid_to_that_day(qtbot, win) -> None:
    panel = _open_chart(qtbot, win)
    st = win.session.state
    go_to(win, "AG001", MON)
    heat = panel.week_chart
    qtbot.waitUntil(lambda: heat.week is not None)
    tue = MON + timedelta(days=1)
    qtbot.mouseClick(heat, Qt.MouseButton.LeftButton, pos=heat.cell_rect(tue, 22).center().toPoint())
    qtbot.waitUntil(lambda: panel.day_curve.day == tue)
    assert win.grid.table.currentIndex().column() == st.col_of[tue]


def test_a_day_without_forecast_says_so_and_shows_no_figures(qtbot, win) -> None:
    panel = _open_chart(qtbot, win)
    go_to(win, "AG001", MON + timedelta(days=3))  # Thursday: no forecast
    qtbot.waitUntil(lambda: panel.day_curve is not None and panel.day_curve.day == MON + timedelta(days=3))
    assert not panel.day_curve.has_forecast
    assert panel.figures.text("service", 0) == "\u2013"
    assert panel.figures.text("short", 1) != "\u2013"  # the week has some forecast


def test_the_chart_is_remembered_between_runs(qtbot, forecast_centre: Path) -> None:
    from deskwfm.gui.main_window import MainWindow
    from deskwfm.gui.view_range import ViewKind
    from deskwfm.services.workspace import Workspace

    def open_window() -> MainWindow:
        ws = Workspace.open(forecast_centre)
        w = MainWindow(ws, ViewKind.WEEK, WEEK_OF)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        return w

    first = open_window()
    assert first.findChild(QDockWidget, "coverageDock") is None  # not made until asked for
    _open_chart(qtbot, first)
    first.close()
    second = open_window()
    qtbot.waitUntil(lambda: second.findChild(QDockWidget, "coverageDock") is not None)
    dock = second.findChild(QDockWidget, "coverageDock")
    qtbot.waitUntil(dock.isVisible)
    assert second.actions_.coverage.isChecked()
    # closed with the View menu's item: not shown next time
    second.actions_.coverage.trigger()
    assert not dock.isVisible()
    second.close()
    third = open_window()
    qtbot.wait(50)
    assert third.findChild(QDockWidget, "coverageDock") is None and not third.actions_.coverage.isChecked()
    third.close()
