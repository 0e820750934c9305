"""Site settings: time zone, week start, pay period, rules and holiday region."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from zoneinfo import ZoneInfo

from deskwfm.core.model import PayPeriodKind
from deskwfm.core.rules import PRESETS, RuleSet
from deskwfm.core.staffing_targets import StaffingTargets

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
    # Erlang C staffing targets (whole percents, seconds, minutes): 80 % of calls answered
    # within 20 s, agents at most 90 % busy, 30 % shrinkage, forecast in 30-minute intervals.
    sl_target_pct: int = 80
    sl_target_seconds: int = 20
    max_occupancy_pct: int = 90
    shrinkage_pct: int = 30
    interval_minutes: int = 30
    version: int = 0

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.tz)

    @property
    def staffing(self) -> StaffingTargets:
        return StaffingTargets(
            self.sl_target_pct, self.sl_target_seconds, self.max_occupancy_pct, self.shrinkage_pct,
            self.interval_minutes,
        )

    def with_changes(self, **changes: object) -> SiteSettings:
        return replace(self, **changes)  # type: ignore[arg-type]
