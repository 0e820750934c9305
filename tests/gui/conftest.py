"""Fixtures for the schedule window tests: a small real centre on disk and the main window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from deskwfm.core.model import Employee
from deskwfm.core.site import SiteSettings

# Sun 22 Nov - Sat 28 Nov 2026 is the week the tests look at (the site's week starts on Sunday).
WEEK_OF = date(2026, 11, 24)
MON = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def _temp_qsettings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Window geometry, view and recent files go to a temp INI, never the user's settings."""
    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield


def make_centre(path: Path) -> Path:
    """Six agents in two teams at $20/h; Mon-Fri day shifts for AG001 and AG002."""
    from deskwfm.services.employees import add_employee
    from deskwfm.services.schedule import CellEdit, apply_edits
    from deskwfm.services.setup import init_database

    ws = init_database(path, SiteSettings(name="Test centre"))
    try:
        for i, team in enumerate(["Blue", "Blue", "Blue", "Green", "Green", "Green"], start=1):
            add_employee(
                ws,
                Employee(f"AG00{i}", f"Agent {i}", team, contract_minutes=40 * 60),
                Decimal("20.00"),
                date(2020, 1, 1),
            )
        edits = [
            CellEdit(code, date(2026, 11, 23 + d), "9-17") for code in ("AG001", "AG002") for d in range(5)
        ]
        apply_edits(ws, edits)
    finally:
        ws.close()
    return path


@pytest.fixture
def centre(tmp_path: Path) -> Path:
    return make_centre(tmp_path / "centre.sqlite3")


@pytest.fixture
def window(qtbot, centre: Path):  # type: ignore[no-untyped-def]
    from deskwfm.gui.main_window import MainWindow
    from deskwfm.gui.view_range import ViewKind
    from deskwfm.services.workspace import Workspace

    ws = Workspace.open(centre)
    win = MainWindow(ws, ViewKind.WEEK, WEEK_OF)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    ws.close()


# Tuesday 1 December 2026, noon UTC: the test week is over, so every shift in it is checked.
AFTER_THE_WEEK = 29_935_440  # epoch minutes of 2026-12-01 12:00 UTC


@pytest.fixture
def after_the_week(monkeypatch: pytest.MonkeyPatch) -> int:
    """Exceptions are found only for shifts over by "now": fix "now" after the test week, so the
    actual-time tests do not depend on the day they run."""
    for module in ("deskwfm.services.actual", "deskwfm.services.attendance", "deskwfm.services.exceptions",
                   "deskwfm.gui.actual_state"):
        monkeypatch.setattr(f"{module}.now_minutes", lambda: AFTER_THE_WEEK)
    return AFTER_THE_WEEK
