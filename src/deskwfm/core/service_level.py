"""Predicted service level of a schedule as it stands, and the totals a WFM analyst reads.

Per interval: the agents scheduled (agent-minutes on the phones over the interval) less
shrinkage are the agents taking calls; Erlang C (``core.staffing``) gives the share of the
interval's calls answered within the target time. Erlang C needs whole agents, so a fractional
count (11.5 agents) is priced by linear interpolation between its neighbours (11 and 12).
A day's or a week's service level is the call-weighted mean of its intervals' - the share of
all its calls answered in time; intervals without calls do not weigh in.

Agent-intervals short (over) add up each interval's missing (extra) agents: one agent missing
for two half-hours is two agent-intervals.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from deskwfm.core.coverage import DayStaffing, IntervalStaffing
from deskwfm.core.staffing_targets import StaffingTargets


def interval_service_level(i: IntervalStaffing, targets: StaffingTargets) -> float | None:
    """Share of the interval's calls answered within the target time (0..1); None without calls."""
    # Erlang C is loaded on first use: the grid paints before any staffing maths is needed.
    from deskwfm.core.staffing import service_level, traffic_erlangs

    if i.calls <= 0 or i.aht_seconds <= 0:
        return None
    agents = i.scheduled * (1 - targets.shrinkage_pct / 100)
    load = traffic_erlangs(i.calls, i.aht_seconds, i.length)
    lo = math.floor(agents)
    sl_lo = service_level(lo, load, i.aht_seconds, targets.sl_target_seconds)
    frac = agents - lo
    if frac <= 1e-9:
        return sl_lo
    sl_hi = service_level(lo + 1, load, i.aht_seconds, targets.sl_target_seconds)
    return sl_lo + (sl_hi - sl_lo) * frac


@dataclass(frozen=True, slots=True)
class StaffingFigures:
    """Totals of some intervals (a day, a week, a range)."""

    calls: int
    agent_intervals_short: float
    agent_intervals_over: float
    short_agent_minutes: int
    over_agent_minutes: int
    intervals: int
    intervals_short: int
    service_level: float | None  # call-weighted; None when no calls were forecast

    @property
    def covered(self) -> bool:
        return self.short_agent_minutes == 0


def figures(intervals: Iterable[IntervalStaffing], targets: StaffingTargets) -> StaffingFigures:
    calls = 0
    answered = 0.0
    short = over = 0.0
    short_m = over_m = n = n_short = 0
    for i in intervals:
        n += 1
        short += i.short
        over += i.over
        short_m += i.short_minutes
        over_m += i.over_minutes
        n_short += i.short_minutes > 0
        sl = interval_service_level(i, targets)
        if sl is not None:
            calls += i.calls
            answered += sl * i.calls
    return StaffingFigures(
        calls, short, over, short_m, over_m, n, n_short, answered / calls if calls else None
    )


def day_figures(day: DayStaffing, targets: StaffingTargets) -> StaffingFigures:
    return figures(day.intervals, targets)


def range_figures(days: Sequence[DayStaffing], targets: StaffingTargets) -> StaffingFigures:
    return figures((i for d in days for i in d.intervals), targets)


def combine(parts: Iterable[StaffingFigures]) -> StaffingFigures:
    """The figures of several disjoint groups of intervals (the days of a week) from theirs: the
    same as ``figures`` over all their intervals, without pricing an interval again."""
    calls = 0
    answered = 0.0
    short = over = 0.0
    short_m = over_m = n = n_short = 0
    for f in parts:
        short += f.agent_intervals_short
        over += f.agent_intervals_over
        short_m += f.short_agent_minutes
        over_m += f.over_agent_minutes
        n += f.intervals
        n_short += f.intervals_short
        if f.service_level is not None:
            calls += f.calls
            answered += f.service_level * f.calls
    sl = answered / calls if calls else None
    return StaffingFigures(calls, short, over, short_m, over_m, n, n_short, sl)
