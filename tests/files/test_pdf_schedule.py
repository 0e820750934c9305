"""Schedule wall chart: landscape, teams, head counts, colours, Unicode, long ranges."""

from __future__ import annotations

import io
from dataclasses import replace
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


def test_coverage_pages_follow_the_grid_one_per_work_week_with_each_days_figures() -> None:
    """Issue 15: the printed schedule ends with the coverage chart - a page per work week with a
    forecast, each day's agent-intervals short and over and service level in its heading, a day
    without forecast said so, and the paid breaks off the phones as in the grid."""
    from deskwfm.core.coverage import staffing_report
    from deskwfm.core.forecast import ForecastInterval
    from deskwfm.core.service_level import figures
    from deskwfm.files.pdf_coverage import CoverageInput

    site = SiteSettings(name="Site")
    sun, sat = date(2026, 10, 4), date(2026, 10, 10)  # a work week (weeks start on Sunday)
    days = [sun + timedelta(days=k) for k in range(7)]
    forecast = [ForecastInterval(d, m, 3, 300) for d in days[:6] for m in range(540, 1020, 30)]  # no Sat
    shifts = [Shift("AG1", d, time(8), time(16), 30, "D", paid_breaks=2, paid_break_minutes=15) for d in days]
    staffing = staffing_report(site.tz, site.staffing, days, forecast, shifts)
    buf = io.BytesIO()
    pages = write_schedule_chart(buf, site, EMPS, CODES, shifts, {}, sun, sat,
                                 coverage=CoverageInput(staffing, site.staffing, site.week_start))
    texts = [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(buf.getvalue())).pages]
    assert pages == len(texts) == 2 and "Coverage" not in texts[0]
    page = texts[1]
    assert "Coverage Sun 2026-10-04 to Sat 2026-10-10" in page
    mon = figures(staffing[1].intervals, site.staffing)
    plain = [replace(s, paid_breaks=0, paid_break_minutes=0) for s in shifts]
    no_breaks = staffing_report(site.tz, site.staffing, days, forecast, plain)
    without = figures(no_breaks[1].intervals, site.staffing)
    assert mon.agent_intervals_short > without.agent_intervals_short > 0  # the paid breaks are off the phones
    assert f"Mon 2026-10-05 · short {mon.agent_intervals_short:g} · over 0 agent-intervals" in page
    assert "Sat 2026-10-10 No call forecast for this day" in page
    # without a forecast in the range: no coverage page at all
    empty = CoverageInput(staffing_report(site.tz, site.staffing, days, [], shifts), site.staffing, 6)
    assert write_schedule_chart(io.BytesIO(), site, EMPS, CODES, shifts, {}, sun, sat, coverage=empty) == 1
