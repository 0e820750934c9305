"""Every way of changing data leaves audit rows saying how: one test per kind of write."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal
from pathlib import Path

import pytest

from deskwfm.cli.main import main
from deskwfm.core.changes import How
from deskwfm.core.model import Employee, ShiftCode, ShiftKind
from deskwfm.services import codes as code_service
from deskwfm.services import employees as emp_service
from deskwfm.services.forecast import clear_forecast, import_forecast
from deskwfm.services.schedule import CellEdit, apply_edits, revert
from deskwfm.services.site import get_site, save_site
from deskwfm.services.workspace import Workspace

TUE = date(2026, 11, 24)


def _newest(ws: Workspace) -> tuple[str, str, str, str]:
    e = ws.store.audit_entries(limit=1)[0]
    return e.how, e.entity, e.key, e.detail


@pytest.mark.parametrize("how", [How.GRID_EDIT, How.PASTE, How.FILL, How.CLEAR, How.CODE, How.COPY_WEEK])
def test_grid_actions_are_recorded_as_what_they_were(centre: Workspace, how: How) -> None:
    apply_edits(centre, [CellEdit("AG001", TUE, "9-17")], how)
    assert _newest(centre)[:3] == (how.value, "shift", "AG001|2026-11-24")


def test_undo_and_redo_are_recorded(centre: Workspace) -> None:
    done = apply_edits(centre, [CellEdit("AG001", TUE, "9-17")])
    revert(centre, done)
    assert _newest(centre)[0] == "undo"
    revert(centre, done, redo=True)
    assert _newest(centre)[0] == "redo"
    assert [e.how for e in centre.store.audit_entries(employee="AG001", entity="shift")] == [
        "redo",
        "undo",
        "grid edit",
    ]


def test_settings_dialogs_changes_are_recorded(centre: Workspace) -> None:
    emp_service.add_employee(centre, Employee("AG010", "Ana Lima"), Decimal("19.50"), date(2026, 1, 1))
    assert [(e.how, e.entity) for e in centre.store.audit_entries(limit=2)] == [
        ("settings dialog", "rate"),
        ("settings dialog", "employee"),
    ]
    emp_service.set_active(centre, "AG010", False)
    assert _newest(centre)[:2] == ("settings dialog", "employee")
    code_service.save_code(centre, ShiftCode("TRN", ShiftKind.WORK, time(9), time(12), 0, "#aabbcc"))
    assert _newest(centre)[:3] == ("settings dialog", "code", "TRN")
    save_site(centre, get_site(centre).with_changes(name="Lakeshore"))
    how, entity, _key, _ = _newest(centre)
    assert (how, entity) == ("settings dialog", "site")
    assert '"name":"Lakeshore"' in (centre.store.audit_entries(limit=1)[0].after or "")


def test_the_command_line_is_recorded_with_the_command(centre: Workspace, tmp_path: Path) -> None:
    db = str(tmp_path / "centre.sqlite3")
    assert main(["--db", db, "shift", "set", "AG002", "2026-11-24", "D"]) == 0
    how, entity, key, detail = _newest(centre)
    assert (how, entity, key) == ("command line", "shift", "AG002|2026-11-24")
    assert detail.endswith("shift set AG002 2026-11-24 D")
    assert main(["--db", db, "employee", "rate", "AG002", "26.00", "--from", "2026-12-01"]) == 0
    assert _newest(centre)[:2] == ("command line", "rate")


def test_a_forecast_import_is_recorded_with_its_file_and_clear_with_the_command(
    centre: Workspace, tmp_path: Path
) -> None:
    f = tmp_path / "calls.csv"
    f.write_text("Date,Interval start,Calls,AHT (s)\n2026-11-24,09:00,40,300\n2026-11-24,09:30,55,300\n")
    assert import_forecast(centre, f).written
    rows = centre.store.audit_entries(how="forecast import")
    assert len(rows) == 2 and {r.detail for r in rows} == {"calls.csv"} and rows[0].day == TUE
    clear_forecast(centre, How.CLI, "deskwfm forecast clear")
    assert [r.after for r in centre.store.audit_entries(how="command line")] == [None, None]


def test_a_new_database_records_its_creation(centre: Workspace) -> None:
    first = centre.store.audit_entries()[-3:]  # the oldest rows
    assert {e.how for e in first} == {"new database"}
    assert "site" in {e.entity for e in centre.store.audit_entries(how="new database")}
