"""The status bar's sum of a selection prices each shift at the rate in force on its date
(core.payroll.rate_on) and rounds like payroll: half up, per line (core.money)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from deskwfm.services.employees import set_rate
from tests.gui.conftest import MON
from tests.gui.grid_helpers import go_to, select, type_entry

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")
WED, FRI = MON + timedelta(days=2), MON + timedelta(days=4)


def _sum(qtbot, window, text: str) -> str:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: text in window.selection_sum.text())
    return window.selection_sum.text()


def test_a_raise_in_the_middle_of_the_selection_is_priced_from_its_date(qtbot, window) -> None:
    set_rate(window.session.ws, "AG001", Decimal("25.00"), WED)
    window.session.reload()
    select(window, ("AG001", MON), ("AG001", FRI))  # 2 days at $20, 3 at $25
    assert _sum(qtbot, window, "40.00 h") == "5 cells · 5 shifts · Sum 40.00 h · $920.00 at base rate"


def test_half_a_cent_rounds_up_as_payroll_does(qtbot, window) -> None:
    """30 minutes at $20.05 = $10.025: payroll's ROUND_HALF_UP gives $10.03 (half-even: $10.02)."""
    set_rate(window.session.ws, "AG003", Decimal("20.05"), MON - timedelta(days=30))
    window.session.reload()
    go_to(window, "AG003", MON)
    type_entry(qtbot, window, "9-9:30")
    select(window, ("AG003", MON), ("AG003", MON))
    assert _sum(qtbot, window, "0.50 h") == "0.50 h · $10.03 at base rate"


def test_shifts_without_a_rate_are_counted_and_named_not_priced(qtbot, window) -> None:
    from deskwfm.core.model import Employee
    from deskwfm.services.employees import add_employee

    add_employee(window.session.ws, Employee("NEW01", "New Hire", "Blue"), Decimal("20"), WED)
    window.session.reload()
    for d in (MON, WED):
        go_to(window, "NEW01", d)
        type_entry(qtbot, window, "9-17")
    select(window, ("NEW01", MON), ("NEW01", WED))
    text = _sum(qtbot, window, "16.00 h")
    assert text == "3 cells · 2 shifts · Sum 16.00 h · $160.00 at base rate (1 shift without a pay rate)"
