"""PDF timesheets: one per employee, ready to sign.

Every number printed here is read from the payroll engine's ``EmployeePay`` (its ``days``,
``shifts``, ``minutes``, ``lines``, ``gross`` and ``rates``); this module only formats and
sums day rows into weekly subtotals. Hours of an overnight shift appear on the days the
engine put them on, and a night over a DST change shows the 7 or 9 hours it counted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO
from zoneinfo import ZoneInfo

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Spacer

from deskwfm.core.model import ShiftKind
from deskwfm.core.money import hours_text
from deskwfm.core.payroll import DayPay, EmployeePay, MinuteTotals, ShiftPay
from deskwfm.core.periods import week_start_of
from deskwfm.files.pdf_blocks import Fields, SignatureLines, TextLine
from deskwfm.files.pdf_fonts import FONT, draw_runs, fit, register_fonts, text_width
from deskwfm.files.pdf_grid import Column, Grid, GridStyle, Row, RowStyle
from deskwfm.files.pdf_layout import Frame, Stack, draw_pages, paginate

MARGIN = 36.0  # half an inch
FONT_SIZE = 8.0
GREY = colors.HexColor("#555555")
RULE = colors.HexColor("#9a9a9a")
SHADE = colors.HexColor("#eef1f5")
WEEK_SHADE = colors.HexColor("#dde3ec")
WEEKEND_SHADE = colors.HexColor("#f7f7f7")
_LEAD_COLUMNS = (Column("Date", 52), Column("Day", 24), Column("Shift", 92, wrap=True),
                 Column("Break\n(min)", 30, "right"))
_HOUR_W = 38.0
_WIDE_SHIFT_W = 114.0  # "09:00–17:00 (break 12:30)" on one line
_MIN_NOTES = 80.0
_RUNNING_HEADER = 16.0


@dataclass(frozen=True, slots=True)
class TimesheetContext:
    """What every timesheet of one print run shares."""

    site_name: str
    tz: str
    week_start: int  # date.weekday() of the first day of the work week
    currency: str = "$"
    generated: datetime | None = None  # aware; default: now in the site's zone

    def generated_text(self) -> str:
        when = self.generated or datetime.now(ZoneInfo(self.tz))
        return f"{when:%Y-%m-%d %H:%M} {when.tzname() or ''}".strip()


def money(amount: Decimal, currency: str) -> str:
    sign = "-" if amount < 0 else ""
    return f"{sign}{currency}{abs(amount):,.2f}"


def _h(minutes: int, blank_zero: bool = True) -> str:
    return "" if blank_zero and minutes == 0 else hours_text(minutes)


def _shift_text(sp: ShiftPay) -> str:
    s = sp.shift
    parts = [s.code] if s.code else []
    if s.start is not None and s.end is not None:
        times = f"{s.start:%H:%M}–{s.end:%H:%M}"
        if (s.end.hour, s.end.minute) <= (s.start.hour, s.start.minute):
            times += " +1"
        parts.append(times)
    elif not s.code:
        parts.append(s.kind.value.replace("_", " "))
    return " ".join(parts)


def _has_break_start(sp: ShiftPay) -> bool:
    return sp.shift.break_start is not None and sp.shift.break_minutes > 0


def _day_shift_text(shifts: Sequence[ShiftPay], column_width: float) -> str:
    """The day's shifts; a break with a set start is added (``09:00–17:00 (break 12:30)``,
    shorter forms if need be) only while the text stays on one line of the Shift column, so
    rows keep their height."""
    plain = ", ".join(_shift_text(sp) for sp in shifts)
    if not any(_has_break_start(sp) for sp in shifts):
        return plain
    room = column_width - 2 * GridStyle.pad
    for form in (" (break {})", " (br {})", " @{}"):
        text = ", ".join(
            _shift_text(sp) + (form.format(f"{sp.shift.break_start:%H:%M}") if _has_break_start(sp) else "")
            for sp in shifts
        )
        if text_width(text, FONT, FONT_SIZE) <= room:
            return text
    return plain


def _dst_note(day: date, zone: ZoneInfo) -> str:
    a = datetime.combine(day, datetime.min.time(), tzinfo=zone).utcoffset()
    b = datetime.combine(day + timedelta(days=1), datetime.min.time(), tzinfo=zone).utcoffset()
    if a is None or b is None or a == b:
        return ""
    return "Clocks go forward (23-hour day)" if b > a else "Clocks go back (25-hour day)"


def _day_notes(dp: DayPay, shifts: Sequence[ShiftPay], zone: ZoneInfo) -> str:
    notes = []
    if dp.holiday_name:
        notes.append(f"Holiday: {dp.holiday_name}")
    dst = _dst_note(dp.day, zone)
    if dst:
        notes.append(dst)
    notes.extend(sp.shift.note for sp in shifts if sp.shift.note)
    return " · ".join(notes)


def _minute_cells(m: MinuteTotals, dt: bool, blank_zero: bool = True) -> list[str]:
    """Paid, regular, overtime, [double time,] night, holiday worked, leave: the engine's minutes."""
    cells = [_h(m.paid, blank_zero), _h(m.regular, blank_zero), _h(m.overtime, blank_zero)]
    if dt:
        cells.append(_h(m.double_time, blank_zero))
    return [*cells, _h(m.night, blank_zero), _h(m.holiday_worked, blank_zero), _h(m.leave, blank_zero)]


def _header_block(ep: EmployeePay, ctx: TimesheetContext) -> list[Flowable]:
    e = ep.employee
    period = f"{ep.start:%Y-%m-%d} to {ep.end:%Y-%m-%d}"
    return [
        TextLine(f"Timesheet · {ctx.site_name}", 14, bold=True, space_after=4),
        Fields([("Employee", e.name, 0.38), ("Code", e.code, 0.12), ("Team", e.team or "—", 0.18),
                ("Pay period", period, 0.32)]),
        Spacer(1, 8),
    ]


def _grid_style() -> GridStyle:
    return GridStyle(
        font_size=FONT_SIZE,
        kinds={
            "weekend": RowStyle(fill=WEEKEND_SHADE),
            "week": RowStyle(bold=True, fill=WEEK_SHADE),
            "total": RowStyle(bold=True, rule_above=0.8, rule_below=0.8),
        },
    )


def _columns(width: float, dt: bool, break_starts: bool = False) -> list[Column]:
    """The day table's columns. With set break starts to show, the Shift column widens by
    what the Notes column can spare (keeping it at least ``_MIN_NOTES`` wide)."""
    hours = ["Paid h", "Reg h", "OT h", *(["DT h"] if dt else []), "Night h", "Holiday h", "Leave h"]
    lead = list(_LEAD_COLUMNS)
    cols = [*lead, *(Column(t, _HOUR_W + (4 if t == "Holiday h" else 0), "right") for t in hours)]
    notes = width - sum(c.width for c in cols)
    if break_starts:
        extra = max(0.0, min(_WIDE_SHIFT_W - lead[2].width, notes - _MIN_NOTES))
        cols[2] = replace(lead[2], width=lead[2].width + extra)
        notes -= extra
    return [*cols, Column("Notes", notes, wrap=True)]


def _day_table(ep: EmployeePay, ctx: TimesheetContext, width: float) -> Grid:
    zone = ZoneInfo(ctx.tz)
    dt = ep.minutes.double_time > 0
    columns = _columns(width, dt, any(_has_break_start(sp) for sp in ep.shifts))
    by_date: dict[date, list[ShiftPay]] = defaultdict(list)
    overnight_from: dict[date, str] = {}
    for sp in ep.shifts:
        s = sp.shift
        by_date[s.work_date].append(sp)
        if s.start is not None and s.end is not None and s.end <= s.start:
            overnight_from[s.work_date + timedelta(days=1)] = f"{s.work_date:%a}"

    rows: list[Row] = []
    week_key: date | None = None
    week_total = MinuteTotals()
    week_first = ep.start

    def close_week() -> None:
        if week_key is not None:
            label = f"Week from {week_first:%a %Y-%m-%d}"
            rows.append(Row("week", (label, "", "", "", *_minute_cells(week_total, dt, False), ""), span=4))

    for dp in ep.days:
        key = week_start_of(dp.day, ctx.week_start)
        if key != week_key:
            close_week()
            week_key, week_first, week_total = key, dp.day, MinuteTotals()
        week_total = week_total + dp.minutes
        shifts = by_date.get(dp.day, [])
        shift_text = _day_shift_text(shifts, columns[2].width)
        if not shift_text and dp.minutes.paid and dp.day in overnight_from:
            shift_text = f"(night shift from {overnight_from[dp.day]})"
        brk = sum(sp.shift.break_minutes for sp in shifts if sp.shift.kind is ShiftKind.WORK)
        rows.append(Row(
            "weekend" if dp.day.weekday() >= 5 else "day",
            (f"{dp.day:%Y-%m-%d}", f"{dp.day:%a}", shift_text, str(brk) if brk else "",
             *_minute_cells(dp.minutes, dt), _day_notes(dp, shifts, zone)),
        ))
    close_week()
    rows.append(Row("total", ("Period total", "", "", "", *_minute_cells(ep.minutes, dt, False), ""), span=4))
    return Grid(columns, rows, _grid_style())


def _rates_text(ep: EmployeePay, ctx: TimesheetContext) -> str:
    rates = sorted(ep.rates, key=lambda r: r.effective_from)
    if not rates:
        return "Rate in force: none on file"
    if len(rates) == 1:
        r = rates[0]
        return f"Rate in force: {money(r.hourly, ctx.currency)}/h (from {r.effective_from:%Y-%m-%d})"
    parts = [f"{money(r.hourly, ctx.currency)}/h from {r.effective_from:%Y-%m-%d}" for r in rates]
    return "Rates in force: " + "; ".join(parts)


def _pay_block(ep: EmployeePay, ctx: TimesheetContext, width: float) -> list[Flowable]:
    cur = ctx.currency
    rows = [
        Row("line", (ln.description, hours_text(ln.minutes) if ln.minutes else "",
                     f"{money(ln.rate, cur)}/h" if ln.rate else "", money(ln.amount, cur)))
        for ln in ep.lines
    ]
    rows.append(Row("gross", ("Gross pay", "", "", money(ep.gross, cur))))
    cols = [Column("Pay", width - 200, wrap=True), Column("Hours", 50, "right"), Column("Rate", 70, "right"),
            Column("Amount", 80, "right")]
    style = GridStyle(font_size=FONT_SIZE, kinds={"gross": RowStyle(bold=True, rule_above=0.8)})
    return [
        Spacer(1, 8),
        TextLine(_rates_text(ep, ctx), FONT_SIZE, space_after=3),
        Grid(cols, rows, style),
    ]


def timesheet_story(ep: EmployeePay, ctx: TimesheetContext, width: float) -> list[Flowable]:
    """The flowables of one employee's timesheet."""
    return [
        *_header_block(ep, ctx),
        _day_table(ep, ctx, width),
        Stack([*_pay_block(ep, ctx, width), SignatureLines()]),
    ]


class TimesheetWriter:
    """Write timesheets one employee at a time into one PDF (each starts on a new page).

    Use as a context manager; ``add`` returns the number of pages that employee took.
    The file is complete only after ``close`` (callers write to a temp file and rename).
    """

    def __init__(self, target: str | Path | BinaryIO, ctx: TimesheetContext,
                 pagesize: tuple[float, float] = LETTER, title: str = "Timesheets") -> None:
        register_fonts()
        rl_config.useA85 = 0  # binary (zlib) streams: ASCII85 would cost a third of the run time
        self.ctx = ctx
        self.pagesize = pagesize
        w, h = pagesize
        self.frame = Frame(MARGIN, MARGIN + 10, w - 2 * MARGIN, h - 2 * MARGIN - 10)
        self.canvas = Canvas(str(target) if isinstance(target, Path) else target, pagesize=pagesize,
                             pageCompression=1)
        self.canvas.setTitle(title)
        self.canvas.setAuthor(ctx.site_name)
        self.canvas.setCreator("deskwfm")
        self.generated = ctx.generated_text()
        self.pages = 0
        self.count = 0

    def add(self, ep: EmployeePay) -> int:
        story = timesheet_story(ep, self.ctx, self.frame.width)
        pages = paginate(story, self.frame, first_top_skip=_RUNNING_HEADER)
        e = ep.employee
        heading = f"{e.name} ({e.code}) · {ep.start:%Y-%m-%d} – {ep.end:%Y-%m-%d} · continued"

        def decorate(c: Canvas, page: int, total: int) -> None:
            w, _ = self.pagesize
            c.setFillColor(GREY)
            if page > 1:
                text, size = fit(heading, FONT, 8, self.frame.width)
                draw_runs(c, MARGIN, self.frame.y + self.frame.height - 9, text, FONT, size)
            c.setFont(FONT, 7)
            stamp = f"{self.ctx.site_name} · generated {self.generated}"
            left, size = fit(stamp, FONT, 7, self.frame.width - 90)
            draw_runs(c, MARGIN, MARGIN - 4, left, FONT, size)
            c.setFont(FONT, 7)
            c.drawRightString(w - MARGIN, MARGIN - 4, f"Page {page} of {total}")
            c.setFillColor(colors.black)

        draw_pages(self.canvas, pages, self.frame, decorate)
        self.pages += len(pages)
        self.count += 1
        return len(pages)

    def close(self) -> None:
        if self.count == 0:  # an empty PDF is not a valid document: say so on its one page
            self.canvas.setFont(FONT, 10)
            self.canvas.drawString(MARGIN, self.pagesize[1] - MARGIN - 10, "No employees to print.")
            self.canvas.showPage()
        self.canvas.save()

    def __enter__(self) -> TimesheetWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            self.close()
