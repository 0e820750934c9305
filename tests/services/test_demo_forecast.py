"""The demo centre comes with a call forecast that makes the staffing row worth looking at."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from deskwfm.core.site import SiteSettings
from deskwfm.services.demo_forecast import demo_forecast
from deskwfm.services.forecast import staffing_between
from deskwfm.services.setup import init_database


def test_demo_forecast_is_a_weekday_double_peak_with_light_weekends() -> None:
    mon, sun = date(2026, 11, 23), date(2026, 11, 29)
    fc = demo_forecast(mon, sun, 30)
    assert fc == demo_forecast(mon, sun, 30)  # deterministic
    assert len(fc) == 7 * 48
    monday = {f.start_minute: f.calls for f in fc if f.work_date == mon}
    sunday = sum(f.calls for f in fc if f.work_date == sun)
    assert max(monday, key=lambda m: monday[m]) in range(570, 691)  # morning peak 09:30-11:30
    assert monday[14 * 60 + 30] > monday[12 * 60 + 30] < monday[10 * 60]  # a lunchtime dip between peaks
    assert monday[3 * 60] < monday[10 * 60] / 5
    assert sunday < sum(monday.values()) / 2
    assert all(240 <= f.aht_seconds <= 360 for f in fc)


def test_init_demo_stores_the_forecast_and_shows_shortfalls(tmp_path: Path) -> None:
    ws = init_database(tmp_path / "demo.sqlite3", SiteSettings(), demo=True)
    try:
        today = date.today()
        report = staffing_between(ws, today, today)
        [day] = report.days
        assert len(day.intervals) == 48
        assert day.peak is not None and day.peak.needed > 5
    finally:
        ws.close()
