"""Forecast import (.xlsx and .csv, all or nothing, every problem located) and the staffing
report against the schedule."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest
from openpyxl import Workbook

from deskwfm.core.errors import InputError
from deskwfm.core.forecast import ForecastInterval
from deskwfm.services.forecast import import_forecast, staffing_between, store_forecast
from deskwfm.services.schedule import CellEdit, apply_edits
from deskwfm.services.workspace import Workspace

MON = date(2026, 11, 23)


def _xlsx(path: Path, rows: list[list[object]], sheet: str = "Forecast") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(["Date", "Interval start", "Calls", "AHT (s)"])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_xlsx_forecast_is_imported(centre: Workspace, tmp_path: Path) -> None:
    f = _xlsx(
        tmp_path / "fc.xlsx",
        [
            [datetime(2026, 11, 23), time(9, 0), 40, 300],
            [MON, time(9, 30), 55.0, 280],
            ["2026-11-24", "10:00", "60", "310"],
        ],
    )
    dry = import_forecast(centre, f, dry_run=True)
    assert dry.ok and not dry.written and centre.store.forecast_between(MON, date(2026, 11, 24)) == []
    res = import_forecast(centre, f)
    assert res.written
    assert str(res.summary()) == "fc.xlsx: 3 intervals on 2 days, 2026-11-23 to 2026-11-24, 155 calls"
    assert centre.store.forecast_between(MON, date(2026, 11, 24)) == [
        ForecastInterval(MON, 540, 40, 300),
        ForecastInterval(MON, 570, 55, 280),
        ForecastInterval(date(2026, 11, 24), 600, 60, 310),
    ]


def test_every_problem_is_listed_and_nothing_is_written(centre: Workspace, tmp_path: Path) -> None:
    store_forecast(centre, MON, MON, [ForecastInterval(MON, 540, 7, 300)])
    rows: list[list[object]] = [[MON, time(9), 40, 300]] * 1 + [[MON, time(9, 30), 40, 300]] * 10
    rows += [
        [MON, time(10), "abc", 300],  # row 13
        [MON, time(10, 30), 12.5, 300],  # row 14
        ["23/11/2026", time(11), 10, 300],  # row 15
        [MON, time(11, 15), 10, 300],  # row 16
        [MON, time(12), 10, "long"],  # row 17
        [MON, time(9), 10, 300],  # row 18: same interval as row 2
        [MON, None, 10, 300],  # row 19
        [MON, time(12, 30), 200_000, 300],  # row 20
        [MON, time(13), 10, 0],  # row 21
        [MON, "25:00", 10, 300],  # row 22
    ]
    f = _xlsx(tmp_path / "bad.xlsx", rows)
    res = import_forecast(centre, f)
    assert not res.written
    assert res.problems == [
        "Forecast!B4: 2026-11-23 09:30 is already forecast in row 3",
        *[f"Forecast!B{r}: 2026-11-23 09:30 is already forecast in row 3" for r in range(5, 13)],
        'Forecast!C13: "abc" is not a number of calls',
        'Forecast!C14: "12.5" is not a whole number of calls',
        'Forecast!A15: "23/11/2026" is not a date; write it like 2026-11-23',
        'Forecast!B16: "11:15" is not the start of a 30-minute interval '
        "(the site plans staffing in 30-minute intervals)",
        'Forecast!D17: "long" is not an average handle time in whole seconds',
        "Forecast!B18: 2026-11-23 09:00 is already forecast in row 2",
        "Forecast!B19: an interval start is missing",
        "Forecast!C20: calls: 200,000 is out of range (0 to 100,000 per interval)",
        "Forecast!D21: average handle time: 0 s is not plausible (1 to 14,400 s)",
        'Forecast!B22: "25:00" is not a time of day; write the interval start like 09:30',
    ]
    assert centre.store.forecast_between(MON, MON) == [ForecastInterval(MON, 540, 7, 300)]


def test_csv_forecast_with_semicolons(centre: Workspace, tmp_path: Path) -> None:
    f = tmp_path / "fc.csv"
    f.write_text(
        "Date;Interval start;Calls;AHT (s)\n2026-11-23;09:00;40;300\n2026-11-23;9:30;x;300\n",
        encoding="utf-8",
    )
    res = import_forecast(centre, f)
    assert res.problems == ['fc.csv!C3: "x" is not a number of calls']
    f.write_text("Date,Interval start,Calls,AHT (s)\n2026-11-23,09:00,40,300\n", encoding="utf-8")
    assert import_forecast(centre, f).written


def test_unreadable_files_are_refused_with_their_name(centre: Workspace, tmp_path: Path) -> None:
    wrong = _xlsx(tmp_path / "wrong.xlsx", [[MON, time(9), 1, 300]], sheet="Calls")
    with pytest.raises(InputError, match=r"wrong.xlsx has no Forecast sheet \(its sheets: Calls\)"):
        import_forecast(centre, wrong)
    fake = tmp_path / "fake.xlsx"
    fake.write_text("Date,Calls\n", encoding="utf-8")
    with pytest.raises(InputError, match="fake.xlsx is not an Excel .xlsx workbook"):
        import_forecast(centre, fake)
    odd = tmp_path / "fc.txt"
    odd.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="from .xlsx or .csv"):
        import_forecast(centre, odd)
    headless = tmp_path / "h.csv"
    headless.write_text("When,Calls\n2026-11-23,4\n", encoding="utf-8")
    assert import_forecast(centre, headless).problems == [
        "h.csv: no header row; the header row should read: Date, Interval start, Calls, AHT (s)"
    ]


def test_staffing_report_counts_the_schedule_against_the_forecast(centre: Workspace) -> None:
    # 100 calls of 180 s in 30 min need 14 agents on the phones (Erlang C, 80/20), 20 scheduled
    # after 30 % shrinkage; the default targets cap occupancy at 90 %.
    fc = [ForecastInterval(MON, 600, 100, 180), ForecastInterval(MON, 1380, 0, 300)]
    store_forecast(centre, MON, MON, fc)
    apply_edits(centre, [CellEdit("AG001", MON, "9-17"), CellEdit("AG002", MON, "10-11")])
    apply_edits(centre, [CellEdit("AG003", date(2026, 11, 22), "22-6")])  # night before: not at 10:00
    report = staffing_between(centre, MON, MON)
    [day] = report.days
    assert [(i.start_text, i.needed, i.scheduled, i.short) for i in day.intervals] == [
        ("10:00", 20, 2, 18),
        ("23:00", 0, 0, 0),
    ]
    assert day.short_agent_minutes == 18 * 30
    with pytest.raises(InputError, match="ends"):
        staffing_between(centre, MON, date(2026, 11, 1))


def test_decimal_commas_in_a_csv_are_refused_not_read_as_thousands(centre: Workspace, tmp_path: Path) -> None:
    """A European CSV writes 1,5 for one and a half: it must not become 15 calls."""
    f = tmp_path / "eu.csv"
    f.write_text(
        "Date;Interval start;Calls;AHT (s)\n2026-11-23;09:00;1,5;300\n2026-11-23;09:30;1,250;300,5\n",
        encoding="utf-8",
    )
    res = import_forecast(centre, f)
    assert res.problems == [  # 1,250 (a thousands comma) is read as 1250 calls, so C3 is fine
        'eu.csv!C2: "1,5" is not a number of calls',
        'eu.csv!D3: "300,5" is not an average handle time in whole seconds',
    ]
    assert centre.store.forecast_between(MON, MON) == []


def test_the_staffing_report_counts_active_employees_only_like_the_grid(centre: Workspace) -> None:
    from dataclasses import replace

    from deskwfm.services.employees import list_employees, update_employee

    store_forecast(centre, MON, MON, [ForecastInterval(MON, 600, 10, 180)])
    apply_edits(centre, [CellEdit("AG001", MON, "9-17"), CellEdit("AG002", MON, "9-17")])
    assert staffing_between(centre, MON, MON).days[0].intervals[0].scheduled == 2
    ag2 = next(e for e in list_employees(centre) if e.code == "AG002")
    update_employee(centre, replace(ag2, active=False))
    assert staffing_between(centre, MON, MON).days[0].intervals[0].scheduled == 1


def test_intervals_inside_the_spring_forward_gap_are_never_short(centre: Workspace) -> None:
    """02:00-03:00 does not happen on 2027-03-14 in Toronto: no need can be shown there."""
    day = date(2027, 3, 14)
    fc = [ForecastInterval(day, m, 5, 300) for m in (90, 120, 150, 180)]
    store_forecast(centre, day, day, fc)
    apply_edits(centre, [CellEdit(f"AG00{i}", date(2027, 3, 13), "22-6") for i in (1, 2, 3)])
    [rep] = staffing_between(centre, day, day).days
    assert [i.start_text for i in rep.intervals] == ["01:30", "03:00"]


def test_the_forecast_interval_cannot_change_under_a_stored_forecast(centre: Workspace) -> None:
    from deskwfm.services.forecast import clear_forecast
    from deskwfm.services.site import get_site, save_site

    store_forecast(centre, MON, MON, [ForecastInterval(MON, 600, 10, 180)])
    site = get_site(centre)
    with pytest.raises(InputError, match="cannot be read as 15-minute intervals"):
        save_site(centre, site.with_changes(interval_minutes=15))
    assert clear_forecast(centre) == 1
    assert save_site(centre, site.with_changes(interval_minutes=15)).interval_minutes == 15
