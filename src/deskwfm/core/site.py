"""Site settings: time zone, week start, pay period, rules and holiday region."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from deskwfm.core.errors import InputError
from deskwfm.core.holidays import validate_region
from deskwfm.core.messages import Msg, msg
from deskwfm.core.model import PayPeriodKind
from deskwfm.core.rules import PRESETS, NightPremiumKind, RuleSet
from deskwfm.core.staffing_targets import StaffingTargets
from deskwfm.core.text import check_currency, check_site_name
from deskwfm.core.timekeeping import Timekeeping

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
    # Actual time: pay basis, rounding, session gap, grace periods (core.timekeeping).
    timekeeping: Timekeeping = field(default_factory=Timekeeping)
    # Shift shapes the automatic scheduler may use besides the work codes: these start times,
    # each with these lengths (minutes from start to end); see services.auto_schedule.
    auto_starts: tuple[time, ...] = ()
    auto_lengths: tuple[int, ...] = ()

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


def check_time_zone(tz: str) -> str:
    """An IANA zone name the system knows (``America/Toronto``)."""
    if not tz or tz != tz.strip():
        raise InputError(msg('time zone "{tz}" is not an IANA zone; write it like America/Toronto', tz=tz))
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise InputError(msg('unknown time zone "{tz}"; write it like America/Toronto', tz=tz)) from None
    return tz


_THRESHOLDS: tuple[tuple[str, Msg, int], ...] = (
    ("daily_ot_after", msg("daily overtime after"), 24 * 60),
    ("daily_dt_after", msg("daily double time after"), 24 * 60),
    ("max_daily_minutes", msg("maximum hours a day"), 24 * 60),
    ("weekly_ot_after", msg("weekly overtime after"), 7 * 24 * 60),
    ("max_weekly_minutes", msg("maximum hours a week"), 7 * 24 * 60),
)


def check_rules(r: RuleSet) -> RuleSet:
    """InputError naming the first pay-rule setting out of range."""
    for name, label, limit in _THRESHOLDS:
        v = getattr(r, name)
        if v is not None and not 0 < v <= limit:
            raise InputError(
                msg(
                    "{rule}: {m:hours} hours is out of range (more than 0, at most {limit:hours})",
                    rule=label,
                    m=v,
                    limit=limit,
                )
            )
    if r.daily_ot_after is not None and r.daily_dt_after is not None and r.daily_dt_after <= r.daily_ot_after:
        raise InputError(msg("daily double time must start after daily overtime"))
    if r.ot_multiplier < 1 or r.dt_multiplier < 1 or r.holiday_worked_multiplier < 1:
        raise InputError(msg("pay multipliers must be at least 1"))
    if not r.night_premium.is_finite() or r.night_premium < 0:
        raise InputError(msg("the night premium must be zero or more"))
    if r.night_premium_kind is NightPremiumKind.PERCENT and r.night_premium > 100:
        percent = format(r.night_premium, "f")
        raise InputError(msg("the night premium is {p}%, more than 100%", p=percent))
    if not 0 <= r.min_rest_minutes <= 24 * 60:
        raise InputError(msg("minimum rest must be between 0 and 24 hours"))
    if not 0 <= r.holiday_week_reduces_weekly_ot_by <= 24 * 60:
        raise InputError(msg("a holiday can lower weekly overtime by 0 to 24 hours"))
    return r


def validate_site(site: SiteSettings) -> SiteSettings:
    """The settings with name, currency and holiday region normalised; InputError naming the
    first setting that is wrong."""
    name = check_site_name(site.name)
    currency = check_currency(site.currency)
    check_time_zone(site.tz)
    region = validate_region(site.holiday_region)
    if not 0 <= site.week_start <= 6:
        raise InputError(
            msg("week start {n} is not a weekday (0 = Monday .. 6 = Sunday)", n=site.week_start)
        )
    if site.pay_period in (PayPeriodKind.WEEKLY, PayPeriodKind.BIWEEKLY) and (
        site.period_anchor.weekday() != site.week_start
    ):
        raise InputError(
            msg(
                "pay periods must start on the first day of a work week: {day:date} is a {weekday}, "
                "the week starts on {first}",
                day=site.period_anchor,
                weekday=WEEKDAY_NAMES[site.period_anchor.weekday()].title(),
                first=WEEKDAY_NAMES[site.week_start].title(),
            )
        )
    check_rules(site.rules)
    from deskwfm.core.roster_rules import check_roster_rules

    check_roster_rules(site.rules)
    from deskwfm.core.auto_shapes import check_lengths, check_starts

    check_starts(site.auto_starts)
    check_lengths(site.auto_lengths)
    site.staffing.check()
    site.timekeeping.check()
    return site.with_changes(name=name, currency=currency, holiday_region=region)
