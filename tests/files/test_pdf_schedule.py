"""Schedule wall chart: landscape, teams, head counts, colours, Unicode, long ranges."""

from __future__ import annotations

import io
from datetime import date, time, timedelta

import pypdf

from deskwfm.core.model import Employee, Shift, ShiftCode, ShiftKind
from deskwfm.core.site import SiteSettings
from deskwfm.files.pdf_schedule import cell_text, day_blocks, write_schedule_chart

CODES = {
    "D": ShiftCode("D", ShiftKind.WORK, time(8), time(16), 30, "#c6e0b4", "Day"),
    "VAC": ShiftCode("VAC", ShiftKind.PAID_LEAVE, time(9), time(17), 0, "#f8cbad", "Vacation"),
}
EMPS = [Employee("AG1", "Zoë Côté", "Blue"), Employee("AG2", "王芳", "Blue"),
        Employee("AG3", '<img src="/etc/passwd">', "Green")]


def chart(start: date, end: date, shifts: list[Shift]) -> tuple[bytes, int]:
    buf = io.BytesIO()
    hol = {date(2026, 10, 12): "Thanksgiving"}
    n = write_schedule_chart(buf, SiteSettings(name="Site"), EMPS, CODES, shifts, hol, start, end)
    return buf.getvalue(), n


def test_chart_rows_counts_and_legend() -> None:
    d = date(2026, 10, 5)
    shifts = [Shift("AG1", d, time(8), time(16), 30, "D"), Shift("AG2", d, time(9, 30), time(17, 30), 30),
              Shift("AG3", d, time(9), time(17), 0, "VAC", ShiftKind.PAID_LEAVE)]
    pdf, pages = chart(date(2026, 10, 1), date(2026, 10, 31), shifts)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert pages == len(reader.pages) == 1
    page = reader.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)
    text = page.extract_text()
    for s in ("Zoë Côté", "王芳", '<img src="/etc/passwd">', "Blue (2)", "Green (1)", "Vacation 09:00–17:00",
              "Thanksgiving"):
        assert s in text
    on_shift = [line for line in text.splitlines() if line.startswith("On shift")]
    assert on_shift[0].split()[-1] == "2" and on_shift[1].split()[-1] == "0"  # leave is not on shift
    assert b"/Subtype /Image" not in pdf and b"/XObject" not in pdf


def test_cell_text() -> None:
    assert cell_text(Shift("A", date(2026, 1, 1), time(8), time(16), code="D")) == "D"
    assert cell_text(Shift("A", date(2026, 1, 1), time(9, 30), time(17, 30))) == "9:30–\n17:30"


def test_long_ranges_split_into_even_blocks_of_at_most_a_month() -> None:
    days = [date(2026, 1, 1) + timedelta(days=i) for i in range(45)]
    blocks = day_blocks(days)
    assert [len(b) for b in blocks] == [23, 22]
    pdf, pages = chart(days[0], days[-1], [])
    assert pages == 2
