"""Coverage chart benchmark (issue 15): what the chart adds to a cell edit, with 500 agents.

    python bench/bench_coverage_chart.py            # 500 agents x 8 weeks, week and 6-week views
    python bench/bench_coverage_chart.py --agents 60

The same 200 edits (random cells of the visible rows, the current day's column) are typed into
the same window twice in one run: once with View → Coverage chart hidden (the baseline: the
grid, its totals and the Short row) and once with it shown (the chart follows, re-prices the
days the edit changed - Erlang C per interval - and repaints its day chart and week heatmap).
Also: the chart's first show (loads the module, prices the week) and a cold re-price of the
whole week, which is what an edit would cost without the per-day cache.

Everything renders on the offscreen platform.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_grid import _line, _settle, _window, make_db  # noqa: E402

ENTRIES = ["9-17", "N", "E", "10-18/30", "", "D", "VAC", "22-6"]


def _edits(app, win, panel, n: int, seed: int) -> list[float]:  # type: ignore[no-untyped-def]
    """Seconds from each edit to the window (and the chart, if shown) repainted, as the event
    loop does it: the edit, then the queued refresh and paints."""
    s = win.session
    t = win.grid.table
    rng = random.Random(seed)
    rows = max(1, t.viewport().height() // t.verticalHeader().defaultSectionSize() - 1)
    col = max(0, t.currentIndex().column())
    times = []
    for i in range(n):
        t0 = time.perf_counter()
        s.set_cell(rng.randrange(rows), col, ENTRIES[i % len(ENTRIES)])
        app.processEvents()  # grid, totals, Short row; the chart's zero-delay refresh
        app.processEvents()  # ... and the chart's paint (its update() from the refresh)
        times.append(time.perf_counter() - t0)
    if panel is not None:  # the chart did follow: it shows the last edit's day as priced now
        assert panel.day_curve is panel.tracker.curve(panel.current_day())
    return times


def bench(app, db: Path, first_day: object, kind: str) -> None:  # type: ignore[no-untyped-def]
    from deskwfm.gui.coverage_panel import CoveragePanel, show_coverage

    win = _window(db, first_day, kind)
    app.processEvents()
    _settle(app, win)
    t = win.grid.table
    t.setCurrentIndex(t.model().index(0, 3))
    app.processEvents()
    hidden = _edits(app, win, None, 200, 11)

    t0 = time.perf_counter()
    show_coverage(win, True)
    app.processEvents()
    app.processEvents()
    panel = win.findChild(CoveragePanel)
    assert panel is not None and panel.day_curve is not None and panel.day_curve.has_forecast
    panel.day_chart.repaint()
    panel.week_chart.repaint()
    first_show = time.perf_counter() - t0
    priced = panel.tracker.priced
    shown = _edits(app, win, panel, 200, 11)
    per_edit = (panel.tracker.priced - priced) / 200

    cold = []
    for _ in range(10):
        panel.tracker = None
        t0 = time.perf_counter()
        panel.refresh()
        panel.day_chart.repaint()
        panel.week_chart.repaint()
        cold.append(time.perf_counter() - t0)

    hidden.sort()
    shown.sort()
    print(f"  {kind} view, {len(win.session.state.employees)} agents, {len(win.session.state.days)} days:")
    _line("edit -> repainted, chart hidden (baseline) p50", hidden[100] * 1000, "ms")
    _line("edit -> repainted, chart shown p50", shown[100] * 1000, "ms")
    _line("edit -> repainted, chart hidden (baseline) p95", hidden[189] * 1000, "ms")
    _line("edit -> repainted, chart shown p95", shown[189] * 1000, "ms", 50)
    _line("  the chart's share of an edit, p50", (shown[100] - hidden[100]) * 1000, "ms")
    _line("  days re-priced per edit (mean)", per_edit, "days")
    _line("chart first shown (import, price the week, paint)", first_show * 1000, "ms")
    _line("cold re-price of the week + paint (median of 10)", statistics.median(cold) * 1000, "ms")
    win.close()
    win.session.ws.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--agents", type=int, default=500)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="deskwfm-bench-chart-"))
    db, first = make_db(folder, args.agents)
    for kind in ("week", "6weeks"):
        bench(app, db, first, kind)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
