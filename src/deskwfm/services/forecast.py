"""Call forecast use cases: import a forecast file, report staffing against it.

An import is all or nothing: every problem in the file is listed and nothing is written
unless there are none; otherwise the forecast of every date from the file's first to its
last day is replaced by the file's intervals in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from deskwfm.core.changes import Change, ChangeSet, Entity, How
from deskwfm.core.coverage import DayStaffing, staffing_report
from deskwfm.core.errors import InputError
from deskwfm.core.forecast import ForecastInterval
from deskwfm.core.messages import Msg, msg, msg_n
from deskwfm.core.periods import check_order
from deskwfm.core.periods import days as days_between
from deskwfm.core.service_level import StaffingFigures, figures, range_figures
from deskwfm.core.staffing_targets import StaffingTargets
from deskwfm.services.site import get_site
from deskwfm.services.workspace import Workspace


@dataclass
class ForecastImport:
    file_name: str
    intervals: list[ForecastInterval] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    first: date | None = None
    last: date | None = None
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def days(self) -> int:
        return len({i.work_date for i in self.intervals})

    @property
    def calls(self) -> int:
        return sum(i.calls for i in self.intervals)

    def summary(self) -> Msg:
        if not self.intervals or self.first is None or self.last is None:
            return msg("{file}: no forecast", file=self.file_name)
        return msg(
            "{file}: {intervals:num} intervals on {days}, {first:date} to {last:date}, {calls:num} calls",
            file=self.file_name, intervals=len(self.intervals),
            days=msg_n("{count} day", "{count} days", self.days), first=self.first, last=self.last,
            calls=self.calls,
        )


def read_forecast_file(ws: Workspace, path: str | Path) -> ForecastImport:
    """Read and check a forecast file (InputError only for a file that cannot be read)."""
    from deskwfm.files.forecast_read import read_forecast

    site = get_site(ws)
    data = read_forecast(path, site.interval_minutes)
    return ForecastImport(
        data.file_name, data.intervals, [str(p) for p in data.problems], data.first, data.last
    )


def import_forecast(ws: Workspace, path: str | Path, *, dry_run: bool = False) -> ForecastImport:
    """Read ``path`` and, unless ``dry_run`` or it has problems, store it (replacing the stored
    forecast of its first..last dates). Problems are in the result; nothing is written then."""
    result = read_forecast_file(ws, path)
    if result.ok and not dry_run and result.first is not None and result.last is not None:
        store_forecast(ws, result.first, result.last, result.intervals, How.FORECAST_IMPORT, result.file_name)
        result.written = True
    return result


def store_forecast(
    ws: Workspace, start: date, end: date, intervals: list[ForecastInterval], how: How = How.FORECAST_IMPORT,
    detail: str = "",
) -> int:
    """Make ``intervals`` the whole forecast of start..end (inclusive), in one transaction:
    stored intervals of those dates that the new forecast lacks are removed. Returns how many
    intervals the new forecast has."""
    outside = [i for i in intervals if not start <= i.work_date <= end]
    if outside:
        raise InputError(msg("forecast for {day:date} is outside {start:date}..{end:date}",
                             day=outside[0].work_date, start=start, end=end))
    new = {(i.work_date, i.start_minute): i for i in intervals}
    if len(new) != len(intervals):
        raise InputError(msg("the forecast has the same interval twice"))
    changes = [Change(Entity.FORECAST, k, v) for k, v in new.items()]
    changes += [
        Change(Entity.FORECAST, (f.work_date, f.start_minute), None)
        for f in ws.store.forecast_between(start, end)
        if (f.work_date, f.start_minute) not in new
    ]
    ws.commit(ChangeSet(changes, how, detail))
    return len(intervals)


@dataclass(frozen=True, slots=True)
class StaffingReport:
    start: date
    end: date
    targets: StaffingTargets
    days: list[DayStaffing]
    week_start: int = 6  # date.weekday() of the first day of the site's work week

    @property
    def has_forecast(self) -> bool:
        return any(d.intervals for d in self.days)

    def day_figures(self, day: DayStaffing) -> StaffingFigures:
        """Agent-intervals short and over and the predicted service level of one day."""
        return figures(day.intervals, self.targets)

    def weeks(self) -> list[tuple[date, StaffingFigures]]:
        """The same figures per work week of the range (first day of the week, figures)."""
        from deskwfm.core.periods import week_start_of

        groups: dict[date, list[DayStaffing]] = {}
        for d in self.days:
            groups.setdefault(week_start_of(d.work_date, self.week_start), []).append(d)
        return [(w, range_figures(ds, self.targets)) for w, ds in sorted(groups.items())]

    def total(self) -> StaffingFigures:
        return range_figures(self.days, self.targets)


def staffing_between(ws: Workspace, start: date, end: date) -> StaffingReport:
    """Needed (Erlang C with the site's targets), scheduled and short agents per interval of
    each day in start..end. Night shifts of the day before ``start`` are counted too."""
    check_order(start, end)
    if (end - start).days > 366:
        raise InputError(msg("a staffing report covers at most one year at a time"))
    site = get_site(ws)
    targets = site.staffing
    forecast = ws.store.forecast_between(start, end)
    # Like the grid: only active employees are on the schedule.
    active = [e.code for e in ws.store.list_employees(include_inactive=False)]
    shifts = ws.store.shifts_between(start - timedelta(days=1), end, active)
    days = days_between(start, end)
    return StaffingReport(
        start, end, targets, staffing_report(site.tz, targets, days, forecast, shifts), site.week_start
    )


@dataclass(frozen=True, slots=True)
class StaffingInput:
    """What the grid needs to compare its shifts with the forecast as they change."""

    targets: StaffingTargets
    forecast: list[ForecastInterval]


def load_staffing(ws: Workspace, start: date, end: date) -> StaffingInput:
    """The site's targets and the stored forecast of start..end (one read)."""
    return StaffingInput(get_site(ws).staffing, ws.store.forecast_between(start, end))


def clear_forecast(ws: Workspace, how: How = How.CLI, detail: str = "") -> int:
    """Delete the whole stored forecast (one transaction); how many intervals were removed."""
    from deskwfm.core.periods import FIRST_DATE, LAST_DATE

    stored = ws.store.forecast_between(FIRST_DATE, LAST_DATE)
    changes = [Change(Entity.FORECAST, (f.work_date, f.start_minute), None) for f in stored]
    return len(ws.commit(ChangeSet(changes, how, detail)))
