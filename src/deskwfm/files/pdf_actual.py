"""The timesheet's "Scheduled and actual" table: what was planned and what happened, side by side.

One row per day with a scheduled work shift or recorded time: the schedule's entry, the recorded
worked times (and absence code), scheduled and worked hours, the variance, and each exception with
how it was resolved (``coded SICK (reasonable cause)``, or that it is still open). A totals row
sums the hours; holiday pay withheld for what was (not) worked around a holiday is said under it.
When the site pays actual time, the employee signs for the worked hours, and the line above the
signatures says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.platypus import Flowable, Spacer

from deskwfm.core.i18n import format_day, format_hours, render, tr
from deskwfm.core.messages import Msg, msg
from deskwfm.files.pdf_blocks import TextLine
from deskwfm.files.pdf_grid import Column, Grid, GridStyle, Row, RowStyle

FONT_SIZE = 8.0
OPEN_SHADE = colors.HexColor("#fbe3e3")  # a day with an exception that blocks approval


@dataclass(frozen=True, slots=True)
class ActualDayLine:
    day: date
    scheduled: str  # the schedule's entry ("" for none)
    actual: str  # what was recorded, as it can be typed back ("" for nothing)
    scheduled_minutes: int
    worked_minutes: int
    exceptions: tuple[Msg, ...] = ()  # each with its resolution
    blocking: bool = False  # an exception still stops approval


@dataclass(frozen=True, slots=True)
class ActualSection:
    """What one employee's timesheet prints of actual time. ``pays_actual``: the site pays the
    recorded time (the employee signs for the worked hours)."""

    pays_actual: bool
    days: tuple[ActualDayLine, ...]
    notes: tuple[Msg, ...] = ()  # holiday pay withheld, and why

    @property
    def scheduled_minutes(self) -> int:
        return sum(d.scheduled_minutes for d in self.days)

    @property
    def worked_minutes(self) -> int:
        return sum(d.worked_minutes for d in self.days)


def _hours(minutes: int) -> str:
    return format_hours(minutes) if minutes else ""


def _variance(minutes: int) -> str:
    if not minutes:
        return ""
    return ("+" if minutes > 0 else "−") + format_hours(abs(minutes))


def actual_block(section: ActualSection, width: float) -> list[Flowable]:
    """The heading and table of a timesheet's scheduled and actual time (nothing when no day has
    either)."""
    if not section.days:
        return []
    fixed = [Column(tr("Date"), 70.0), Column(tr("Scheduled"), 78.0, wrap=True),
             Column(tr("Actual"), 110.0, wrap=True), Column(tr("Sched.\nh"), 34.0, "right"),
             Column(tr("Worked\nh"), 36.0, "right"), Column(tr("Var.\nh"), 36.0, "right")]
    cols = [*fixed, Column(tr("Exceptions"), width - sum(c.width for c in fixed), wrap=True)]
    rows = [
        Row("open" if d.blocking else "day", (
            format_day(d.day), d.scheduled, d.actual.replace(",", ", "), _hours(d.scheduled_minutes),
            _hours(d.worked_minutes),
            _variance(d.worked_minutes - d.scheduled_minutes), " · ".join(render(m) for m in d.exceptions),
        ))
        for d in section.days
    ]
    s, w = section.scheduled_minutes, section.worked_minutes
    totals = (tr("Total"), "", "", format_hours(s), format_hours(w), _variance(w - s) or "0", "")
    rows.append(Row("total", totals, span=3))
    style = GridStyle(font_size=FONT_SIZE, header_size=6.5, pad=2.0, kinds={
        "open": RowStyle(fill=OPEN_SHADE), "total": RowStyle(bold=True, rule_above=0.8, rule_below=0.8)})
    out: list[Flowable] = [Spacer(1, 8), TextLine(tr("Scheduled and actual"), 9.5, bold=True, space_after=3),
                           Grid(cols, rows, style)]
    out.extend(TextLine(render(n), 7.5, space_after=0) for n in section.notes)
    return out


def sign_off(section: ActualSection | None) -> list[Flowable]:
    """The line above the signatures when the employee signs for actual hours."""
    if section is None or not section.pays_actual:
        return []
    text = render(msg("Signing confirms the actual hours worked shown above: {m:hours} h",
                      m=section.worked_minutes))
    return [Spacer(1, 6), TextLine(text, 8.0, space_after=0)]


def lines_of(days: Sequence[ActualDayLine]) -> tuple[ActualDayLine, ...]:
    """The days worth a row: something scheduled, recorded or noted as an exception."""
    return tuple(d for d in days if d.scheduled or d.actual or d.exceptions)
