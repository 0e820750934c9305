"""Start-up: the grid paints first and the rest follows (issue 11, item 16).

The figure itself is measured by bench/bench_grid.py; these tests check what makes it: the
real command reaches its first paint without the modules it does not need for it, and the pay
totals, warning corners and Short row are filled in right after the first paint.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.gui.conftest import MON, WEEK_OF

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")

# Runs the real entry point; at the first paint (the benchmark hook ends the process there)
# it prints which of the heavy modules had been imported.
PROBE = textwrap.dedent(
    """
    import os, sys
    HEAVY = ("sqlalchemy.orm", "alembic", "openpyxl", "reportlab", "deskwfm.core.staffing",
             "deskwfm.files", "deskwfm.cli.cmd_payroll", "deskwfm.scheduler", "ortools",
             "deskwfm.gui.coverage_chart", "deskwfm.gui.coverage_panel", "deskwfm.gui.auto_schedule_dialog")
    real_exit = os._exit
    def at_first_paint(code):
        loaded = sorted(m for m in sys.modules if any(m == h or m.startswith(h + ".") for h in HEAVY))
        print("LOADED", " ".join(loaded), flush=True)
        real_exit(code)
    os._exit = at_first_paint
    from deskwfm.cli.main import main
    main(sys.argv[1:])
    """
)


def test_the_window_paints_without_loading_what_it_does_not_show(centre: Path, tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DESKWFM_BENCH_FIRST_PAINT="1",
               XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, "--db", str(centre), "--view", "week", "--date", WEEK_OF.isoformat()],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("FIRST_PAINT ")  # the window painted its grid
    # no ORM, migrations, Excel or PDF code, Erlang C, subcommand modules, the scheduler or the
    # coverage chart yet
    assert lines[1].split() == ["LOADED"], lines[1]


def test_totals_warnings_and_short_row_follow_the_first_paint(qtbot, centre: Path) -> None:
    from deskwfm.core.forecast import ForecastInterval
    from deskwfm.gui.grid_model import WARNING_ROLE
    from deskwfm.gui.main_window import MainWindow
    from deskwfm.gui.view_range import ViewKind
    from deskwfm.services.forecast import store_forecast
    from deskwfm.services.schedule import CellEdit, apply_edits
    from deskwfm.services.workspace import Workspace

    ws = Workspace.open(centre)
    store_forecast(ws, MON, MON, [ForecastInterval(MON, 600, 1, 300)])
    apply_edits(ws, [CellEdit("AG003", MON, "9-17"), CellEdit("AG003", MON + timedelta(days=1), "0-8")])
    win = MainWindow(ws, ViewKind.WEEK, WEEK_OF, paint_first=True)
    qtbot.addWidget(win)
    try:
        st = win.session.state
        short = win.session.day_model.index(2, st.col_of[MON])
        paid = win.session.totals_model.index(st.row_of["AG001"], 0)
        rest = win.session.grid_model.index(st.row_of["AG003"], st.col_of[MON + timedelta(days=1)])
        # nothing of these is worked out before the window is on screen
        assert short.data() == "" and paid.data() is None and not rest.data(WARNING_ROLE)
        win.show()
        qtbot.waitUntil(lambda: short.data() == "\u2713")  # two agents cover the one call
        assert paid.data() == "40.00"  # AG001 works 9-17 Monday to Friday
        assert rest.data(WARNING_ROLE) is True  # 7 h after Monday's 17:00 is short of rest
        assert "rest" in rest.data(Qt.ItemDataRole.ToolTipRole)
        assert win.session.day_model.index(2, st.col_of[MON] + 1).data() == "no forecast"
    finally:
        win.close()
        ws.close()
