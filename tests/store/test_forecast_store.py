"""Forecast storage and the site's staffing targets (SQLite and, when installed, PostgreSQL);
a database at schema 0002 upgrades to 0003 with its data intact."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from deskwfm.core.changes import Change, Entity
from deskwfm.core.forecast import ForecastInterval
from deskwfm.store.engine import create_sqlite_file, make_engine, resolve_target
from deskwfm.store.migrate import HEAD_REVISION, current_revision, upgrade
from deskwfm.store.store import Store
from tests.store.writes import forecast, put
from tests.store.writes import site as site_change

D1, D2, D3 = date(2026, 11, 23), date(2026, 11, 24), date(2026, 11, 25)


def _fc(d: date, start: int, calls: int = 50, aht: int = 300) -> ForecastInterval:
    return ForecastInterval(d, start, calls, aht)


def test_forecast_intervals_are_written_updated_and_removed_by_key(store: Store) -> None:
    put(store, *[forecast(f) for f in (_fc(D1, 540), _fc(D2, 540), _fc(D2, 570, 80), _fc(D3, 600))])
    done = put(store, forecast(_fc(D2, 600, 12, 250)), forecast(_fc(D2, 540, 51)),
               Change(Entity.FORECAST, (D2, 570), None))
    assert sorted((a.before is None, a.after is None) for a in done.applied) == [
        (False, False), (False, True), (True, False)
    ]
    got = store.forecast_between(D1, D3)
    assert [(f.work_date, f.start_minute, f.calls, f.aht_seconds) for f in got] == [
        (D1, 540, 50, 300), (D2, 540, 51, 300), (D2, 600, 12, 250), (D3, 600, 50, 300)
    ]
    assert store.counts()["forecast"] == 4


def test_staffing_targets_round_trip_with_the_site(store: Store) -> None:
    site = store.get_site()
    assert site is not None
    assert (site.sl_target_pct, site.sl_target_seconds, site.max_occupancy_pct, site.shrinkage_pct,
            site.interval_minutes) == (80, 20, 90, 30, 30)
    put(store, site_change(site.with_changes(sl_target_pct=90, sl_target_seconds=15, max_occupancy_pct=85,
                                             shrinkage_pct=35, interval_minutes=15)))
    again = store.get_site()
    assert again is not None and again.staffing.needed(100, 180) == again.staffing.needed(100, 180)
    assert (again.sl_target_pct, again.sl_target_seconds, again.max_occupancy_pct, again.shrinkage_pct,
            again.interval_minutes) == (90, 15, 85, 35, 15)


def test_a_database_at_0002_upgrades_to_0003_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "centre.sqlite3"
    create_sqlite_file(path)
    engine = make_engine(resolve_target(path))
    upgrade(engine, "0002")
    engine.dispose()
    with sqlite3.connect(path) as c:
        c.execute("INSERT INTO site (id, name, tz, week_start, pay_period, period_anchor, holiday_region, "
                  "currency, rules, version) VALUES (1, 'Centre Zoë', 'America/Toronto', 6, 'biweekly', "
                  "'2026-01-04', 'CA-ON', '$', '{\"preset\": \"ontario\"}', 4)")
        c.execute("INSERT INTO employees (id, code, name, team, active, version) "
                  "VALUES (1, 'AG001', 'Zoë Côté', 'Billing', 1, 3)")
        c.execute("INSERT INTO shifts (employee_id, work_date, start_min, end_min, break_minutes, "
                  "version, note) VALUES (1, '2026-11-24', 480, 990, 30, 2, 'keys')")
    c.close()
    s = Store.open(path)
    assert s.migration is not None and s.migration.from_revision == "0002"
    assert current_revision(s.engine) == HEAD_REVISION  # 0003, then any later revision
    site = s.get_site()
    assert site is not None and site.name == "Centre Zoë" and site.version == 4
    assert (site.sl_target_pct, site.shrinkage_pct, site.interval_minutes) == (80, 30, 30)
    [shift] = s.shifts_between(D2, D2)
    assert (shift.employee_code, shift.note, shift.version) == ("AG001", "keys", 2)
    assert s.forecast_between(D1, D3) == []
    put(s, forecast(_fc(D2, 480)))
    assert s.counts()["forecast"] == 1
    s.close()
    assert (tmp_path / "centre.before-0002.sqlite3").exists()
