"""The demo centre staggers its breaks, so its Short row has no built-in lunch gap."""

from __future__ import annotations

from collections import Counter
from datetime import date, time

from deskwfm.core.coverage import Coverage
from deskwfm.core.model import ShiftKind
from deskwfm.core.site import SiteSettings
from deskwfm.services.demo import build_demo
from deskwfm.services.setup import DEFAULT_CODES

WED = date(2026, 11, 25)


def test_demo_breaks_are_staggered_and_the_floor_never_empties_at_lunch() -> None:
    site = SiteSettings()
    plan = build_demo(site, {c.code for c in DEFAULT_CODES}, today=date(2026, 11, 24))
    day = [s for s in plan.shifts if s.work_date == WED and s.code == "D"]
    slots = Counter(s.break_start for s in day)
    assert len(day) > 12 and None not in slots and len(slots) == 4
    assert max(slots.values()) <= len(day) / 2  # no slot takes half the day shift
    nights = Counter(s.break_start for s in plan.shifts if s.code == "N")
    assert set(nights) == {time(1), time(1, 30), time(3), time(3, 30)}
    cov = Coverage(site.tz, 30, [WED])
    cov.add_all(s for s in plan.shifts if s.kind is ShiftKind.WORK)
    counts = cov.scheduled(WED)
    # 10:00 vs 12:00: only the day agents whose break starts at 12:00 are away (with centred
    # breaks every D shift, 08:00-16:30/30, would be at lunch 12:00-12:30)
    assert counts[20] - counts[24] == slots[time(12)]
