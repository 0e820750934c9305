"""Employees, rates, shift codes, site settings and backups through the services."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, time
from decimal import Decimal
from pathlib import Path

import pytest

from deskwfm.core.errors import InputError, NotFoundError, StaleEditError
from deskwfm.core.model import Employee, ShiftCode, ShiftKind
from deskwfm.services.backup import backup_database
from deskwfm.services.codes import delete_code, list_codes, save_code
from deskwfm.services.employees import (
    add_employee,
    delete_rate,
    list_employees,
    list_rates,
    set_active,
    set_rate,
    update_employee,
)
from deskwfm.services.schedule import CellEdit, apply_edits
from deskwfm.services.site import get_site, save_site
from deskwfm.services.workspace import Workspace


@pytest.mark.parametrize(("rate", "message"), [
    (Decimal("0"), "more than zero"),
    (Decimal("-1"), "more than zero"),
    (Decimal("NaN"), "not a number"),
    (Decimal("Infinity"), "not a number"),
    (Decimal("20.005"), "fraction of a cent"),
    (Decimal("10000"), "largest hourly rate"),
    (Decimal("1E+17"), "largest hourly rate"),
])
def test_bad_rates_are_refused_and_nothing_is_added(centre: Workspace, rate: Decimal, message: str) -> None:
    with pytest.raises(InputError, match=message):
        add_employee(centre, Employee("AG050", "New"), rate, date(2026, 1, 1))
    assert "AG050" not in {e.code for e in list_employees(centre)}


def test_employee_checks_and_updates(centre: Workspace) -> None:
    with pytest.raises(InputError, match="employee code: required"):
        add_employee(centre, Employee("  ", "Nobody"), Decimal("20"), date(2026, 1, 1))
    with pytest.raises(InputError, match="may hold only letters, digits"):
        add_employee(centre, Employee("AG 9", "Nobody"), Decimal("20"), date(2026, 1, 1))
    with pytest.raises(InputError, match="name: required"):
        add_employee(centre, Employee("AG009", "   "), Decimal("20"), date(2026, 1, 1))
    with pytest.raises(InputError, match="already used"):
        add_employee(centre, Employee("AG001", "Twin"), Decimal("20"), date(2026, 1, 1))
    with pytest.raises(InputError, match="employee code ag001 is already used, written AG001"):
        add_employee(centre, Employee("ag001", "Twin"), Decimal("20"), date(2026, 1, 1))
    e = next(e for e in list_employees(centre) if e.code == "AG001")
    updated = update_employee(centre, replace(e, name="  Zoë   Côté-Roy ", contract_minutes=2400))
    assert updated.name == "Zoë Côté-Roy" and updated.version == e.version + 1
    with pytest.raises(StaleEditError):
        update_employee(centre, replace(e, team="Sales"))
    assert not set_active(centre, "AG001", False).active
    assert "AG001" not in {x.code for x in list_employees(centre, include_inactive=False)}


def test_rates_over_time(centre: Workspace) -> None:
    set_rate(centre, "AG001", Decimal("22.50"), date(2026, 11, 15))
    assert [(r.effective_from, r.hourly) for r in list_rates(centre, "AG001")] == [
        (date(2026, 1, 1), Decimal("20.00")), (date(2026, 11, 15), Decimal("22.50"))]
    delete_rate(centre, "AG001", date(2026, 11, 15))
    with pytest.raises(InputError, match="at least one"):
        delete_rate(centre, "AG001", date(2026, 1, 1))
    with pytest.raises(NotFoundError):
        list_rates(centre, "AG404")
    with pytest.raises(NotFoundError):
        set_rate(centre, "AG404", Decimal("20"), date(2026, 1, 1))


def test_shift_codes(centre: Workspace) -> None:
    t = save_code(centre, ShiftCode("tr", ShiftKind.WORK, time(9), time(13), 0, "#AABBCC", "Training"))
    assert t.code == "TR" and t.colour == "#aabbcc" and t.version == 1
    after = apply_edits(centre, [CellEdit("AG001", date(2026, 11, 24), "tr")])[0].after
    assert after is not None and after.code == "TR"
    for bad, msg in [
        (ShiftCode("9", ShiftKind.WORK, time(9), time(17)), "must start with a letter"),
        (ShiftCode("PM", ShiftKind.WORK, time(9), time(17)), "could be read as part of a time"),
        (ShiftCode("X", ShiftKind.WORK, None, None), "needs a start and an end"),
        (ShiftCode("X", ShiftKind.WORK, time(9), time(10), 60), "not shorter"),
        (ShiftCode("X", ShiftKind.WORK, time(9), time(17), 0, "red"), "colour"),
        (ShiftCode("D", ShiftKind.WORK, time(9), time(17)), "already exists"),
    ]:
        with pytest.raises(InputError, match=msg):
            save_code(centre, bad)
    with pytest.raises(StaleEditError):
        save_code(centre, ShiftCode("TR", ShiftKind.WORK, time(9), time(12), 0, "#aabbcc", version=7))
    with pytest.raises(InputError, match="used by 1 shift"):
        delete_code(centre, "TR")
    apply_edits(centre, [CellEdit("AG001", date(2026, 11, 24), "")])
    delete_code(centre, "tr")
    assert "TR" not in {c.code for c in list_codes(centre)}


def test_site_settings_are_validated_and_version_checked(centre: Workspace) -> None:
    site = get_site(centre)
    for changes, msg in [
        ({"tz": "Mars/Olympus"}, "unknown time zone"),
        ({"holiday_region": "XX"}, "unknown holiday region"),
        ({"holiday_region": "CA-ZZ"}, "CA has regions such as CA-AB"),
        ({"period_anchor": date(2026, 1, 6)}, "Tuesday, the week starts on Sunday"),
        ({"rules": site.rules.with_changes(ot_multiplier=Decimal("0.5"))}, "at least 1"),
        ({"rules": site.rules.with_changes(weekly_ot_after=0)}, "out of range"),
        ({"shrinkage_pct": 95}, "shrinkage: 95 % is outside 0 to 90 %"),
        ({"interval_minutes": 20}, "not one of 15, 30 or 60 minutes"),
        ({"name": "Centre\x07"}, "site name: contains an invisible control character"),
        ({"name": "x" * 201}, "site name: 201 characters long; at most 200"),
        ({"currency": "dollars"}, "currency symbol: 7 characters long; at most 4"),
    ]:
        with pytest.raises(InputError, match=msg):
            save_site(centre, site.with_changes(**changes))
    saved = save_site(centre, site.with_changes(tz="America/Vancouver", holiday_region="ca-bc"))
    assert get_site(centre).holiday_region == "CA-BC" and saved.version == site.version + 1
    with pytest.raises(StaleEditError):
        save_site(centre, site.with_changes(name="stale"))
    assert save_site(centre, saved.with_changes(holiday_region="")).holiday_region == "NONE"


def test_backup_through_the_service(centre: Workspace, tmp_path: Path) -> None:
    out = backup_database(centre, tmp_path / "copy.sqlite3")
    with sqlite3.connect(out) as c:
        assert c.execute("SELECT count(*) FROM employees").fetchone() == (3,)
    c.close()
    assert centre.title == "centre.sqlite3"
