"""Automatic scheduling through the services: a proposal writes nothing; accepting it is one
change set (one audit batch, one undo step); a cell filled meanwhile refuses it whole."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from deskwfm.core.changes import How
from deskwfm.core.errors import InputError, StaleEditError
from deskwfm.core.forecast import ForecastInterval
from deskwfm.scheduler.problem import Settings
from deskwfm.services.auto_schedule import accept, load_problem, propose, range_warnings
from deskwfm.services.forecast import store_forecast
from deskwfm.services.schedule import CellEdit, apply_edits, revert
from deskwfm.services.workspace import Workspace

SUN = date(2026, 11, 22)
SAT = SUN + timedelta(days=6)
FAST = Settings(time_limit=3, seed=1)


@pytest.fixture
def forecast(centre: Workspace) -> Workspace:
    days = [SUN + timedelta(days=k) for k in range(7)]
    intervals = [ForecastInterval(d, m, 12, 300) for d in days for m in range(540, 900, 30)]
    store_forecast(centre, SUN, SAT, intervals)
    return centre


def _shifts(ws: Workspace) -> int:
    return len(ws.store.shifts_between(SUN, SAT))


def test_a_proposal_writes_nothing_and_accepting_is_one_undoable_change_set(forecast: Workspace) -> None:
    auto = propose(forecast, SUN, SAT, settings=FAST)
    assert auto.shifts and _shifts(forecast) == 0
    assert auto.after.total.agent_intervals_short < auto.before.total.agent_intervals_short
    assert len(auto.after.warnings) == len(auto.before.warnings) == 0
    changes = accept(forecast, auto)
    assert len(changes) == len(auto.shifts) == _shifts(forecast)
    batches = {e.batch for e in forecast.store.audit_entries(how=How.AUTO_SCHEDULE.value)}
    assert len(batches) == 1
    revert(forecast, changes)  # one undo step puts the range back
    assert _shifts(forecast) == 0


def test_a_cell_filled_meanwhile_refuses_the_whole_proposal(forecast: Workspace) -> None:
    auto = propose(forecast, SUN, SAT, settings=FAST)
    first = auto.shifts[0]
    apply_edits(forecast, [CellEdit(first.employee_code, first.work_date, "9-13")])
    with pytest.raises(StaleEditError):
        accept(forecast, auto)
    assert _shifts(forecast) == 1


def test_bad_requests_say_what_is_missing(forecast: Workspace, centre: Workspace) -> None:
    with pytest.raises(InputError, match="no active employee in team Sales"):
        load_problem(forecast, SUN, SAT, "Sales")
    with pytest.raises(InputError, match="no call forecast"):
        load_problem(forecast, SAT + timedelta(days=7), SAT + timedelta(days=8))
    with pytest.raises(InputError, match="at most 42 days"):
        load_problem(forecast, SUN, SUN + timedelta(days=60))


def test_team_and_shapes_and_warnings(forecast: Workspace) -> None:
    from deskwfm.services.site import get_site, save_site

    site = get_site(forecast)
    save_site(forecast, site.with_changes(auto_starts=(time(9), time(10)), auto_lengths=(360,)))
    p = load_problem(forecast, SUN, SAT, "Billing")
    assert {e.code for e in p.people} == {"AG001", "AG003"}
    assert any(s.start == time(10) and s.end == time(16) and not s.code for s in p.shapes)
    mon = SUN + timedelta(days=1)
    apply_edits(forecast, [CellEdit("AG001", SUN, "22-6"), CellEdit("AG001", mon, "9-17")])
    found = range_warnings(forecast, SUN, SAT)
    assert {str(w.rule) for w in found} >= {"rest", "day_after_night"}
