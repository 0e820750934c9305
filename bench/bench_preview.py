"""Benchmark: the print preview of a 500-timesheet run, beside rendering every page up front.

The preview opens the PDF, lays out every page from its size and renders only the pages on
screen, one per turn of the event loop. The baseline renders every page first (what a
preview that is not lazy must do before it can show page 1). Printing renders each page at
up to 300 dpi, one per turn of the event loop: its per-page figure is how long one turn lasts.

    python bench/bench_preview.py [N]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.files.test_pdf_timesheet import ctx, make_pay  # noqa: E402

from deskwfm.files.pdf_render import PdfPages  # noqa: E402
from deskwfm.files.pdf_timesheet import TimesheetWriter  # noqa: E402

PREVIEW_PX = 800  # a page at fit width in a 1,100-pixel dialog


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    pay = make_pay(night=True)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "run.pdf"
        t = time.perf_counter()
        with TimesheetWriter(pdf, ctx()) as w:
            for _ in range(n):
                w.add(pay)
        written = time.perf_counter() - t

        t = time.perf_counter()
        pages = PdfPages(pdf)
        opened = time.perf_counter() - t
        t = time.perf_counter()
        pages.render(0, PREVIEW_PX)
        first = time.perf_counter() - t
        t = time.perf_counter()
        pages.render(n // 2, round(612 / 72 * 300))
        print_page = time.perf_counter() - t

        t = time.perf_counter()
        for i in range(pages.count):
            pages.render(i, PREVIEW_PX)
        every = time.perf_counter() - t
        pages.close()
    print(f"{n} timesheets written (worker thread, with progress): {written:.2f} s")
    print(f"preview: open + lay out {n} pages {opened * 1000:.0f} ms, first page rendered "
          f"{first * 1000:.0f} ms -> page 1 on screen after {(opened + first) * 1000:.0f} ms")
    print(f"baseline, every page rendered before showing any: {every:.2f} s "
          f"({every / n * 1000:.1f} ms a page)")
    print(f"printing: one page at 300 dpi {print_page * 1000:.0f} ms (one event-loop turn)")


if __name__ == "__main__":
    main()
