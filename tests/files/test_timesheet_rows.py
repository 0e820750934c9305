"""Timesheet rows match the shift printed on them, and rows, weeks and the period add up.

Read back from the real PDF (pdftotext word boxes, tests/files/pdf_words.py), as the employee
who signs it would read it. The night worker below is the one of issue 11: a Wednesday day
shift right after a Tuesday night (16 h on the Wednesday, 10 h of them this shift's), a
Saturday night carried in from the previous period, one crossing into the next week and one
crossing the period's end.
"""

from __future__ import annotations

import re
from datetime import date, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from deskwfm.core.holidays import holidays_between
from deskwfm.core.model import Employee, PayRate, Shift, ShiftKind
from deskwfm.core.payroll import EmployeePay, compute_employee
from deskwfm.core.site import SiteSettings
from deskwfm.files.pdf_timesheet import TimesheetContext, TimesheetWriter
from tests.files.pdf_words import TableRow, page_text, page_words, shift_table

SITE = SiteSettings(name="Northside")  # Ontario rules, weeks from Sunday, biweekly from 2026-01-04
START, END = date(2026, 11, 22), date(2026, 12, 5)  # a pay period of SITE


def night(d: date) -> Shift:
    return Shift("AG9", d, time(22), time(6, 30), 30, "N")


def night_worker(start: date = START, end: date = END) -> EmployeePay:
    d = date(2026, 11, 21)
    shifts = [night(d + timedelta(days=i)) for i in (0, 1, 2, 3, 5, 7, 10, 11, 12, 13, 14)]
    shifts.append(Shift("AG9", date(2026, 11, 25), time(8), time(19), 60))  # right after Tuesday night
    shifts.append(Shift("AG9", date(2026, 11, 30), time(9), time(17), 0, "VAC", ShiftKind.PAID_LEAVE))
    rates = [PayRate("AG9", date(2020, 1, 1), Decimal("23.75"))]
    return compute_employee(SITE, Employee("AG9", "Bushra Qureshi", "Overnight"), rates, shifts, start, end,
                            holidays_between("CA-ON", start - timedelta(days=60), end))


def write(tmp_path: Path, ep: EmployeePay, pay_period: bool = True) -> Path:
    target = tmp_path / "ts.pdf"
    ctx = TimesheetContext(SITE.name, SITE.tz, SITE.week_start, "$", pay_period=pay_period)
    with TimesheetWriter(target, ctx) as w:
        w.add(ep)
    return target


def table(pdf: Path) -> tuple[list[str], list[TableRow]]:
    [words] = page_words(pdf)
    return shift_table(words)


def rows_on(rows: list[TableRow], day: str) -> list[TableRow]:
    """The rows listed under ``day`` (only the first row of a day repeats no date)."""
    out: list[TableRow] = []
    for r in rows:
        if re.fullmatch(r"\w{3} " + day, r.get("Date")) or out and not r.get("Date"):
            out.append(r)
        elif out:
            break
    return out


def test_each_row_shows_its_own_shifts_hours(tmp_path: Path) -> None:
    _, rows = table(write(tmp_path, night_worker()))
    [tuesday] = rows_on(rows, "2026-11-24")
    [wednesday] = rows_on(rows, "2026-11-25")
    [thursday] = rows_on(rows, "2026-11-26")
    assert (tuesday.get("Shift"), tuesday.get("Worked h"), tuesday.get("Notes")) == (
        "N 22:00–06:30 +1", "8.00", "Tue 2.00 h, Wed 6.00 h")
    # 16 h were worked on the Wednesday; 10 h of them are this shift's
    cells = (wednesday.get("Shift"), wednesday.get("Worked h"), wednesday.get("Notes"))
    assert cells == ("08:00–19:00", "10.00", "")
    assert (thursday.get("Worked h"), thursday.get("Notes")) == ("8.00", "Thu 2.00 h, Fri 6.00 h")


def test_hours_on_another_week_or_period_are_shown_where_they_count(tmp_path: Path) -> None:
    _, rows = table(write(tmp_path, night_worker()))
    carried_in, own = rows_on(rows, "2026-11-22")
    assert carried_in.get("Shift").startswith("↳ N 22:00–06:30")
    assert (carried_in.get("Worked h"), carried_in.get("Notes")) == (
        "6.00", "carried from Sat 2026-11-21 (previous period)")
    assert own.get("Worked h") == "8.00"
    [saturday] = rows_on(rows, "2026-11-28")
    assert (saturday.get("Worked h"), saturday.get("Notes")) == ("2.00", "+ Sun 6.00 h (next week)")
    [carried] = rows_on(rows, "2026-11-29")
    assert carried.get("Shift").startswith("↳ N 22:00–06:30")
    assert (carried.get("Worked h"), carried.get("Notes")) == ("6.00", "carried from Sat (previous week)")
    [last] = rows_on(rows, "2026-12-05")
    assert (last.get("Worked h"), last.get("Notes")) == ("2.00", "+ Sun 2026-12-06 6.00 h (next period)")


def test_rows_add_up_to_weeks_and_weeks_to_the_period(tmp_path: Path) -> None:
    ep = night_worker()
    headings, rows = table(write(tmp_path, ep))
    assert headings == ["Reg h", "OT h", "Worked h", "Leave h", "Paid h", "Night h"]
    weeks: list[TableRow] = []
    since: list[TableRow] = []
    for r in rows:
        if r.label.startswith("Week "):
            for h in headings:
                assert r.hours(h) == sum(x.hours(h) for x in since), (r.label, h)
            weeks.append(r)
            since = []
        elif r.label == "Period total":
            for h in headings:
                assert r.hours(h) == sum(w.hours(h) for w in weeks), h
            total = r
        else:
            assert r.hours("Worked h") == r.hours("Reg h") + r.hours("OT h"), r.cells
            assert r.hours("Paid h") == r.hours("Worked h") + r.hours("Leave h"), r.cells
            since.append(r)
    assert len(weeks) == 2
    m = ep.minutes
    assert (total.hours("Worked h"), total.hours("Leave h"), total.hours("Paid h"), total.hours("OT h")) == (
        m.paid / 60, m.leave / 60, (m.paid + m.leave) / 60, m.overtime / 60)
    [leave] = rows_on(rows, "2026-11-30")[:1]
    assert (leave.get("Shift"), leave.get("Worked h"), leave.get("Leave h"), leave.get("Paid h")) == (
        "VAC 09:00–17:00", "", "8.00", "8.00")


def test_every_pay_line_multiplies_out_on_paper(tmp_path: Path) -> None:
    [words] = page_words(write(tmp_path, night_worker()))
    text = page_text(words)
    line = r"(Regular|Overtime|Paid leave|Night premium) ([\d.]+) × \$([\d.]+)/h = \$([\d,.]+)"
    lines = re.findall(line, text)
    assert {c for c, *_ in lines} == {"Regular", "Overtime", "Paid leave"}
    overtime = next(x for x in lines if x[0] == "Overtime")
    assert overtime[2] == "35.625"  # 1.5 × $23.75, printed at the precision used
    for _cat, hours, rate, amount in lines:
        product = (Decimal(hours) * Decimal(rate)).quantize(Decimal("0.01"), ROUND_HALF_UP)
        assert product == Decimal(amount.replace(",", "")), (hours, rate, amount)


def test_holiday_hours_after_midnight_are_named_on_the_row(tmp_path: Path) -> None:
    start, end = date(2026, 12, 20), date(2027, 1, 2)
    ep = night_worker(start, end)
    shifts = [night(date(2026, 12, 24)), Shift("AG9", date(2026, 12, 21), time(9), time(17), 0)]
    ep = compute_employee(SITE, ep.employee, ep.rates, shifts, start, end,
                          holidays_between("CA-ON", start - timedelta(days=60), end))
    headings, rows = table(write(tmp_path, ep))
    assert "Holiday h" in headings
    [eve] = rows_on(rows, "2026-12-24")
    assert (eve.get("Reg h"), eve.get("Holiday h"), eve.get("Worked h")) == ("2.00", "6.00", "8.00")
    assert eve.get("Notes") == "Thu 2.00 h, Fri 6.00 h (Christmas Day)"
    [christmas] = rows_on(rows, "2026-12-25")
    assert christmas.get("Notes") == "Holiday: Christmas Day"


def test_a_range_that_is_not_a_pay_period_says_so(tmp_path: Path) -> None:
    ep = night_worker(START, date(2026, 11, 28))
    pdf = write(tmp_path, ep, pay_period=False)
    [words] = page_words(pdf)
    text = page_text(words)
    assert "Date range" in text
    assert "2026-11-22 to 2026-11-28 (not a pay period)" in " ".join(text.split())  # wraps in its field
    assert "Pay period" not in text
    _, rows = table(pdf)
    assert rows_on(rows, "2026-11-22")[0].get("Notes") == "carried from Sat 2026-11-21 (before this range)"
    assert rows_on(rows, "2026-11-28")[0].get("Notes") == "+ Sun 2026-11-29 6.00 h (after this range)"
    assert rows[-1].label == "Total"
