"""PDF timesheets: Unicode names, escaping, engine numbers, page fitting, DST/overnight days."""

from __future__ import annotations

import io
import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pypdf

from deskwfm.core.holidays import holidays_between
from deskwfm.core.model import Employee, PayRate, Shift, ShiftKind
from deskwfm.core.money import hours_text
from deskwfm.core.payroll import EmployeePay, compute_employee
from deskwfm.core.site import SiteSettings
from deskwfm.files.pdf_fonts import FONT_CJK, markup
from deskwfm.files.pdf_timesheet import TimesheetContext, TimesheetWriter, money
from tests.files.pdf_words import page_words, shift_table

SITE = SiteSettings(name="Northside Contact Centre")
GENERATED = datetime(2026, 11, 2, 9, 30, tzinfo=ZoneInfo("America/Toronto"))


def make_pay(code: str = "AG001", name: str = "Zoë Côté", team: str = "Blue", start: date = date(2026, 10, 1),
             end: date = date(2026, 10, 31), note: str = "", night: bool = False) -> EmployeePay:
    """A month of weekday shifts priced by the real payroll engine (Ontario rules)."""
    shifts = []
    d = start - timedelta(days=40)
    while d <= end:
        if d.weekday() < 5:
            if d.day == 13:
                shifts.append(Shift(code, d, time(9), time(17), 0, "VAC", ShiftKind.PAID_LEAVE))
            elif night and d.weekday() >= 3:
                shifts.append(Shift(code, d, time(22), time(6, 30), 30, "N"))
            else:
                shifts.append(Shift(code, d, time(9), time(19) if d.day % 7 == 0 else time(17, 30), 30,
                                    note=note if d.day == 2 else ""))
        d += timedelta(days=1)
    rates = [PayRate(code, date(2025, 1, 1), Decimal("22.50")),
             PayRate(code, date(2026, 10, 16), Decimal("23.10"))]
    hol = holidays_between("CA-ON", start - timedelta(days=60), end)
    return compute_employee(SITE, Employee(code, name, team), rates, shifts, start, end, hol)


def ctx() -> TimesheetContext:
    return TimesheetContext(SITE.name, SITE.tz, SITE.week_start, "$", GENERATED)


def render(*pays: EmployeePay) -> bytes:
    buf = io.BytesIO()
    with TimesheetWriter(buf, ctx()) as w:
        for ep in pays:
            w.add(ep)
    return buf.getvalue()


def pages_text(pdf: bytes) -> list[str]:
    return [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def test_unicode_names_print_as_text() -> None:
    names = ["Zoë Côté", "Nguyễn Thị Hương", "王芳"]
    pdf = render(*(make_pay(f"AG{i}", n) for i, n in enumerate(names)))
    texts = pages_text(pdf)
    assert len(texts) == 3  # each employee on their own page
    for name, text in zip(names, texts, strict=True):
        assert name in text
    assert FONT_CJK.encode() in pdf  # the CJK run used the bundled fallback font


def test_markup_escapes_user_text_and_wraps_cjk() -> None:
    assert markup('<img src="/etc/passwd"> & Co') == '&lt;img src="/etc/passwd"&gt; &amp; Co'
    assert markup("王芳 Lee") == f'<font name="{FONT_CJK}">王芳</font> Lee'


def test_note_with_markup_prints_as_text_and_embeds_nothing() -> None:
    note = '<img src="/etc/passwd"> call back'
    pdf = render(make_pay(note=note))
    text = pages_text(pdf)[0]
    assert '<img src="/etc/passwd">' in text.replace("\n", " ")
    assert b"/Subtype /Image" not in pdf and b"/XObject" not in pdf
    assert b"root:" not in pdf


def test_totals_and_pay_lines_are_the_engines(tmp_path: Path) -> None:
    ep = make_pay(night=True)
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(render(ep))
    [words] = page_words(pdf)
    headings, rows = shift_table(words)
    total = rows[-1]
    assert total.label == "Period total"
    m = ep.minutes
    expected = {"Reg h": m.regular, "OT h": m.overtime, "Holiday h": m.holiday_worked, "Worked h": m.paid,
                "Leave h": m.leave, "Paid h": m.paid + m.leave, "Night h": m.night}
    assert headings == list(expected)  # no double time under Ontario rules
    assert {h: total.get(h) for h in headings} == {h: hours_text(v) for h, v in expected.items()}
    text = pages_text(render(ep))[0]
    for ln in ep.lines:
        assert money(ln.amount, "$") in text
    assert f"Gross pay {money(ep.gross, '$')}" in text
    assert "$22.50/h from 2025-01-01; $23.10/h from 2026-10-16" in text


def test_each_shift_row_shows_what_the_engine_counted_for_that_shift(tmp_path: Path) -> None:
    ep = make_pay(night=True)
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(render(ep))
    [words] = page_words(pdf)
    _, rows = shift_table(words)
    dated = {r.get("Date")[4:]: r for r in rows if re.match(r"\w{3} \d{4}-\d\d-\d\d$", r.get("Date"))}
    assert len(dated) == 31  # every day of the month is listed, worked or not
    for sp in ep.shifts:
        row = dated[sp.shift.work_date.isoformat()]
        assert row.get("Paid h") == hours_text(sp.minutes.paid + sp.minutes.leave)
    # the Thursday night shift's 8 h are on its row; the note says 2 h fall on Thu, 6 h on Fri
    thu = dated["2026-10-01"]
    cells = [thu.get(h) for h in ("Shift", "Break min", "Reg h", "Night h", "Notes")]
    assert cells == ["N 22:00–06:30 +1", "30", "8.00", "7.50", "Thu 2.00 h, Fri 6.00 h"]
    assert dated["2026-10-03"].get("Worked h") == ""  # Saturday: hours of Friday's night shift are on its row


def test_night_shift_over_fall_back_shows_nine_hours(tmp_path: Path) -> None:
    tz = SITE.tz
    start, end = date(2026, 10, 25), date(2026, 11, 7)
    shifts = [Shift("N1", date(2026, 10, 31), time(22), time(6), 0, "N")]
    ep = compute_employee(SITE, Employee("N1", "Night Owl"), [PayRate("N1", date(2026, 1, 1), Decimal(20))],
                          shifts, start, end, holidays_between("CA-ON", start - timedelta(days=60), end))
    assert ep.minutes.paid == 9 * 60 and tz == "America/Toronto"
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(render(ep))
    [words] = page_words(pdf)
    _, rows = shift_table(words)
    sat = next(r for r in rows if r.get("Date") == "Sat 2026-10-31")
    assert (sat.get("Worked h"), sat.get("Notes")) == ("2.00", "+ Sun 7.00 h (next week)")
    sun = next(r for r in rows if r.get("Date") == "Sun 2026-11-01")  # hours after midnight: a new week
    assert (sun.get("Shift"), sun.get("Worked h")) == ("↳ N 22:00–06:00 +1", "7.00")
    assert sun.get("Notes") == "Clocks go back (25-hour day) · carried from Sat (previous week)"
    assert rows[-1].get("Worked h") == "9.00"


def test_31_day_month_and_long_name_fit_one_page() -> None:
    long_name = "Bartholomew Alexander Montgomery-Fitzwilliam de la Cruz y Hernández"
    texts = pages_text(render(make_pay(name=long_name, night=True)))
    assert len(texts) == 1
    assert "Page 1 of 1" in texts[0]
    assert long_name in " ".join(texts[0].splitlines())
    assert "Employee signature" in texts[0] and "Supervisor signature" in texts[0]


def test_long_period_flows_onto_more_pages_numbered_per_employee() -> None:
    quarter = make_pay(start=date(2026, 7, 1), end=date(2026, 9, 30))
    month = make_pay(code="AG2", name="Ana Li")
    texts = pages_text(render(quarter, month))
    n = len(texts) - 1
    assert n >= 2
    for i in range(n):
        assert f"Page {i + 1} of {n}" in texts[i]
        if re.search(r"^\w{3} \d{4}-\d\d-\d\d", texts[i], re.M):
            assert "Date Shift" in texts[i]  # the column headings repeat
    assert "continued" in texts[1]
    assert "Page 1 of 1" in texts[-1] and "Ana Li" in texts[-1]
    assert "Period total" not in texts[0] and "Gross pay" in texts[n - 1]


def test_generated_time_and_site_on_every_page() -> None:
    text = pages_text(render(make_pay()))[0]
    assert "Northside Contact Centre · generated 2026-11-02 09:30 EST" in text


def test_break_start_prints_in_the_break_column_on_one_page(tmp_path: Path) -> None:
    start, end = date(2026, 10, 1), date(2026, 10, 31)
    shifts = []
    d = start - timedelta(days=40)
    while d <= end:
        if d.weekday() < 5:
            at = time(12, 30) if d.weekday() % 2 else None  # staggered on some days, centred on others
            shifts.append(Shift("AG001", d, time(9), time(17), 30, break_start=at))
        if d.weekday() == 5:
            shifts.append(Shift("AG001", d, time(22), time(6, 30), 45, "N", break_start=time(2)))
        d += timedelta(days=1)
    rates = [PayRate("AG001", date(2025, 1, 1), Decimal("22.50"))]
    ep = compute_employee(SITE, Employee("AG001", "Zoë Côté"), rates, shifts, start, end, {})
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(render(ep))
    [words] = page_words(pdf)  # still one page
    _, rows = shift_table(words)
    by_date = {r.get("Date"): r for r in rows}
    assert by_date["Tue 2026-10-06"].get("Break min") == "30 @12:30"
    assert by_date["Sat 2026-10-03"].get("Break min") == "45 @02:00"
    assert by_date["Wed 2026-10-07"].get("Break min") == "30"  # centred: no start to show


def test_paid_breaks_are_in_the_shift_rows_notes_and_still_paid(tmp_path: Path) -> None:
    """Issue 15: a shift's paid breaks (2 x 15 min) are paid time, and the timesheet says where
    they fell - the default places them mid-morning and mid-afternoon, a set start where typed."""
    day, other = date(2026, 10, 5), date(2026, 10, 6)
    shifts = [Shift("PB", day, time(9), time(17, 30), 30, "D", paid_breaks=2, paid_break_minutes=15),
              Shift("PB", other, time(9), time(17, 30), 30, "D", paid_breaks=2, paid_break_minutes=15,
                    paid_break_starts=(time(10), time(15)))]
    ep = compute_employee(SITE, Employee("PB", "Pat Break"), [PayRate("PB", date(2026, 1, 1), Decimal(20))],
                          shifts, date(2026, 10, 4), date(2026, 10, 10), {})
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(render(ep))
    [words] = page_words(pdf)
    _, rows = shift_table(words)
    dated = {r.get("Date")[4:]: r for r in rows if re.match(r"\w{3} \d{4}-\d\d-\d\d$", r.get("Date"))}
    assert dated["2026-10-05"].get("Paid h") == "8.00"  # 8.5 h less the unpaid 30 min only
    # 8 h worked around the centred 13:00-13:30 lunch: breaks centred 2 h and 6 h in (11:00, 15:30),
    # starting 7.5 min earlier, rounded to 5 minutes (core.breaks)
    assert dated["2026-10-05"].get("Notes") == "2 paid breaks of 15 min at 10:55, 15:25"
    assert dated["2026-10-06"].get("Notes") == "2 paid breaks of 15 min at 10:00, 15:00"
    assert dated["2026-10-07"].get("Notes") == ""
