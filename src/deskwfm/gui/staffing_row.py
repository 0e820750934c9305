"""The "Short" row under the grid: per day, the worst interval's shortfall against the
forecast, kept current edit by edit. No Qt.

``Coverage`` (core) holds scheduled agents per interval and is updated shift by shift; after
an edit only the days whose counts changed are summarised again (48 comparisons each).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from deskwfm.core.coverage import Coverage, DayStaffing, day_staffing, demand_by_interval
from deskwfm.core.forecast import ForecastInterval
from deskwfm.core.i18n import format_agents, render, tr
from deskwfm.core.messages import msg, msg_n
from deskwfm.core.model import Shift
from deskwfm.core.staffing_targets import StaffingTargets

MINUS = "\u2212"
MAX_TIP_LINES = 16


@dataclass(frozen=True, slots=True)
class DayShort:
    """What the footer cell of one day shows."""

    text: str
    short: bool
    tooltip: str
    dim: bool = False  # nothing to compare with: shown greyed


def no_forecast() -> DayShort:
    """A day without a call forecast says so (greyed), and the tooltip says how to get one."""
    return DayShort(
        tr("no forecast"),
        False,
        tr("No call forecast for this day, so staffing cannot be compared.\n"
           "Import one with File \u2192 Import forecast (an .xlsx or .csv with Date, Interval start, "
           "Calls and AHT (s) columns), or on the command line: deskwfm forecast import FILE"),
        dim=True,
    )


def summarise(day: DayStaffing) -> DayShort:
    if not day.intervals:
        return no_forecast()
    worst = day.worst
    if worst is None:
        peak = day.peak
        tip = tr("Every interval is staffed to the forecast")
        if peak is not None and peak.needed:
            tip += "\n" + tr("Peak: {at} needs {needed}, has {has}").format(
                at=peak.label, needed=peak.needed, has=format_agents(peak.scheduled))
        return DayShort("\u2713", False, tip)
    shorts = day.short_intervals
    hours = day.short_agent_minutes / 60
    lines = [render(msg_n("Short in {count} interval ({h:agents} agent-hours):",
                          "Short in {count} intervals ({h:agents} agent-hours):", len(shorts), h=hours))]
    need = tr("{at} need {needed}, have {has}")
    lines += [need.format(at=i.label, needed=i.needed, has=format_agents(i.scheduled))
              for i in shorts[:MAX_TIP_LINES]]
    if len(shorts) > MAX_TIP_LINES:
        lines.append(render(msg("\u2026 and {n:num} more", n=len(shorts) - MAX_TIP_LINES)))
    short = f"{MINUS}{format_agents(worst.short)}"
    worst_text = tr("{short} at {at}").format(short=short, at=worst.start_text)
    return DayShort(worst_text, True, "\n".join(lines))


class StaffingRow:
    def __init__(
        self,
        tz: str,
        targets: StaffingTargets,
        days: Sequence[date],
        forecast: Iterable[ForecastInterval],
        shifts: Iterable[Shift],
    ) -> None:
        self.days = list(days)
        self._col = {d: i for i, d in enumerate(self.days)}
        self.coverage = Coverage(tz, targets.interval_minutes, self.days)
        self.coverage.add_all(shifts)
        self._needed = demand_by_interval(forecast, targets)
        self.cells: list[DayShort] = [self._summary(d) for d in self.days]

    def _summary(self, d: date) -> DayShort:
        need = self._needed.get(d)
        if not need:
            return no_forecast()
        return summarise(day_staffing(self.coverage, d, need))

    def day(self, d: date) -> DayStaffing:
        return day_staffing(self.coverage, d, self._needed.get(d, {}))

    def change(self, old: Shift | None, new: Shift | None) -> set[int]:
        """Apply one cell change; return the day columns whose summary changed."""
        return self.change_many([(old, new)])

    def change_many(self, changes: Iterable[tuple[Shift | None, Shift | None]]) -> set[int]:
        """Apply many cell changes (a paste, a fill), then summarise each touched day once."""
        touched: set[date] = set()
        for old, new in changes:
            if old is not None:
                touched |= self.coverage.add(old, -1)
            if new is not None:
                touched |= self.coverage.add(new, 1)
        cols: set[int] = set()
        for d in touched:
            if d in self._needed:
                col = self._col[d]
                s = self._summary(d)
                if s != self.cells[col]:
                    self.cells[col] = s
                    cols.add(col)
        return cols
