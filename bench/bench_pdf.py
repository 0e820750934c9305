"""Benchmark: 1,000 one-page timesheets into one PDF, beside a bare reportlab loop.

The bare loop draws the same day table (the same strings, rules and fonts) with plain
``canvas.drawString`` calls and nothing else: no header, pay block, layout or page numbers.
Memory: peak traced allocations for 250 and 1,000 timesheets (flat = the per-employee work
is freed; what grows is reportlab's compressed page streams, a few KB a page, kept until save).

    python bench/bench_pdf.py [N]
"""

from __future__ import annotations

import io
import sys
import time
import tracemalloc
from pathlib import Path

from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen.canvas import Canvas

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.files.test_pdf_timesheet import ctx, make_pay  # noqa: E402

from deskwfm.files.pdf_fonts import FONT, FONT_BOLD, register_fonts  # noqa: E402
from deskwfm.files.pdf_grid import Grid  # noqa: E402
from deskwfm.files.pdf_timesheet import TimesheetWriter, timesheet_story  # noqa: E402


def timesheets(n: int, pay: object) -> tuple[float, int]:
    buf = io.BytesIO()
    t = time.perf_counter()
    with TimesheetWriter(buf, ctx()) as w:
        for _ in range(n):
            w.add(pay)  # type: ignore[arg-type]
    return time.perf_counter() - t, len(buf.getvalue())


def bare_loop(n: int, grid: Grid) -> tuple[float, int]:
    buf = io.BytesIO()
    xs = [36.0]
    for col in grid.columns:
        xs.append(xs[-1] + col.width)
    t = time.perf_counter()
    c = Canvas(buf, pagesize=LETTER, pageCompression=1)
    for _ in range(n):
        y = 700.0
        c.setFont(FONT_BOLD, 7)
        for x, col in zip(xs, grid.columns, strict=False):
            c.drawString(x + 3, y, col.title.replace("\n", " "))
        for row in grid.rows:
            y -= 11.6
            c.setFont(FONT_BOLD if row.kind in ("week", "total") else FONT, 8)
            for x, col, text in zip(xs, grid.columns, row.cells, strict=False):
                if text:
                    if col.align == "right":
                        c.drawRightString(x + col.width - 3, y, text)
                    else:
                        c.drawString(x + 3, y, text)
            c.line(36, y - 3, xs[-1], y - 3)
        c.showPage()
    c.save()
    return time.perf_counter() - t, len(buf.getvalue())


def peak_mb(n: int, pay: object) -> float:
    tracemalloc.start()
    timesheets(n, pay)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    register_fonts()
    pay = make_pay(night=True)  # a 31-day month with overnight shifts, a holiday and leave
    pay.days, pay.shifts  # noqa: B018  (the engine's lazy breakdowns, computed once)
    grid = next(f for f in timesheet_story(pay, ctx(), 540.0) if isinstance(f, Grid))
    timesheets(20, pay)  # warm up font subsets and caches
    t_ts, size_ts = timesheets(n, pay)
    t_bare, size_bare = bare_loop(n, grid)
    print(f"{n} timesheets (31 days, one page each): {t_ts:.2f} s  ({t_ts / n * 1000:.2f} ms each), "
          f"{size_ts / 2**20:.1f} MB PDF   [target <= 5 s]")
    print(f"bare reportlab loop, same day table:  {t_bare:.2f} s  ({t_bare / n * 1000:.2f} ms each), "
          f"{size_bare / 2**20:.1f} MB PDF")
    print(f"ratio: {t_ts / t_bare:.2f}x the bare loop")
    small, big = peak_mb(n // 4, pay), peak_mb(n, pay)
    print(f"peak traced memory: {small:.1f} MB for {n // 4}, {big:.1f} MB for {n} "
          f"({(big - small) / (n - n // 4) * 1024:.1f} KB per extra timesheet: the finished page streams)")


if __name__ == "__main__":
    main()
