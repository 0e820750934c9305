"""The pay-period picker, driven by its buttons, its list and its date fields."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateEdit

from deskwfm.core.model import PayPeriodKind
from deskwfm.core.site import SiteSettings
from deskwfm.gui.period_picker import PeriodPicker

SITE = SiteSettings()  # bi-weekly periods from Sun 2026-01-04, weeks from Sunday


def picker(qtbot, **kw) -> PeriodPicker:  # type: ignore[no-untyped-def]
    p = PeriodPicker(SITE, date(2026, 11, 24), **kw)
    qtbot.addWidget(p)
    p.show()
    return p


def type_date(qtbot, edit: QDateEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type a YYYY-MM-DD date section by section, in the order that keeps it valid (a user
    moving a date back fixes the day first, moving it on the month first)."""
    year, month, day = text.split("-")
    sections = [(QDateEdit.Section.DaySection, day), (QDateEdit.Section.MonthSection, month),
                (QDateEdit.Section.YearSection, year)]
    if text > edit.date().toString("yyyy-MM-dd"):
        sections.reverse()
    edit.setFocus()
    for section, digits in sections:
        edit.setSelectedSection(section)
        qtbot.keyClicks(edit, digits)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_starts_on_the_pay_period_containing_the_view(qtbot) -> None:  # type: ignore[no-untyped-def]
    p = picker(qtbot)
    assert p.label.text() == "Pay period 2026-11-22 to 2026-12-05"
    assert p.combo.currentText() == "Sun 2026-11-22 to Sat 2026-12-05"
    rng = p.range()
    assert (rng.start, rng.end, rng.is_pay_period) == (date(2026, 11, 22), date(2026, 12, 5), True)


def test_previous_and_next_step_by_pay_period(qtbot) -> None:  # type: ignore[no-untyped-def]
    p = picker(qtbot)
    qtbot.mouseClick(p.prev_button, Qt.MouseButton.LeftButton)
    assert p.label.text() == "Pay period 2026-11-08 to 2026-11-21"
    for _ in range(3):
        qtbot.mouseClick(p.next_button, Qt.MouseButton.LeftButton)
    assert p.label.text() == "Pay period 2026-12-20 to 2027-01-02"
    for _ in range(20):  # beyond the listed periods: the list follows
        qtbot.mouseClick(p.next_button, Qt.MouseButton.LeftButton)
    assert p.combo.currentText() == "Sun 2027-09-26 to Sat 2027-10-09"
    assert p.range().is_pay_period


def test_recent_periods_are_listed_newest_first(qtbot) -> None:  # type: ignore[no-untyped-def]
    p = picker(qtbot)
    items = [p.combo.itemText(i) for i in range(p.combo.count())]
    assert items[:3] == ["Sun 2026-12-20 to Sat 2027-01-02", "Sun 2026-12-06 to Sat 2026-12-19",
                         "Sun 2026-11-22 to Sat 2026-12-05"]
    assert items[-1] == "Custom range" and len(items) == 12 + 1 + 2 + 1
    p.combo.setFocus()
    qtbot.keyClick(p.combo, Qt.Key.Key_Down)  # one period older
    assert p.label.text() == "Pay period 2026-11-08 to 2026-11-21"
    assert p.from_edit.date().toString("yyyy-MM-dd") == "2026-11-08"


def test_any_other_range_is_labelled_not_a_pay_period(qtbot) -> None:  # type: ignore[no-untyped-def]
    p = picker(qtbot)
    seen: list[str] = []
    p.changed.connect(lambda: seen.append(p.label.text()))
    type_date(qtbot, p.to_edit, "2026-11-28")
    assert p.label.text() == "Date range 2026-11-22 to 2026-11-28 (not a pay period)"
    assert p.combo.currentText() == "Custom range"
    assert not p.range().is_pay_period and seen[-1] == p.label.text()
    type_date(qtbot, p.to_edit, "2026-12-05")  # back to the whole period: recognised as such
    assert p.label.text() == "Pay period 2026-11-22 to 2026-12-05"


def test_the_range_on_screen_can_be_offered_first(qtbot) -> None:  # type: ignore[no-untyped-def]
    p = picker(qtbot, view=(date(2026, 11, 22), date(2026, 11, 28)), start_on_view=True, payroll=False)
    assert p.combo.currentText() == "On screen: Sun 2026-11-22 to Sat 2026-11-28"
    assert p.label.text() == "Sun 2026-11-22 to Sat 2026-11-28"  # a chart need not be a pay period
    qtbot.mouseClick(p.next_button, Qt.MouseButton.LeftButton)
    assert p.label.text() == "Pay period 2026-12-06 to 2026-12-19"


def test_periods_follow_the_site_settings(qtbot) -> None:  # type: ignore[no-untyped-def]
    monthly = PeriodPicker(SiteSettings(pay_period=PayPeriodKind.SEMIMONTHLY), date(2026, 11, 24))
    qtbot.addWidget(monthly)
    assert monthly.label.text() == "Pay period 2026-11-16 to 2026-11-30"
    qtbot.mouseClick(monthly.next_button, Qt.MouseButton.LeftButton)
    assert monthly.label.text() == "Pay period 2026-12-01 to 2026-12-15"
