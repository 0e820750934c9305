"""Words and numbers the timesheet PDF and the payroll workbook share, so both read alike.

- Hour columns: **Worked h** (regular + overtime + double time + holiday worked), **Leave h**
  (paid leave) and **Paid h** (= Worked h + Leave h), the names the grid uses too.
- Pay lines from ``PayLine``'s structured fields (category, minutes, rate, amount), never its
  English description; hours and rate at the precision used, so each line multiplies out.
- Row notes saying where a shift's hours fall when not all on its own date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from deskwfm.core.i18n import format_decimal, format_hours, format_money, render, tr, weekday_abbr
from deskwfm.core.messages import N_, Msg, msg
from deskwfm.core.payroll import Cat, DayPay, MinuteTotals, PayLine
from deskwfm.core.timesheet import Elsewhere, RowKind, TimesheetRow, Where


@dataclass(frozen=True, slots=True)
class HourColumn:
    title: str  # English; shown through tr()
    attr: str  # a MinuteTotals field, or PAID for worked + leave

    def minutes(self, m: MinuteTotals) -> int:
        return paid_minutes(m) if self.attr == PAID else int(getattr(m, self.attr))


PAID = "paid_and_leave"
REG = HourColumn(N_("Reg h"), "regular")
OT = HourColumn(N_("OT h"), "overtime")
DT = HourColumn(N_("DT h"), "double_time")
HOLIDAY = HourColumn(N_("Holiday h"), "holiday_worked")
WORKED = HourColumn(N_("Worked h"), "paid")  # the engine's ``paid``: every worked minute it pays
LEAVE = HourColumn(N_("Leave h"), "leave")
PAID_H = HourColumn(N_("Paid h"), PAID)
NIGHT = HourColumn(N_("Night h"), "night")
ALL_HOURS = (REG, OT, DT, HOLIDAY, WORKED, LEAVE, PAID_H, NIGHT)


def paid_minutes(m: MinuteTotals) -> int:
    """Paid h on every document: worked minutes plus paid leave."""
    return m.paid + m.leave


def hour_columns(totals: MinuteTotals) -> list[HourColumn]:
    """The columns a timesheet needs, read left to right as sums: Worked h = the columns
    before it, Paid h = Worked h + Leave h. Double time, holiday and night columns only when
    there are such hours."""
    cols = [REG, OT]
    if totals.double_time:
        cols.append(DT)
    if totals.holiday_worked:
        cols.append(HOLIDAY)
    cols += [WORKED, LEAVE, PAID_H]
    if totals.night:
        cols.append(NIGHT)
    return cols


def legend(cols: Sequence[HourColumn]) -> str:
    """"Worked h = Reg h + OT h · Paid h = Worked h + Leave h · ...": how the columns add up."""
    parts = [tr(c.title) for c in cols[: cols.index(WORKED)]] if WORKED in cols else [tr(REG.title)]
    return render(msg(
        "Worked h = {parts} · Paid h = Worked h + Leave h · Hours count on the day they are "
        "worked (after midnight: the next day)",
        parts=" + ".join(parts),
    ))


# -- pay lines ----------------------------------------------------------------------------------
_CATEGORY = {
    Cat.REGULAR: N_("Regular"),
    Cat.OVERTIME: N_("Overtime"),
    Cat.DOUBLE_TIME: N_("Double time"),
    Cat.NIGHT: N_("Night premium"),
    Cat.HOLIDAY_WORKED: N_("Holiday worked"),
    Cat.HOLIDAY_PAY: N_("Holiday pay"),
    Cat.LEAVE: N_("Paid leave"),
}


def category_label(category: str) -> str:
    """A pay line's category in the reader's language."""
    return tr(_CATEGORY[category]) if category in _CATEGORY else category


def exact_places(minutes: int) -> int:
    """Decimal places that show minutes as hours exactly enough to multiply out: two for any
    multiple of 3 minutes (0.05 h), else four (7 h 20 min = 7.3333)."""
    return 2 if minutes % 3 == 0 else 4


def line_hours(minutes: int) -> str:
    return format_decimal(Decimal(minutes) / 60, exact_places(minutes), group=False)


def pay_line_cells(ln: PayLine, currency: str) -> tuple[str, str, str, str]:
    """Category, hours, "× rate/h" at the precision the engine used, "= amount": every line
    checks on paper (4.00 × $35.625/h = $142.50). Lines without hours show the amount only."""
    if not ln.minutes:
        return category_label(ln.category), "", "", format_money(ln.amount, currency)
    rate = render(msg("× {r:rate}/h", r=ln.rate), currency=currency)
    amount = "= " + format_money(ln.amount, currency)
    return category_label(ln.category), line_hours(ln.minutes), rate, amount


def pay_line_text(ln: PayLine, currency: str) -> str:
    """The whole line in words: "4.00 h × $35.625/h = $142.50"."""
    if not ln.minutes:
        return format_money(ln.amount, currency)
    _, hours, rate, amount = pay_line_cells(ln, currency)
    return f"{hours} h {rate} {amount}"


# -- rows ---------------------------------------------------------------------------------------
def shift_text(row: TimesheetRow) -> str:
    """``N 22:00–06:30 +1``: the code and times; leave without times by its kind."""
    s = row.shift
    parts = [s.code] if s.code else []
    if s.start is not None and s.end is not None:
        times = f"{s.start:%H:%M}–{s.end:%H:%M}"
        if (s.end.hour, s.end.minute) <= (s.start.hour, s.start.minute):
            times += " +1"
        parts.append(times)
    elif not s.code:
        parts.append(s.kind.value.replace("_", " "))
    return " ".join(parts)


def _elsewhere_note(e: Elsewhere, row: TimesheetRow, pay_period: bool) -> Msg | None:
    """Within the range a weekday names the day (it is next to the row); outside it, the date."""
    if e.where is Where.NEXT_WEEK:
        return msg("+ {wd} {m:hours} h (next week)", wd=weekday_abbr(e.day), m=e.minutes)
    if e.where is Where.AFTER_RANGE:
        if pay_period:
            return msg("+ {d:day} {m:hours} h (next period)", m=e.minutes, d=e.day)
        return msg("+ {d:day} {m:hours} h (after this range)", m=e.minutes, d=e.day)
    if row.kind is not RowKind.CARRIED:
        return None
    if e.where is Where.PREVIOUS_WEEK:
        return msg("carried from {wd} (previous week)", wd=weekday_abbr(row.shift.work_date))
    if pay_period:
        return msg("carried from {d:day} (previous period)", d=row.shift.work_date)
    return msg("carried from {d:day} (before this range)", d=row.shift.work_date)


def split_note(parts: Sequence[DayPay]) -> str:
    """``Tue 2.00 h, Wed 6.00 h (Christmas Day)``: how a row's hours fall on calendar days."""
    out = []
    for p in parts:
        m = paid_minutes(p.minutes)
        if not m:
            continue
        text = f"{weekday_abbr(p.day)} {format_hours(m)} h"
        out.append(f"{text} ({p.holiday_name})" if p.holiday_name else text)
    return ", ".join(out)


def where_notes(row: TimesheetRow, pay_period: bool) -> list[str]:
    """Where the row's hours fall when not all on its own date (``pay_period``: the range is a
    pay period, so the hours outside it are in the previous or next period)."""
    notes = [split_note(row.parts)] if row.split_over_days else []
    for e in row.elsewhere:
        m = _elsewhere_note(e, row, pay_period)
        if m is not None:
            notes.append(render(m))
    return notes
