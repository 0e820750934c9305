"""Pay rules as data: a RuleSet per site, with presets for the supported jurisdictions.

A preset is only a starting point: every threshold and multiplier is editable per site.
Thresholds are in minutes; ``None`` switches a rule off.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import time
from decimal import Decimal
from enum import StrEnum


class OvertimeBase(StrEnum):
    """What an overtime multiplier applies to.

    BASE_RATE: the employee's hourly rate in force for that hour.
    REGULAR_RATE: the work week's regular rate (straight-time earnings including night
    differentials / total hours worked), as the US FLSA (29 CFR 778.109, 778.207(b)) and
    California require.
    """

    BASE_RATE = "base_rate"
    REGULAR_RATE = "regular_rate"


class NightPremiumKind(StrEnum):
    AMOUNT = "amount"  # currency per night hour
    PERCENT = "percent"  # percent of the hourly rate in force


class HolidayPayMethod(StrEnum):
    NONE = "none"
    # (regular wages + vacation pay) earned in the 4 work weeks before the work week of the
    # holiday, divided by 20: Ontario ESA s.24(1), Canada Labour Code s.196(1).
    FOUR_WEEKS_DIV_20 = "four_weeks_div_20"


@dataclass(frozen=True, slots=True)
class RuleSet:
    preset: str
    daily_ot_after: int | None = None
    daily_dt_after: int | None = None
    weekly_ot_after: int | None = None
    seventh_day: bool = False  # California: 7th consecutive day of the work week
    ot_multiplier: Decimal = Decimal("1.5")
    dt_multiplier: Decimal = Decimal("2")
    ot_base: OvertimeBase = OvertimeBase.BASE_RATE
    night_start: time = time(22, 0)
    night_end: time = time(6, 0)
    night_premium: Decimal = Decimal("0")
    night_premium_kind: NightPremiumKind = NightPremiumKind.AMOUNT
    holiday_pay: HolidayPayMethod = HolidayPayMethod.NONE
    holiday_worked_multiplier: Decimal = Decimal("1")
    # Whether minutes worked on a holiday at premium count toward the weekly OT threshold.
    holiday_hours_count_for_ot: bool = True
    # Minutes the weekly OT threshold drops for each holiday in the work week (Canada federal: 8 h).
    holiday_week_reduces_weekly_ot_by: int = 0
    # Warning thresholds (never errors).
    min_rest_minutes: int = 8 * 60
    max_daily_minutes: int | None = 12 * 60
    max_weekly_minutes: int | None = 48 * 60

    def with_changes(self, **changes: object) -> RuleSet:
        return replace(self, **changes)  # type: ignore[arg-type]


PRESETS: dict[str, RuleSet] = {
    # Ontario ESA 2000: OT after 44 h/week (s.22(1)), no daily OT; public holiday pay s.24(1);
    # premium pay 1.5x for work on a public holiday (s.27(2)(a)); hours paid at premium are not
    # counted toward the 44 (editable: holiday_hours_count_for_ot).
    "ontario": RuleSet(
        preset="ontario",
        weekly_ot_after=44 * 60,
        holiday_pay=HolidayPayMethod.FOUR_WEEKS_DIV_20,
        holiday_worked_multiplier=Decimal("1.5"),
        holiday_hours_count_for_ot=False,
        max_daily_minutes=13 * 60,
        max_weekly_minutes=48 * 60,
    ),
    # Canada Labour Code Part III: standard hours 8 h/day and 40 h/week, hours beyond are OT at
    # 1.5x (ss.169, 174); the weekly standard drops 8 h per general holiday in the week (s.169(2)
    # as explained on canada.ca "Hours of work"); holiday pay s.196(1); 1.5x for work on a
    # general holiday in addition to holiday pay (s.197(1)); those hours count as hours worked.
    "canada-federal": RuleSet(
        preset="canada-federal",
        daily_ot_after=8 * 60,
        weekly_ot_after=40 * 60,
        holiday_pay=HolidayPayMethod.FOUR_WEEKS_DIV_20,
        holiday_worked_multiplier=Decimal("1.5"),
        holiday_hours_count_for_ot=True,
        holiday_week_reduces_weekly_ot_by=8 * 60,
        max_weekly_minutes=48 * 60,
    ),
    # US FLSA: OT after 40 h/workweek at 1.5x the regular rate (29 USC 207(a), 29 CFR 778).
    "flsa": RuleSet(
        preset="flsa",
        weekly_ot_after=40 * 60,
        ot_base=OvertimeBase.REGULAR_RATE,
        max_daily_minutes=None,
        max_weekly_minutes=None,
    ),
    # California Labor Code s.510: > 8 h/day 1.5x, > 12 h/day 2x, > 40 h/week 1.5x,
    # 7th consecutive day: first 8 h 1.5x, beyond 8 h 2x.
    "california": RuleSet(
        preset="california",
        daily_ot_after=8 * 60,
        daily_dt_after=12 * 60,
        weekly_ot_after=40 * 60,
        seventh_day=True,
        ot_base=OvertimeBase.REGULAR_RATE,
        max_daily_minutes=None,
        max_weekly_minutes=None,
    ),
}

PRESET_NAMES: tuple[str, ...] = tuple(PRESETS)


def preset(name: str) -> RuleSet:
    from deskwfm.core.errors import InputError

    try:
        return PRESETS[name]
    except KeyError:
        raise InputError(
            f"unknown rules preset {name!r}; expected one of {', '.join(PRESET_NAMES)}"
        ) from None
