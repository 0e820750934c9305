"""What the audit trail costs (prints figures; not a timed test).

    python bench/bench_audit.py

Every write appends one hash-chained audit row per changed row. This measures, in the same run
and on the same databases, the two bulk writes a user waits for — a 500 x 7 paste through the
grid's edit path and the 20,000-row workbook import of bench/bench_excel.py — with the audit
rows written and with them switched off (``Store.audit_enabled``, which exists for this
comparison only). Budget: audit adds at most 10 %.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_excel import build_workbook, new_db  # noqa: E402

from deskwfm.core.changes import How  # noqa: E402
from deskwfm.services.schedule import CellEdit, apply_edits  # noqa: E402
from deskwfm.services.workspace import Workspace  # noqa: E402

AGENTS, DAYS = 500, 7
MON = date(2026, 11, 23)
PASTES = ("9-17/30", "D", "10-18:30/30", "E", "8-16/30@12:00", "N")


def paste(ws: Workspace, k: int) -> float:
    """One 500 x 7 paste (every cell changes), as the grid sends it; seconds."""
    edits = [
        CellEdit(f"AG{i:04d}", MON + timedelta(days=d), PASTES[(i + d + k) % len(PASTES)])
        for i in range(AGENTS)
        for d in range(DAYS)
    ]
    t0 = time.perf_counter()
    done = apply_edits(ws, edits, How.PASTE)
    took = time.perf_counter() - t0
    assert len(done) == AGENTS * DAYS
    return took


def import_once(ws: Workspace, book: Path) -> float:
    from deskwfm.services.excel_import import apply_import, plan_import

    plan = plan_import(ws, book)
    assert plan.ok
    t0 = time.perf_counter()
    apply_import(ws, plan)
    return time.perf_counter() - t0


ROUNDS = 5


def report(what: str, with_audit: list[float], without: list[float]) -> None:
    """Best and median of each (the best is the least disturbed by other work on the machine)."""
    a, b = min(with_audit), min(without)
    am, bm = statistics.median(with_audit), statistics.median(without)
    print(
        f"{what}: best {a * 1000:.0f} ms with audit, {b * 1000:.0f} ms without -> +{(a / b - 1) * 100:.1f} % "
        f"[{'OK' if a <= b * 1.10 else 'OVER'} <= 10 %]; medians {am * 1000:.0f} / {bm * 1000:.0f} ms "
        f"({len(with_audit)} runs each)"
    )


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="bench_audit_"))
    ws = new_db(tmp / "paste.sqlite3")
    paste(ws, 99)  # warm up: the first paste inserts, the rest update
    with_audit, without = [], []
    for k in range(2 * ROUNDS):  # interleaved, so a busy moment of the machine hits both alike
        ws.store.audit_enabled = k % 2 == 1
        (with_audit if ws.store.audit_enabled else without).append(paste(ws, k))
    ws.store.audit_enabled = True
    ws.close()
    report(f"paste {AGENTS} x {DAYS} ({AGENTS * DAYS:,} cells)", with_audit, without)

    book = tmp / "roster.xlsx"
    build_workbook(book)
    imp_with, imp_without = [], []
    for k in range(2 * ROUNDS):
        db = new_db(tmp / f"import{k}.sqlite3")
        db.store.audit_enabled = k % 2 == 1
        (imp_with if db.store.audit_enabled else imp_without).append(import_once(db, book))
        rows = db.store.counts()["audit"]
        db.close()
    report(f"import of the 20,000-row workbook, its write ({rows:,} audit rows)", imp_with, imp_without)
    return 0


if __name__ == "__main__":
    sys.exit(main())
