"""The rest of the schedule window: warnings, navigation, totals, selection sum, settings."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from deskwfm.gui.grid_model import HOLIDAY_TINT, WARNING_ROLE, WEEKEND_TINT
from deskwfm.gui.view_range import ViewKind
from tests.gui.conftest import MON
from tests.gui.grid_helpers import go_to, index, select, shown, type_entry

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")
TUE = MON + timedelta(days=1)


def test_short_rest_is_marked_and_the_tooltip_says_by_how_much(qtbot, window) -> None:
    go_to(window, "AG003", MON)
    type_entry(qtbot, window, "14-23", Qt.Key.Key_Tab)
    type_entry(qtbot, window, "6-14")
    idx = index(window, "AG003", TUE)
    assert idx.data(WARNING_ROLE) is True
    tip = idx.data(Qt.ItemDataRole.ToolTipRole)
    assert "only 7.00 h rest" in tip and "short by 1.00 h" in tip
    assert index(window, "AG001", TUE).data(WARNING_ROLE) is False
    # fixing the shift clears the mark at once
    go_to(window, "AG003", TUE)
    type_entry(qtbot, window, "9-17")
    assert index(window, "AG003", TUE).data(WARNING_ROLE) is False


def test_over_the_daily_maximum_is_marked(qtbot, window) -> None:
    limit_h = window.session.state.site.rules.max_daily_minutes // 60
    go_to(window, "AG004", MON)
    type_entry(qtbot, window, f"5-{5 + limit_h + 2}")
    tip = index(window, "AG004", MON).data(Qt.ItemDataRole.ToolTipRole)
    assert f"over the daily maximum of {limit_h}.00 h by 2.00 h" in tip
    assert index(window, "AG004", MON).data(WARNING_ROLE) is True


def test_range_navigation_and_views(qtbot, window) -> None:
    label = window.nav.range_label
    assert label.text() == "Sun 22 Nov – Sat 28 Nov 2026"
    window.nav.next_action.trigger()
    assert label.text() == "Sun 29 Nov – Sat 5 Dec 2026"
    assert window.session.grid_model.columnCount() == 7
    window.nav.prev_action.trigger()
    window.nav.prev_action.trigger()
    assert label.text() == "Sun 15 Nov – Sat 21 Nov 2026"
    window.actions_.views[ViewKind.MONTH].trigger()
    assert window.session.grid_model.columnCount() == 30
    assert label.text() == "Sun 1 Nov – Mon 30 Nov 2026"
    window.nav.next_action.trigger()
    assert window.session.state.days[0] == date(2026, 12, 1) and window.session.grid_model.columnCount() == 31
    window.actions_.views[ViewKind.SIX_WEEKS].trigger()
    assert window.session.grid_model.columnCount() == 42
    window.actions_.views[ViewKind.PERIOD].trigger()  # bi-weekly, anchored on Sun 4 Jan 2026
    st = window.session.state
    assert len(st.days) == 14 and (st.days[0] - date(2026, 1, 4)).days % 14 == 0
    window.nav.today_action.trigger()
    assert window.session.state.days[0] <= date.today() <= window.session.state.days[-1]


def test_weekends_and_statutory_holidays_are_tinted(qtbot, window) -> None:
    window.session.show(anchor=date(2026, 12, 25))
    bg = index(window, "AG003", date(2026, 12, 25)).data(Qt.ItemDataRole.BackgroundRole)
    assert bg.color() == HOLIDAY_TINT
    assert "Christmas" in window.session.grid_model.headerData(
        window.session.state.col_of[date(2026, 12, 25)],
        Qt.Orientation.Horizontal,
        Qt.ItemDataRole.ToolTipRole,
    )
    assert (
        index(window, "AG003", date(2026, 12, 20)).data(Qt.ItemDataRole.BackgroundRole).color()
        == WEEKEND_TINT
    )
    assert (
        index(window, "AG003", date(2026, 12, 26)).data(Qt.ItemDataRole.BackgroundRole).color()
        == HOLIDAY_TINT
    )
    assert index(window, "AG003", date(2026, 12, 22)).data(Qt.ItemDataRole.BackgroundRole) is None


def test_cells_take_their_shift_code_colour(qtbot, window) -> None:
    window.session.set_cell(2, 1, "N")
    colour = window.session.state.data.codes["N"].colour
    assert index(window, "AG003", MON).data(Qt.ItemDataRole.BackgroundRole).color().name() == colour.lower()


def test_status_bar_sums_the_selection(qtbot, window) -> None:
    select(window, ("AG001", MON), ("AG002", TUE))
    qtbot.waitUntil(lambda: "32.00 h" in window.selection_sum.text())
    assert window.selection_sum.text() == "4 cells · 4 shifts · Sum 32.00 h · $640.00 at base rate"


def test_view_and_geometry_are_kept_between_runs(qtbot, window, centre) -> None:
    from deskwfm.gui.main_window import MainWindow
    from deskwfm.gui.settings import recent_files
    from deskwfm.services.workspace import Workspace

    window.actions_.views[ViewKind.MONTH].trigger()
    window.resize(720, 520)
    window.close()
    ws = Workspace.open(centre)
    again = MainWindow(ws, None, MON)
    qtbot.addWidget(again)
    try:
        assert again.session.kind is ViewKind.MONTH
        assert (again.width(), again.height()) == (720, 520)
        assert recent_files()[0] == str(centre)
        assert again.windowTitle().startswith("centre.sqlite3")
    finally:
        again.close()
        ws.close()


def test_grid_models_pass_qtmodeltester(qtmodeltester, window) -> None:
    window.session.set_cell(0, 0, "N")
    qtmodeltester.check(window.session.grid_model)
    qtmodeltester.check(window.session.totals_model)
    qtmodeltester.check(window.session.day_model)


def test_rows_are_grouped_by_team_with_names_in_the_frozen_header(qtbot, window) -> None:
    st = window.session.state
    assert [e.team for e in st.employees] == ["Blue"] * 3 + ["Green"] * 3
    assert st.team_start == [True, False, False, True, False, False]
    assert window.session.grid_model.headerData(3, Qt.Orientation.Vertical) == "AG004 Agent 4"
    assert shown(window, "AG001", MON) == "9\u201317"


def test_next_week_can_be_built_with_the_keyboard_alone(qtbot, window, centre) -> None:
    from tests.gui.grid_helpers import stored

    table = window.grid.table
    go_to(window, "AG003", MON)
    qtbot.keyClick(table, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # next week
    assert window.nav.range_label.text() == "Sun 29 Nov – Sat 5 Dec 2026"
    cur = table.currentIndex()
    assert (cur.row(), cur.column()) == (2, 1)  # same agent, same weekday
    type_entry(qtbot, window, "9-17", Qt.Key.Key_Tab)
    qtbot.keyClick(table, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)  # palette: second code
    assert shown(window, "AG003", MON + timedelta(days=8)) == "E"
    assert stored(centre, "AG003", MON + timedelta(days=7)).start.hour == 9
