"""Small centres for the scheduler's tests."""

from __future__ import annotations

from datetime import date, time, timedelta

from deskwfm.core.coverage import Demand
from deskwfm.core.model import Employee
from deskwfm.core.site import SiteSettings
from deskwfm.scheduler.problem import Problem, Shape

MON = date(2026, 11, 23)
DAY = Shape(time(8), time(16, 30), 30, 2, 15, "D")


def week(first: date = MON, n: int = 7) -> list[date]:
    return [first + timedelta(days=k) for k in range(n)]


Demands = dict[date, dict[int, Demand]]


def need(days: list[date], start: time, end: time, agents: int, calls: int = 40) -> Demands:
    """``agents`` needed in every half hour from start to end of each day."""
    a, b = start.hour * 2 + start.minute // 30, end.hour * 2 + end.minute // 30
    return {d: {i: Demand(agents, calls, 300) for i in range(a, b)} for d in days}


def people(n: int, contract_hours: int = 40) -> list[Employee]:
    return [Employee(f"A{k:02d}", f"Agent {k}", "T", True, contract_hours * 60) for k in range(1, n + 1)]


def problem(**kw: object) -> Problem:
    days = week()
    base: dict[str, object] = {
        "site": SiteSettings(), "people": people(4), "days": days,
        "demand": need(days, time(9), time(15), 1), "shapes": [DAY],
    }
    base.update(kw)
    return Problem(**base)  # type: ignore[arg-type]
