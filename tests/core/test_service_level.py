"""Predicted service level of the schedule as it stands, and the analyst's totals."""

from __future__ import annotations

from datetime import date, time

import pytest

from deskwfm.core.coverage import staffing_report
from deskwfm.core.forecast import ForecastInterval
from deskwfm.core.model import Shift
from deskwfm.core.service_level import day_figures, interval_service_level, range_figures
from deskwfm.core.staffing_targets import StaffingTargets

TZ = "America/Toronto"
MON = date(2026, 11, 23)
TARGETS = StaffingTargets(80, 20, 85, 30, 30)


def _agents(n: int, start: time = time(10), end: time = time(11)) -> list[Shift]:
    return [Shift(f"A{k}", MON, start, end) for k in range(n)]


# The Call Centre Helper example of tests/core/test_staffing.py: 100 calls of 180 s in half an
# hour are 10 Erlangs; 14 agents on the phones answer 88.84 % within 20 s, 13 answer 79.56 %.
# With 30 % shrinkage, 20 scheduled agents are 14 on the phones.
def test_twenty_scheduled_agents_give_the_worked_example_service_level() -> None:
    fc = [ForecastInterval(MON, 600, 100, 180)]
    [day] = staffing_report(TZ, TARGETS, [MON], fc, _agents(20))
    [i] = day.intervals
    assert (i.needed, i.scheduled, i.short, i.over) == (20, 20.0, 0.0, 0.0)
    assert interval_service_level(i, TARGETS) == pytest.approx(0.8884, abs=5e-4)


def test_a_fractional_agent_is_priced_between_its_neighbours() -> None:
    # 18.571... scheduled agents (x 0.7) are exactly 13 on the phones; 19.28... are 13.5.
    fc = [ForecastInterval(MON, 600, 100, 180)]
    shifts = _agents(19) + [Shift("H", MON, time(10), time(10, 15))]  # 19.5 agents scheduled
    [day] = staffing_report(TZ, TARGETS, [MON], fc, shifts)
    [i] = day.intervals
    assert i.scheduled == 19.5 and i.short == 0.5
    on_phones = 19.5 * 0.7  # 13.65
    expected = 0.7956 + (0.8884 - 0.7956) * (on_phones - 13)
    assert interval_service_level(i, TARGETS) == pytest.approx(expected, abs=1e-3)


def test_day_service_level_is_weighted_by_calls_and_totals_add_up() -> None:
    # 10:00: 100 calls with 20 agents (88.84 %); 10:30: 100 calls with nobody (0 %);
    # 11:00: no calls (does not weigh in).
    fc = [ForecastInterval(MON, 600, 100, 180), ForecastInterval(MON, 630, 100, 180),
          ForecastInterval(MON, 660, 0, 180)]
    shifts = _agents(20, time(10), time(10, 30)) + _agents(1, time(11), time(11, 30))
    [day] = staffing_report(TZ, TARGETS, [MON], fc, shifts)
    f = day_figures(day, TARGETS)
    assert f.service_level == pytest.approx(0.8884 / 2, abs=5e-4)
    assert f.calls == 200
    assert (f.agent_intervals_short, f.agent_intervals_over) == (20.0, 1.0)
    assert (f.short_agent_minutes, f.over_agent_minutes, f.intervals_short) == (600, 30, 1)
    both = range_figures([day, day], TARGETS)
    assert both.agent_intervals_short == 40.0 and both.service_level == pytest.approx(f.service_level)


def test_no_forecast_has_no_service_level() -> None:
    [day] = staffing_report(TZ, TARGETS, [MON], [], _agents(3))
    assert day_figures(day, TARGETS).service_level is None


def test_a_week_combined_from_its_days_is_the_same_as_counted_whole() -> None:
    from deskwfm.core.service_level import combine

    tue = date(2026, 11, 24)
    fc = [ForecastInterval(MON, 600, 100, 180), ForecastInterval(MON, 630, 60, 180),
          ForecastInterval(tue, 600, 100, 180), ForecastInterval(tue, 660, 0, 0)]
    shifts = _agents(14) + [Shift(f"B{k}", tue, time(9), time(12)) for k in range(22)]
    days = staffing_report(TZ, TARGETS, [MON, tue], fc, shifts)
    whole = range_figures(days, TARGETS)
    joined = combine(day_figures(d, TARGETS) for d in days)
    assert joined.service_level == pytest.approx(whole.service_level)
    assert (joined.calls, joined.intervals, joined.intervals_short, joined.short_agent_minutes,
            joined.over_agent_minutes) == (whole.calls, whole.intervals, whole.intervals_short,
                                           whole.short_agent_minutes, whole.over_agent_minutes)
    assert joined.agent_intervals_short == pytest.approx(whole.agent_intervals_short)
    assert 0 < joined.service_level < 1 and joined.agent_intervals_over > 0  # not a trivial case
