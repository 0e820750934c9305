"""Site settings: time zone, week start, pay period, rules and holiday region."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from zoneinfo import ZoneInfo

from deskwfm.core.model import PayPeriodKind
from deskwfm.core.rules import PRESETS, RuleSet

WEEKDAY_NAMES: tuple[str, ...] = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)


@dataclass(frozen=True, slots=True)
class SiteSettings:
    name: str = "Contact centre"
    tz: str = "America/Toronto"
    week_start: int = 6  # date.weekday() of the first day of the work week; 6 = Sunday
    pay_period: PayPeriodKind = PayPeriodKind.BIWEEKLY
    period_anchor: date = date(2026, 1, 4)  # first day of some pay period (weekly/biweekly)
    rules: RuleSet = field(default_factory=lambda: PRESETS["ontario"])
    holiday_region: str = "CA-ON"
    currency: str = "$"
    version: int = 0

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.tz)

    def with_changes(self, **changes: object) -> SiteSettings:
        return replace(self, **changes)  # type: ignore[arg-type]
