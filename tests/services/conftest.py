"""A fresh centre (default site and shift codes) with three employees, for service tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from deskwfm.core.model import Employee
from deskwfm.core.site import SiteSettings
from deskwfm.services.employees import add_employee
from deskwfm.services.setup import init_database
from deskwfm.services.workspace import Workspace


@pytest.fixture
def centre(tmp_path: Path) -> Iterator[Workspace]:
    ws = init_database(tmp_path / "centre.sqlite3", SiteSettings())
    add_employee(ws, Employee("AG001", "Zoë Côté", "Billing"), Decimal("20.00"), date(2026, 1, 1))
    add_employee(ws, Employee("AG002", "王芳", "Tech Support"), Decimal("24.50"), date(2026, 1, 1))
    add_employee(ws, Employee("AG003", "Nguyễn Thị Hương", "Billing"), Decimal("22.00"), date(2026, 1, 1))
    try:
        yield ws
    finally:
        ws.close()
