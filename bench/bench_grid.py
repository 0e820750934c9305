"""Schedule grid benchmark: start-up, edit latency, paste, repaint, and a 5,000-agent centre.

    python bench/bench_grid.py                 # 500 and 5,000 agents x 8 weeks
    python bench/bench_grid.py --quick         # 500 agents only
    python bench/bench_grid.py --startup-only  # process start to first paint only

Databases are generated in a temp folder with the demo generator (services.setup.create_demo).
Everything renders on the offscreen platform; figures are printed against the issue's budgets.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from datetime import date
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

BARE_WINDOW = textwrap.dedent(
    """
    import os, sys, time
    PRE
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget
    app = QApplication([])
    w = QWidget()
    w.resize(1440, 860)
    class Watch(QObject):
        def eventFilter(self, obj, ev):
            if ev.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, done)
            return False
    def done():
        print(f"FIRST_PAINT {time.time():.6f}", flush=True)
        os._exit(0)
    f = Watch(); w.installEventFilter(f)
    w.show()
    app.exec()
    """
)


def bare_window(pre: str = "") -> str:
    """A bare PySide6 window that reports its first paint; ``pre`` runs first (an import)."""
    return BARE_WINDOW.replace("PRE", pre)


def _first_paint(cmd: list[str], env: dict[str, str]) -> float:
    """Seconds from starting ``cmd`` to its FIRST_PAINT line (the process exits right after)."""
    t0 = time.time()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    for line in out.stdout.splitlines():
        if line.startswith("FIRST_PAINT "):
            return float(line.split()[1]) - t0
    raise RuntimeError(f"no first paint reported: {out.stderr[-800:]}")


def make_db(folder: Path, agents: int, weeks: int = 8) -> tuple[Path, object]:
    from deskwfm.core.site import SiteSettings
    from deskwfm.services.demo import demo_range
    from deskwfm.services.setup import create_demo, init_database

    path = folder / f"bench-{agents}.sqlite3"
    t = time.perf_counter()
    ws = init_database(path, SiteSettings())
    create_demo(ws, agents=agents, weeks=weeks)
    ws.close()
    first, _ = demo_range(SiteSettings(), date.today(), weeks)
    print(f"  built {agents} agents x {weeks} weeks in {time.perf_counter() - t:.1f} s")
    return path, first


def _rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _line(what: str, value: float, unit: str, budget: float | None = None) -> None:
    mark = "" if budget is None else ("  ok" if value <= budget else "  OVER BUDGET")
    b = "" if budget is None else f"  (budget {budget:g} {unit})"
    print(f"  {what:<44} {value:9.1f} {unit}{b}{mark}")


def bench_startup(db: Path, first_day: object, runs: int, baseline_src: Path | None = None) -> None:
    """Whole process, start to the grid's first paint, against a bare PySide6 window started
    the same way; the commands take turns so a drift of the machine's speed hits all alike."""
    # An installed deskwfm runs from byte-code (pip and the Windows bundle compile it). With
    # PYTHONDONTWRITEBYTECODE set, as on some development machines, an editable checkout would
    # compile its ~60 modules from source at every start (~0.1 s): compile them once here.
    import compileall

    import deskwfm

    compileall.compile_dir(str(Path(deskwfm.__file__).parent), quiet=1)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DESKWFM_BENCH_FIRST_PAINT="1")
    env["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="deskwfm-bench-cfg-")
    deskwfm = [sys.executable, "-m", "deskwfm", "--db", str(db), "--date", str(first_day), "--view"]
    commands = {
        "bare python + PySide6 window": [sys.executable, "-c", bare_window()],
        "  the same after `import sqlalchemy`": [sys.executable, "-c", bare_window("import sqlalchemy")],
        "deskwfm 6-week view, 500 agents": [*deskwfm, "6weeks"],
        "deskwfm week view, 500 agents": [*deskwfm, "week"],
        # French loads the catalog and Qt's qtbase_fr.qm; English reads neither
        "deskwfm week view, 500 agents, --lang fr": [*deskwfm, "week", "--lang", "fr"],
    }
    envs = {name: env for name in commands}
    if baseline_src is not None:  # another checkout (main) started the same way, in the same run
        compileall.compile_dir(str(baseline_src / "deskwfm"), quiet=1)
        name = f"  baseline {baseline_src}: week view"
        commands[name] = [*deskwfm, "week"]
        envs[name] = dict(env, PYTHONPATH=str(baseline_src))
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            times[name].append(_first_paint(cmd, envs[name]))
    width = max(44, *(len(n) for n in commands))
    print(f"  {'start to first paint (whole process)':<{width}} {'min':>9} {'median':>9}   of {runs} runs")
    for name, got in times.items():
        budget = "  (budget 600 ms)" if name.startswith("deskwfm") else ""
        print(f"  {name:<{width}} {min(got) * 1000:6.0f} ms {statistics.median(got) * 1000:6.0f} ms{budget}")


def _window(db: Path, first_day: object, kind: str = "6weeks"):  # type: ignore[no-untyped-def]
    from deskwfm.gui.main_window import MainWindow
    from deskwfm.gui.view_range import ViewKind
    from deskwfm.services.workspace import Workspace

    ws = Workspace.open(db)
    win = MainWindow(ws, ViewKind(kind), first_day, remember=False)  # type: ignore[arg-type]
    win.resize(1440, 860)
    win.show()
    return win


def _repaint(win) -> None:  # type: ignore[no-untyped-def]
    g = win.grid
    g.table.viewport().repaint()
    g.table.verticalHeader().viewport().repaint()
    g.totals.viewport().repaint()
    g.footer.viewport().repaint()


def _settle(app, win) -> float:  # type: ignore[no-untyped-def]
    """Let the window finish its background work (the totals row adds up every row a few at
    a time after opening); the seconds it took, measured as a user waits for it."""
    t0 = time.perf_counter()
    session = win.session
    while getattr(session, "_pricer", None) is not None and session._pricer.isActive():
        app.processEvents()
        if time.perf_counter() - t0 > 60:
            break
    return time.perf_counter() - t0


def bench_editing(app, db: Path, first_day: object) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from deskwfm.gui import edit_ops
    from deskwfm.gui.clipboard import to_tsv
    from deskwfm.services import schedule

    win = _window(db, first_day)
    app.processEvents()
    _line("totals row added up in the background", _settle(app, win) * 1000, "ms")
    s = win.session
    t = win.grid.table
    rng = random.Random(4)
    entries = ["9-17", "N", "E", "10-18/30", "", "D", "VAC", "22-6"]
    times: list[float] = []
    service: list[float] = []
    real_apply = schedule.apply_edits

    def timed_apply(ws, edits, *how):  # type: ignore[no-untyped-def]
        t1 = time.perf_counter()
        try:
            return real_apply(ws, edits, *how)
        finally:
            service.append(time.perf_counter() - t1)

    schedule.apply_edits = timed_apply  # type: ignore[assignment]
    visible_rows = max(1, t.viewport().height() // t.verticalHeader().defaultSectionSize() - 1)
    for i in range(200):
        r, c = rng.randrange(visible_rows), rng.randrange(12)
        t0 = time.perf_counter()
        s.set_cell(r, c, entries[i % len(entries)])  # what the delegate's setModelData calls
        app.processEvents()  # paints the dirty cells, row totals and day totals
        times.append(time.perf_counter() - t0)
    schedule.apply_edits = real_apply  # type: ignore[assignment]
    gui = sorted(a - b for a, b in zip(times, service, strict=True))
    times.sort()
    service.sort()
    _line("cell edit -> commit -> totals repainted, p50", times[100] * 1000, "ms")
    _line("cell edit -> commit -> totals repainted, p95", times[189] * 1000, "ms", 10)
    _line("  of which apply_edits (parse + SQLite commit), p95", service[189] * 1000, "ms")
    _line("  of which the grid (state, totals, repaint), p95", gui[189] * 1000, "ms")

    block = [[entries[(r + c) % 4] for c in range(7)] for r in range(500)]
    QApplication.clipboard().setText(to_tsv(block))
    edit_ops.select_rect(t, (0, 7, 0, 7))
    t0 = time.perf_counter()
    ok = edit_ops.paste(s, t)
    _repaint(win)
    paste = time.perf_counter() - t0
    assert ok, win.statusBar().currentMessage()
    _line("paste 500 x 7 block (one transaction)", paste * 1000, "ms", 1000)
    t0 = time.perf_counter()
    s.undo_stack.undo()
    _repaint(win)
    _line("undo that paste", (time.perf_counter() - t0) * 1000, "ms")

    reps = []
    for _ in range(10):
        t0 = time.perf_counter()
        win.repaint()
        _repaint(win)
        reps.append(time.perf_counter() - t0)
    _line("full window repaint (median of 10)", statistics.median(reps) * 1000, "ms", 100)
    win.close()
    win.session.ws.close()


def bench_views(app, db: Path, first_day: date) -> None:  # type: ignore[no-untyped-def]
    """Schedule / Actual / Variance switches with actual time recorded for every past shift (ten
    weeks) and the site paying actual time (the totals then price actual time with
    the payroll engine, from the payroll service's window), and actual time typed in."""
    from datetime import timedelta

    from deskwfm.core.errors import DeskwfmError
    from deskwfm.core.timekeeping import PayBasis
    from deskwfm.gui.grid_mode import GridMode
    from deskwfm.services.actual import confirm_range
    from deskwfm.services.site import get_site, save_site
    from deskwfm.services.workspace import Workspace

    ws = Workspace.open(db)
    site = get_site(ws)
    save_site(ws, site.with_changes(timekeeping=site.timekeeping.with_changes(pay_basis=PayBasis.ACTUAL)))
    t0 = time.perf_counter()
    confirmed = 0
    day, today = first_day, date.today()
    while day < today:  # every past day, a week at a time
        last = min(day + timedelta(days=6), today - timedelta(days=1))
        try:
            confirmed += len(confirm_range(ws, day, last).confirmed)
        except DeskwfmError:  # a week the service refuses (nights over the autumn clock change)
            print(f"  (the week of {day} could not be confirmed)")
        day = last + timedelta(days=1)
    print(f"  recorded {confirmed} days as worked in {time.perf_counter() - t0:.1f} s")
    ws.close()
    for kind in ("period", "6weeks"):  # the last pay period, the six weeks to this one
        win = _window(db, today - timedelta(weeks=1), kind)
        app.processEvents()
        _settle(app, win)
        s = win.session

        print(f"  {kind} view ({len(s.state.days)} days):")
        t0 = time.perf_counter()
        _line("  Schedule -> Actual, first time, painted", _switch(app, win, GridMode.ACTUAL), "ms")
        while not getattr(s.state, "totals_ready", True):  # the weeks around the range are read
            time.sleep(0.002)  # on a worker while the event loop idles
            app.processEvents()
        app.processEvents()
        _line("    ... and the totals of the rows in view shown", (time.perf_counter() - t0) * 1000, "ms")
        _line("  Actual totals row added up in the background", _settle(app, win) * 1000, "ms")
        _line("  Actual -> Variance, painted", _switch(app, win, GridMode.VARIANCE), "ms")
        _line("  Variance -> Schedule, painted", _switch(app, win, GridMode.SCHEDULE), "ms")
        _line("  Schedule -> Actual again, painted", _switch(app, win, GridMode.ACTUAL), "ms")
        _settle(app, win)
        times = []
        rng = random.Random(5)
        for i in range(40):
            r, c = rng.randrange(20), rng.randrange(min(10, len(s.state.days)))
            t1 = time.perf_counter()
            s.set_cell(r, c, "8:55-17:05" if i % 2 else "9:10-17:30/30")
            app.processEvents()
            times.append(time.perf_counter() - t1)
        times.sort()
        _line("  actual entry typed -> totals repainted, p50", times[20] * 1000, "ms")
        _line("  actual entry typed -> totals repainted, p95", times[37] * 1000, "ms")
        win.close()
        s.ws.close()


def _switch(app, win, mode: object) -> float:  # type: ignore[no-untyped-def]
    """Milliseconds from choosing a view to the window painted in it (the paint Qt does when
    the event loop next runs, as after a key press)."""
    t1 = time.perf_counter()
    win.session.set_mode(mode)
    app.processEvents()
    return (time.perf_counter() - t1) * 1000


def bench_big(app, db: Path, first_day: object) -> None:  # type: ignore[no-untyped-def]
    rss0 = _rss_mb()
    t0 = time.perf_counter()
    win = _window(db, first_day)
    app.processEvents()
    _repaint(win)
    _line("5,000 agents x 6 weeks: open to painted", (time.perf_counter() - t0) * 1000, "ms", 2000)
    bar = win.grid.vbar
    rng = random.Random(7)
    times = []
    for _ in range(30):
        bar.setValue(rng.randrange(bar.maximum()))
        t0 = time.perf_counter()
        _repaint(win)
        times.append(time.perf_counter() - t0)
    times.sort()
    _line("scroll to a new place + repaint, median", statistics.median(times) * 1000, "ms")
    _line("scroll to a new place + repaint, worst of 30", times[-1] * 1000, "ms", 100)
    _line("5,000 agents: totals row added up in the background", _settle(app, win) * 1000, "ms")
    win.grid.table.selectAll()
    t0 = time.perf_counter()
    win.selection_sum.refresh()
    _line("select all (210k cells): status-bar sum", (time.perf_counter() - t0) * 1000, "ms")
    _line("process RSS with the 5,000-agent grid open", _rss_mb(), "MB")
    _line("  growth while opening it", _rss_mb() - rss0, "MB")
    win.close()
    win.session.ws.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="skip the 5,000-agent run")
    parser.add_argument("--startup-only", action="store_true", help="only the start-up figures")
    parser.add_argument("--runs", type=int, default=7, help="start-up runs of each command (default 7)")
    parser.add_argument("--baseline-src", type=Path, metavar="DIR",
                        help="also time the week view from another checkout's src/ (e.g. /work/main/src)")
    parser.add_argument("--big-only", nargs=2, metavar=("DB", "FIRST_DAY"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.big_only:  # the 5,000-agent run in a fresh process, so its memory figure is its own
        from PySide6.QtWidgets import QApplication

        app = QApplication([])
        app.setStyle("Fusion")
        _line("process RSS after Qt start (baseline)", _rss_mb(), "MB")
        bench_big(app, Path(args.big_only[0]), date.fromisoformat(args.big_only[1]))
        return 0
    folder = Path(tempfile.mkdtemp(prefix="deskwfm-bench-"))
    print("deskwfm grid benchmark (offscreen)")
    db, first = make_db(folder, 500)
    print("start-up:")
    bench_startup(db, first, args.runs, args.baseline_src)
    if args.startup_only:
        return 0

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    app.setStyle("Fusion")
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "cfg"))
    print("500 agents x 6 weeks (6-week view, 1440 x 860):")
    bench_editing(app, db, first)
    print("500 agents, Schedule / Actual / Variance views:")
    (folder / "views").mkdir()
    db, first = make_db(folder / "views", 500, 20)  # ten weeks of history, unchanged by the edits above
    bench_views(app, db, first)  # type: ignore[arg-type]
    if not args.quick:
        big, first = make_db(folder, 5000, 6)
        sys.stdout.flush()
        subprocess.run([sys.executable, __file__, "--big-only", str(big), str(first)], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
