"""The timesheet's shift table: one row per shift with that shift's own hours.

Rows come from ``core.timesheet`` (one per shift, a carried row where a shift's hours fall in
another work week, every day of the range listed); this module only lays them out. Each row,
each week subtotal and the total add up on paper: a week's subtotal is the sum of the rows
printed above it, and where a shift's hours fall on another day, week or period the Notes
column says so ("Tue 2.00 h, Wed 6.00 h", "carried from Sat 2026-11-21 (previous period)").
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from reportlab.lib import colors

from deskwfm.core.breaks import describe_paid_breaks
from deskwfm.core.i18n import format_day, format_hours, language, render, tr
from deskwfm.core.messages import msg
from deskwfm.core.model import ShiftKind
from deskwfm.core.payroll import DayPay, MinuteTotals
from deskwfm.core.timecalc import Clock
from deskwfm.core.timesheet import RowKind, TimesheetDay, TimesheetRow, TimesheetWeek
from deskwfm.files.pay_text import HourColumn, hour_columns, shift_text, where_notes
from deskwfm.files.pdf_grid import Column, Grid, GridStyle, Row, RowStyle

FONT_SIZE = 8.0
WEEK_SHADE = colors.HexColor("#dde3ec")
WEEKEND_SHADE = colors.HexColor("#f7f7f7")
CARRIED = "↳ "  # marks a row of hours carried from a shift begun earlier
_DATE_W = 70.0
_SHIFT_W = 92.0
_BREAK_W = 28.0
_BREAK_AT_W = 48.0  # "30 @03:30"
# Reg h and Paid h hold three-digit totals in bold; "Worked h" and "Holiday h" are the widest headings.
_HOUR_W = {"Reg h": 36.0, "Worked h": 40.0, "Holiday h": 40.0, "Leave h": 34.0, "Paid h": 36.0,
           "Night h": 34.0}


@lru_cache(maxsize=4096)
def _hours(minutes: int, lang: str) -> str:
    """format_hours, remembered: a timesheet prints the same few values hundreds of times."""
    return format_hours(minutes, lang)


def _cells(m: MinuteTotals, cols: Sequence[HourColumn], blank_zero: bool = True) -> list[str]:
    lang = language()
    out = []
    for col in cols:
        v = col.minutes(m)
        out.append("" if blank_zero and v == 0 else _hours(v, lang))
    return out


def _has_break_start(row: TimesheetRow) -> bool:
    return row.shift.break_start is not None and row.shift.break_minutes > 0


def _break_cell(row: TimesheetRow) -> str:
    """The unpaid break in minutes, with its start when it was set: ``30 @03:30`` (as typed in
    ``22-6:30/30@3:30``); nothing on a carried row (the break is on the shift's own row)."""
    s = row.shift
    if row.kind is RowKind.CARRIED or s.kind is not ShiftKind.WORK or not s.break_minutes:
        return ""
    return f"{s.break_minutes} @{s.break_start:%H:%M}" if s.break_start is not None else str(s.break_minutes)


def _dst_note(day: date, zone: ZoneInfo) -> str:
    a = datetime.combine(day, datetime.min.time(), tzinfo=zone).utcoffset()
    b = datetime.combine(day + timedelta(days=1), datetime.min.time(), tzinfo=zone).utcoffset()
    if a is None or b is None or a == b:
        return ""
    return tr("Clocks go forward (23-hour day)") if b > a else tr("Clocks go back (25-hour day)")


def _day_notes(dp: DayPay, zone: ZoneInfo) -> list[str]:
    notes = [render(msg("Holiday: {name}", name=dp.holiday_name))] if dp.holiday_name else []
    dst = _dst_note(dp.day, zone)
    return [*notes, dst] if dst else notes


def _grid_style() -> GridStyle:
    return GridStyle(
        font_size=FONT_SIZE,
        header_size=6.5,
        pad=2.0,
        kinds={
            "weekend": RowStyle(fill=WEEKEND_SHADE),
            "week": RowStyle(bold=True, fill=WEEK_SHADE),
            "total": RowStyle(bold=True, rule_above=0.8, rule_below=0.8),
        },
    )


def _columns(width: float, hours: Sequence[HourColumn], break_starts: bool) -> list[Column]:
    """Date, Shift, Break (wider when some breaks have a set start), the hour columns, and
    Notes with what is left."""
    cols = [Column(tr("Date"), _DATE_W), Column(tr("Shift"), _SHIFT_W, wrap=True),
            Column(tr("Break\nmin"), _BREAK_AT_W if break_starts else _BREAK_W, "right"),
            *(Column(tr(h.title), _HOUR_W.get(h.title, 32.0), "right") for h in hours)]
    return [*cols, Column(tr("Notes"), width - sum(c.width for c in cols), wrap=True)]


def _day_rows(day: TimesheetDay, hours: Sequence[HourColumn], zone: ZoneInfo, pay_period: bool) -> list[Row]:
    clock = Clock(zone)
    kind = "weekend" if day.pay.day.weekday() >= 5 else "day"
    date_text = format_day(day.pay.day)
    day_notes = _day_notes(day.pay, zone)
    if not day.rows:
        blank = [""] * (2 + len(hours))
        return [Row(kind, (date_text, *blank, " · ".join(day_notes)))]
    rows = []
    for i, r in enumerate(day.rows):
        notes = (day_notes if i == 0 else []) + where_notes(r, pay_period)
        paid = describe_paid_breaks(clock, r.shift) if r.kind is RowKind.SHIFT else None
        if paid is not None:
            notes.append(render(paid))
        if r.kind is RowKind.SHIFT and r.shift.note:
            notes.append(r.shift.note)
        shift = (CARRIED if r.kind is RowKind.CARRIED else "") + shift_text(r)
        rows.append(Row(kind, (date_text if i == 0 else "", shift, _break_cell(r), *_cells(r.minutes, hours),
                               " · ".join(notes))))
    return rows


def week_label(week: TimesheetWeek) -> str:
    return render(msg("Week {a:day} to {b:day}", a=week.start, b=week.end))


def shift_table(weeks: Sequence[TimesheetWeek], totals: MinuteTotals, tz: str, width: float,
                pay_period: bool) -> Grid:
    """The table of one timesheet: every day's rows, a subtotal per work week (the sum of the
    rows above it) and the total (the sum of the weeks: the engine's minutes)."""
    zone = ZoneInfo(tz)
    hours = hour_columns(totals)
    columns = _columns(width, hours, any(_has_break_start(r) for w in weeks for r in w.rows))
    rows: list[Row] = []
    for week in weeks:
        for day in week.days:
            rows.extend(_day_rows(day, hours, zone, pay_period))
        rows.append(Row("week", (week_label(week), "", "", *_cells(week.minutes, hours, False), ""), span=3))
    label = tr("Period total") if pay_period else tr("Total")
    rows.append(Row("total", (label, "", "", *_cells(totals, hours, False), ""), span=3))
    return Grid(columns, rows, _grid_style())
