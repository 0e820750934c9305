"""init_database and the demo centre."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from deskwfm.core.errors import InputError
from deskwfm.core.model import ShiftKind
from deskwfm.core.periods import week_start_of
from deskwfm.core.site import SiteSettings
from deskwfm.services.demo import build_demo
from deskwfm.services.setup import DEFAULT_CODES, init_database


def test_init_creates_site_and_the_default_codes(tmp_path: Path) -> None:
    ws = init_database(tmp_path / "c.sqlite3", SiteSettings(holiday_region="ca-on"))
    codes = {c.code: c for c in ws.store.list_codes()}
    assert list(codes) == ["D", "E", "N", "VAC", "SICK", "LOA", "OFF"]
    d, n, vac, loa = codes["D"], codes["N"], codes["VAC"], codes["LOA"]
    assert (d.start.hour, d.end.hour, d.end.minute, d.break_minutes) == (8, 16, 30, 30)  # type: ignore[union-attr]
    assert (n.start.hour, n.end.hour, n.end.minute) == (22, 6, 30)  # type: ignore[union-attr]
    assert vac.kind is ShiftKind.PAID_LEAVE and loa.kind is ShiftKind.UNPAID_LEAVE and loa.start is None
    assert codes["OFF"].kind is ShiftKind.OFF
    assert len({c.colour for c in DEFAULT_CODES}) == len(DEFAULT_CODES)  # distinct colours
    site = ws.store.get_site()
    assert site is not None and site.holiday_region == "CA-ON" and site.rules.preset == "ontario"
    ws.close()


def test_init_refuses_an_existing_centre_and_bad_settings_create_no_file(tmp_path: Path) -> None:
    p = tmp_path / "c.sqlite3"
    init_database(p, SiteSettings()).close()
    with pytest.raises(InputError, match="already holds a centre"):
        init_database(p, SiteSettings(name="second"))
    q = tmp_path / "bad.sqlite3"
    with pytest.raises(InputError, match="unknown time zone"):
        init_database(q, SiteSettings(tz="Mars/Olympus"))
    with pytest.raises(InputError, match="work week"):
        init_database(q, SiteSettings(period_anchor=date(2026, 1, 5)))  # a Monday, weeks from Sunday
    assert list(tmp_path.iterdir()) == [p]


def test_the_demo_centre_is_believable(tmp_path: Path) -> None:
    ws = init_database(tmp_path / "demo.sqlite3", SiteSettings(), demo=True)
    emps = ws.store.list_employees()
    assert len(emps) == 60 and len({e.code for e in emps}) == 60
    teams = Counter(e.team for e in emps)
    assert set(teams) == {"Billing", "Tech Support", "Sales", "Retention", "Overnight"}
    names = {e.name for e in emps}
    assert {"Zoë Côté", "Nguyễn Thị Hương", "王芳"} <= names
    rates = ws.store.rates()
    hourly = [r.hourly for rs in rates.values() for r in rs]
    assert min(hourly) >= 18 and max(hourly) <= 32
    raised = [c for c, rs in rates.items() if len(rs) > 1]
    assert len(raised) >= 5
    first_week = week_start_of(date.today(), 6) - timedelta(weeks=3)
    last_day = first_week + timedelta(weeks=6) - timedelta(days=1)
    shifts = ws.store.shifts_between(date(2000, 1, 1), date(2100, 1, 1))
    assert min(s.work_date for s in shifts) >= first_week and max(s.work_date for s in shifts) <= last_day
    assert any(first_week < r.effective_from <= last_day for c in raised for r in rates[c])  # mid-range raise
    codes = Counter(s.code for s in shifts)
    assert codes["D"] > 100 and codes["E"] > 100 and codes["N"] > 50
    assert codes["VAC"] >= 5 and codes["SICK"] >= 5 and codes["LOA"] >= 1
    assert codes[""] > 0  # some plain time entries too
    by_weekday = Counter(s.work_date.weekday() for s in shifts if s.kind is ShiftKind.WORK)
    assert by_weekday[5] < by_weekday[2] / 2 and by_weekday[6] < by_weekday[2] / 2  # lighter weekends
    night = [s for s in shifts if s.code == "N"]
    assert {e.team for e in emps if e.code in {s.employee_code for s in night}} == {"Overnight"}
    ws.close()


def test_the_demo_is_deterministic() -> None:
    codes = {c.code for c in DEFAULT_CODES}
    a = build_demo(SiteSettings(), codes, today=date(2026, 11, 24))
    b = build_demo(SiteSettings(), codes, today=date(2026, 11, 24))
    assert a.employees == b.employees and a.rates == b.rates and a.shifts == b.shifts
    weekly = Counter((s.employee_code, (s.work_date - a.first).days // 7) for s in a.shifts if s.has_times)
    assert max(weekly.values()) == 6  # somebody works an overtime week
