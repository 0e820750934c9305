"""What the audit trail costs (prints figures; not a timed test).

    python bench/bench_audit.py

Every write appends one hash-chained audit row per changed row. This measures, in the same run
and on the same databases, the bulk writes a user waits for — a 500 x 7 paste (the service call,
and in the window from clipboard to repainted grid) and the 20,000-row workbook import of
bench/bench_excel.py (its write, and the whole import: read, check, write) — with the audit rows
written and with them switched off (``Store.audit_enabled``, which exists for this comparison
only). Runs alternate, so a busy moment of the machine hits both alike; each figure is the best
run, as wall-clock time and as this process's CPU time (steadier on a shared machine).
Budget: audit adds at most 10 %.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_excel import build_workbook, new_db  # noqa: E402
from bench_grid import _settle  # noqa: E402

from deskwfm.core.changes import How  # noqa: E402
from deskwfm.services.schedule import CellEdit, apply_edits  # noqa: E402
from deskwfm.services.workspace import Workspace  # noqa: E402

AGENTS, DAYS = 500, 7
MON = date(2026, 11, 23)
PASTES = ("9-17/30", "D", "10-18:30/30", "E", "8-16/30@12:00", "N")
ROUNDS = 5
Sample = tuple[float, float]  # wall seconds, CPU seconds


def timed(fn: Callable[[], object]) -> Sample:
    w, c = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w, time.process_time() - c


def report(what: str, with_audit: list[Sample], without: list[Sample]) -> None:
    def best(xs: list[Sample], i: int) -> float:
        return min(x[i] for x in xs) * 1000

    a, b = best(with_audit, 0), best(without, 0)
    ac, bc = best(with_audit, 1), best(without, 1)
    print(
        f"{what}:\n    wall {a:.0f} ms with audit, {b:.0f} ms without -> {(a / b - 1) * 100:+.1f} %; "
        f"CPU {ac:.0f} / {bc:.0f} ms -> {(ac / bc - 1) * 100:+.1f} % "
        f"[{'OK' if ac <= bc * 1.10 else 'OVER'} <= 10 %] (best of {len(with_audit)} runs each)"
    )


def edits(k: int) -> list[CellEdit]:
    return [
        CellEdit(f"AG{i:04d}", MON + timedelta(days=d), PASTES[(i + d + k) % len(PASTES)])
        for i in range(AGENTS)
        for d in range(DAYS)
    ]


def service_pastes(ws: Workspace) -> tuple[list[Sample], list[Sample]]:
    """The paste as the grid sends it to the services (every cell changes each time)."""
    apply_edits(ws, edits(99), How.PASTE)  # the first paste inserts, the rest update
    out: tuple[list[Sample], list[Sample]] = ([], [])
    for k in range(4 * ROUNDS):
        # audit on, on, off, off, ...: each side writes both contents (k even/odd) alike
        ws.store.audit_enabled = (k // 2) % 2 == 0
        batch = edits(k % 2)
        out[0 if ws.store.audit_enabled else 1].append(timed(lambda b=batch: apply_edits(ws, b, How.PASTE)))
    ws.store.audit_enabled = True
    return out


def window_pastes(db: Path) -> tuple[list[Sample], list[Sample]]:
    """The paste as an admin does it in the window: clipboard, paste, grid updated and painted."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from deskwfm.gui import edit_ops
    from deskwfm.gui.clipboard import to_tsv
    from deskwfm.gui.main_window import MainWindow
    from deskwfm.gui.view_range import ViewKind

    app = QApplication.instance() or QApplication([])
    ws = Workspace.open(db)
    win = MainWindow(ws, ViewKind.WEEK, MON, remember=False)
    win.resize(1440, 860)
    win.show()
    app.processEvents()
    out: tuple[list[Sample], list[Sample]] = ([], [])
    for k in range(4 * ROUNDS):
        ws.store.audit_enabled = (k // 2) % 2 == 0  # as in service_pastes
        block = [[PASTES[(r + c + k % 2) % len(PASTES)] for c in range(DAYS)] for r in range(AGENTS)]
        QApplication.clipboard().setText(to_tsv(block))
        edit_ops.select_rect(win.grid.table, (0, 0, 0, 0))

        def paste() -> None:
            assert edit_ops.paste(win.session, win.grid.table), win.statusBar().currentMessage()
            app.processEvents()

        _settle(app, win)  # the totals row of the last paste adds up in the background first
        out[0 if ws.store.audit_enabled else 1].append(timed(paste))
    win.close()
    ws.close()
    return out


def imports(tmp: Path) -> tuple[tuple[list[Sample], list[Sample]], tuple[list[Sample], list[Sample]], int]:
    """(the write alone, the whole import: read + check + write), each with and without audit."""
    from deskwfm.services.excel_import import apply_import, plan_import

    book = tmp / "roster.xlsx"
    build_workbook(book)
    write: tuple[list[Sample], list[Sample]] = ([], [])
    whole: tuple[list[Sample], list[Sample]] = ([], [])
    rows = 0
    for k in range(2 * ROUNDS):
        db = new_db(tmp / f"import{k}.sqlite3")
        db.store.audit_enabled = k % 2 == 1
        side = 0 if db.store.audit_enabled else 1
        w0, c0 = time.perf_counter(), time.process_time()
        plan = plan_import(db, book)
        assert plan.ok
        write[side].append(timed(lambda d=db, p=plan: apply_import(d, p)))
        whole[side].append((time.perf_counter() - w0, time.process_time() - c0))
        rows = max(rows, db.store.counts()["audit"])
        db.close()
    return write, whole, rows


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="bench_audit_"))
    ws = new_db(tmp / "paste.sqlite3")
    report(f"paste {AGENTS} x {DAYS} ({AGENTS * DAYS:,} cells), the service call", *service_pastes(ws))
    ws.close()
    report(
        f"paste {AGENTS} x {DAYS} in the window (clipboard to painted grid)",
        *window_pastes(tmp / "paste.sqlite3"),
    )
    write, whole, rows = imports(tmp)
    report(f"import of the 20,000-row workbook, the write alone ({rows:,} audit rows)", *write)
    report("import of the 20,000-row workbook as a user waits for it (read, check, write)", *whole)
    return 0


if __name__ == "__main__":
    sys.exit(main())
