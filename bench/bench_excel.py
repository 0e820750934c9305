"""Excel import/export benchmark (prints figures; not a timed test).

    python bench/bench_excel.py

Workbook: a Shifts sheet of 20,000 rows (500 agents x 40 days) and a 500 x 42 grid sheet
(the next 6 weeks). Import = read + validate + commit into a fresh SQLite database; it must be
at least 2x faster than openpyxl read-only merely iterating the same file's cells, timed in the
same run. Export: the 500 agents x 6 weeks schedule (<= 3 s), and the payroll workbook.
Peak memory: tracemalloc peak of a second import, and the process's max RSS.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from datetime import time as dtime
from decimal import Decimal
from pathlib import Path

from deskwfm.core.model import Employee, PayRate, ShiftCode, ShiftKind
from deskwfm.core.site import SiteSettings
from deskwfm.services.workspace import Workspace

AGENTS = 500
SHIFT_DAYS = 40
GRID_DAYS = 42
FIRST = date(2026, 1, 4)
FROM = date(2025, 1, 1)  # the agents' first pay rate
CODES = [
    ShiftCode("D", ShiftKind.WORK, dtime(9), dtime(17, 30), 30, "#8ecae6"),
    ShiftCode("E", ShiftKind.WORK, dtime(14), dtime(22, 30), 30, "#ffb703"),
    ShiftCode("N", ShiftKind.WORK, dtime(22), dtime(6, 30), 30, "#023047"),
    ShiftCode("VAC", ShiftKind.PAID_LEAVE, dtime(9), dtime(17), 0, "#90be6d"),
]


def new_db(path: Path) -> Workspace:
    from deskwfm.core.changes import Change, ChangeSet, Entity, How

    ws = Workspace.open(path, create=True)
    emps = [Employee(f"AG{i:04d}", f"Agent {i}", f"Team {i % 12}") for i in range(AGENTS)]
    ws.commit(ChangeSet(
        [Change(Entity.SITE, (), SiteSettings(name="Bench centre"), expected=None)]
        + [Change(Entity.CODE, (c.code,), c) for c in CODES]
        + [Change(Entity.EMPLOYEE, (e.code,), e) for e in emps]
        + [Change(Entity.RATE, (e.code, FROM), PayRate(e.code, FROM, Decimal("21.50"))) for e in emps],
        How.DEMO,
    ))
    return ws


def entry(i: int, d: int) -> str:
    k = (i + d) % 7
    return ["D", "E", "9-17/30", "", "D", "VAC" if i % 50 == 0 else "E", ""][k]


def build_workbook(path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    sh = wb.create_sheet("Shifts")
    sh.append(["Employee code", "Date", "Start", "End", "Unpaid break (min)", "Code", "Note"])
    for i in range(AGENTS):
        for d in range(SHIFT_DAYS):
            day = FIRST + timedelta(days=d)
            if (i + d) % 3 == 0:
                sh.append([f"AG{i:04d}", day, None, None, None, "D", ""])
            else:
                sh.append([f"AG{i:04d}", day, dtime(8 + (i % 4)), dtime(16 + (i % 4), 30), 30, "", ""])
    grid = wb.create_sheet("Roster")
    first_grid = FIRST + timedelta(days=SHIFT_DAYS)
    grid.append(["Code", "Name"] + [first_grid + timedelta(days=d) for d in range(GRID_DAYS)])
    for i in range(AGENTS):
        grid.append([f"AG{i:04d}", f"Agent {i}"] + [entry(i, d) for d in range(GRID_DAYS)])
    wb.save(str(path))


def openpyxl_iterate(path: Path) -> int:
    from openpyxl import load_workbook

    wb = load_workbook(str(path), read_only=True, data_only=True)
    n = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            n += len(row)
    wb.close()
    return n


def full_import(ws: Workspace, path: Path) -> int:
    from deskwfm.services.excel_import import apply_import, plan_import

    plan = plan_import(ws, path)
    assert plan.ok, plan.problems[:3]
    apply_import(ws, plan)
    return len(plan.changes)


def best(fn, repeat: int = 3) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), result


def main() -> int:
    from deskwfm.services.excel_export import export_payroll, export_schedule

    tmp = Path(tempfile.mkdtemp(prefix="bench_excel_"))
    book = tmp / "roster.xlsx"
    t0 = time.perf_counter()
    build_workbook(book)
    print(
        f"workbook: {SHIFT_DAYS * AGENTS:,} shift rows + {AGENTS} x {GRID_DAYS} grid, "
        f"{book.stat().st_size / 1e6:.1f} MB (built in {time.perf_counter() - t0:.1f} s)"
    )

    t_iter, cells = best(lambda: openpyxl_iterate(book))
    print(f"openpyxl read-only, iterate {cells:,} cells: {t_iter:.2f} s")

    runs = []
    for k in range(3):
        ws = new_db(tmp / f"import{k}.sqlite3")
        t0 = time.perf_counter()
        n = full_import(ws, book)
        runs.append(time.perf_counter() - t0)
        ws.close()
    t_imp = min(runs)
    ok = t_iter / t_imp >= 2
    print(
        f"full import (read, validate, commit {n:,} changes): {t_imp:.2f} s "
        f"-> {t_iter / t_imp:.1f}x faster than openpyxl iterating [{'OK' if ok else 'TOO SLOW'} >= 2x]"
    )

    ws = new_db(tmp / "mem.sqlite3")
    tracemalloc.start()
    full_import(ws, book)
    _cur, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"import peak Python memory (tracemalloc): {peak / 1e6:.0f} MB")

    start = FIRST + timedelta(days=SHIFT_DAYS)
    end = start + timedelta(days=GRID_DAYS - 1)
    t_exp, rows = best(lambda: export_schedule(ws, start, end, tmp / "schedule.xlsx"), repeat=2)
    print(
        f"export schedule {rows} agents x {GRID_DAYS} days: {t_exp:.2f} s "
        f"[{'OK' if t_exp <= 3 else 'TOO SLOW'} <= 3 s]"
    )
    t_pay, _ = best(lambda: export_payroll(ws, start, end, tmp / "payroll.xlsx"), repeat=1)
    print(f"export payroll {AGENTS} agents x {GRID_DAYS} days: {t_pay:.2f} s")
    ws.close()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"max RSS of the whole run: {rss / 1024:.0f} MB")
    return 0 if ok and t_exp <= 3 else 1


if __name__ == "__main__":
    sys.exit(main())
