"""Shared fixtures for the Excel tests: a small believable centre in a temporary database.

Two weeks of March 2026 in America/Toronto, with the spring-forward night (Sun 2026-03-08)
inside, night shifts that cross midnight, leave, a note, an inactive employee, and a name that
looks like a formula.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from deskwfm.core.model import Employee, PayRate, Shift, ShiftCode, ShiftKind
from deskwfm.core.site import SiteSettings
from deskwfm.services.workspace import Workspace
from tests.store.writes import code, emp, put, rate, shift, site

START = date(2026, 3, 1)  # a Sunday (the site's week start)
END = date(2026, 3, 14)
HOSTILE_NAME = '=HYPERLINK("http://x","y")'

CODES = [
    ShiftCode("D", ShiftKind.WORK, time(9), time(17, 30), 30, "#8ecae6", "Day"),
    ShiftCode("E", ShiftKind.WORK, time(14), time(22, 30), 30, "#ffb703", "Evening"),
    ShiftCode("N", ShiftKind.WORK, time(22), time(6, 30), 30, "#023047", "Night"),
    ShiftCode("VAC", ShiftKind.PAID_LEAVE, time(9), time(17), 0, "#90be6d", "Vacation"),
    ShiftCode("SICK", ShiftKind.PAID_LEAVE, time(9), time(16, 30), 30, "#f28482", "Sick, paid"),
    ShiftCode("UL", ShiftKind.UNPAID_LEAVE, None, None, 0, "#bdbdbd", "Unpaid leave"),
    ShiftCode("OFF", ShiftKind.OFF, None, None, 0, "#ffffff", "Day off"),
]
EMPLOYEES = [
    Employee("AG001", "Alex Martin", "Sales", True, 2250, 2640),
    Employee("AG002", "Béatrice Tremblay", "Sales"),
    Employee("AG003", HOSTILE_NAME, "Support"),
    Employee("AG004", "Chen Wei", "Support", True, 2400),
    Employee("AG005", "Dana O'Neil", "Support"),
    Employee("AG006", "Emeka Obi", "Night"),
    Employee("AG007", "Farah Haddad", "Sales", active=False),
]


def _shifts() -> list[Shift]:
    by = {c.code: c for c in CODES}
    out: list[Shift] = []

    def code(emp: str, d: date, c: str, note: str = "") -> None:
        sc = by[c]
        out.append(Shift(emp, d, sc.start, sc.end, sc.break_minutes, c, sc.kind, note))

    def times(emp: str, d: date, a: time, b: time, brk: int = 0) -> None:
        out.append(Shift(emp, d, a, b, brk))

    d = START
    while d <= END:
        wd = d.weekday()
        if wd < 5:
            code("AG001", d, "D")
            code("AG002", d, "E" if d.day % 2 else "D")
            times("AG004", d, time(8), time(16, 45), 45)
        if wd == 5:
            code("AG002", d, "D")  # a sixth day: 48 h that week, overtime past 44 h
        if wd in (4, 5, 6, 0):
            code("AG006", d, "N")  # includes Sat 2026-03-07 -> Sun 2026-03-08 (spring forward)
        if wd in (1, 2, 3):
            times("AG005", d, time(12), time(20), 30)
        d += timedelta(days=1)
    code("AG003", date(2026, 3, 2), "D", note="training =SUM(A1)")
    code("AG003", date(2026, 3, 3), "VAC")
    code("AG003", date(2026, 3, 4), "SICK")
    code("AG003", date(2026, 3, 5), "UL")
    times("AG003", date(2026, 3, 6), time(10), time(18, 15), 15)
    return out


def make_workspace(path: Path) -> Workspace:
    ws = Workspace.open(path, create=True)
    put(ws.store, site(SiteSettings(name="Lakeshore Contact Centre"), expected=None))
    rates = [PayRate(e.code, date(2025, 1, 1), Decimal("20.00") + i) for i, e in enumerate(EMPLOYEES)]
    rates.append(PayRate("AG001", date(2026, 3, 8), Decimal("23.75")))
    put(ws.store, *[emp(e) for e in EMPLOYEES], *[rate(r) for r in rates], *[code(c) for c in CODES],
        *[shift(s) for s in _shifts()])
    return ws


@pytest.fixture
def centre(tmp_path: Path) -> Iterator[Workspace]:
    ws = make_workspace(tmp_path / "centre.sqlite3")
    yield ws
    ws.close()


def db_snapshot(ws: Workspace) -> tuple[object, ...]:
    """Everything an import could touch, for 'nothing was written' assertions."""
    s = ws.store
    return (
        s.list_employees(),
        s.rates(),
        s.list_codes(),
        s.shifts_between(date(1990, 1, 1), date(2100, 1, 1)),
        s.counts(),
    )
