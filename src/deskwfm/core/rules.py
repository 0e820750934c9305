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


class HolidayPayBase(StrEnum):
    """Which earnings of the four weeks before a holiday's week enter its holiday pay.

    REGULAR_WAGES: Ontario ESA s.24(1) "regular wages", defined in s.1(1) as wages other than
    overtime pay, public holiday pay, premium pay (the 1.5x for work on a public holiday),
    vacation pay, ...; vacation pay is then added back by s.24(1) itself.
    WAGES_EXCLUDING_OVERTIME: Canada Labour Code s.196(1), "one twentieth of the wages,
    excluding overtime pay": wages (s.166, every form of remuneration for work performed)
    include the 1.5x paid under s.197(1) for work on an earlier general holiday.
    """

    REGULAR_WAGES = "regular_wages"
    WAGES_EXCLUDING_OVERTIME = "wages_excluding_overtime"


class DailyOvertimeDay(StrEnum):
    """The "day" whose hours beyond ``daily_ot_after`` are overtime.

    WORKDAY: a fixed 24-hour workday starting each calendar day at ``workday_start``
    (California Labor Code s.500(a): "any consecutive 24-hour period commencing at the same
    time each calendar day", midnight unless the employer fixes another time).
    FROM_SHIFT_START: a 24-hour day that starts when the employee starts work (Canada Labour
    Code s.166: "day means any period of twenty-four consecutive hours"), so a continuous
    20:00-06:00 shift is one day of 10 hours. A shift starting inside an open 24-hour day
    joins it; work past the day's 24th hour starts the next day at that instant. Each work
    week's own shifts start afresh, so a week's pay never depends on weeks before the last.
    """

    WORKDAY = "workday"
    FROM_SHIFT_START = "from_shift_start"


class HolidayOnDayOff(StrEnum):
    """What a statutory holiday that falls on an employee's non-working day becomes.

    An employee's working days are read from their schedule (see core.payroll). Both statutes
    give such an employee a holiday with pay on another day: Canada Labour Code s.193(2) (New
    Year's Day, Canada Day, Remembrance Day, Christmas Day or Boxing Day on a non-working
    Saturday or Sunday: "the working day immediately preceding or following"), s.193(1) (any
    other general holiday: "at some other time"); Ontario ESA s.29(1) ("substitute another day
    that would ordinarily be a working day"), or by agreement s.29(3), public holiday pay with
    no substitute day.

    NEXT_WORKING_DAY / PREVIOUS_WORKING_DAY: the employee's next (previous) working day within
    a week becomes their holiday: work on it is paid the holiday premium and, where the rule
    set lowers the weekly overtime threshold for holidays, that day's week is lowered.
    PAY_ONLY: holiday pay only; no day moves and the weekly threshold is not lowered.
    In every case the holiday pay itself is paid for the holiday, in the period that holds it.
    """

    NEXT_WORKING_DAY = "next_working_day"
    PREVIOUS_WORKING_DAY = "previous_working_day"
    PAY_ONLY = "pay_only"


class HolidayEligibility(StrEnum):
    """Conditions on holiday pay that need actual time (applied when the site pays actual time,
    ``core.holiday_eligibility``)."""

    NONE = "none"
    # Ontario ESA 2000 s.26(2): no public holiday pay for an employee who fails, without
    # reasonable cause, to work all of their last regularly scheduled day of work before the
    # holiday or all of their first regularly scheduled day of work after it.
    LAST_AND_FIRST_DAY = "last_and_first_day"
    # Canada Labour Code s.196(4)(a) (s.201(2)(a) before S.C. 2012, c. 31): an employee employed in
    # a continuous operation — telephone and other communication services are one (s.191) — is not
    # entitled to holiday pay for a general holiday on which they do not report for work after
    # having been called to work on that day.
    CALLED_TO_WORK_ON_HOLIDAY = "called_to_work_on_holiday"


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
    daily_ot_day: DailyOvertimeDay = DailyOvertimeDay.WORKDAY
    workday_start: time = time(0, 0)  # DailyOvertimeDay.WORKDAY only
    night_start: time = time(22, 0)
    night_end: time = time(6, 0)
    night_premium: Decimal = Decimal("0")
    night_premium_kind: NightPremiumKind = NightPremiumKind.AMOUNT
    holiday_pay: HolidayPayMethod = HolidayPayMethod.NONE
    holiday_pay_base: HolidayPayBase = HolidayPayBase.REGULAR_WAGES
    holiday_worked_multiplier: Decimal = Decimal("1")
    # Whether minutes worked on a holiday at premium also count toward the daily and weekly OT
    # thresholds (so other hours of the day or week become overtime on top of the premium).
    holiday_hours_count_for_ot: bool = True
    # Minutes the weekly OT threshold drops for each holiday in the work week that falls on one
    # of the employee's working days, or is substituted into the week (Canada federal: 8 h).
    holiday_week_reduces_weekly_ot_by: int = 0
    holiday_on_day_off: HolidayOnDayOff = HolidayOnDayOff.NEXT_WORKING_DAY
    # Warning thresholds (never errors).
    min_rest_minutes: int = 8 * 60
    max_daily_minutes: int | None = 12 * 60
    max_weekly_minutes: int | None = 48 * 60
    holiday_eligibility: HolidayEligibility = HolidayEligibility.NONE
    # Roster patterns (warnings too; the automatic scheduler never breaks them): see
    # core/roster_rules.py. None switches a rule off.
    max_consecutive_days: int | None = 6
    weekend_off_weeks: int | None = 2  # at least one Saturday or Sunday off in every N weeks
    max_nights_in_row: int | None = 5
    no_day_after_night: bool = True

    def with_changes(self, **changes: object) -> RuleSet:
        return replace(self, **changes)  # type: ignore[arg-type]


PRESETS: dict[str, RuleSet] = {
    # Ontario ESA 2000: OT after 44 h/week (s.22(1)), no daily OT; public holiday pay s.24(1) on
    # "regular wages" (s.1(1): no overtime, public holiday or premium pay); premium pay 1.5x for
    # work on a public holiday (s.27(2)(a)); hours paid at premium are not counted toward the 44
    # (editable: holiday_hours_count_for_ot); a public holiday on a day that is not ordinarily
    # a working day moves to a substitute working day (s.29(1); by agreement, pay only, s.29(3)).
    "ontario": RuleSet(
        preset="ontario",
        weekly_ot_after=44 * 60,
        holiday_pay=HolidayPayMethod.FOUR_WEEKS_DIV_20,
        holiday_pay_base=HolidayPayBase.REGULAR_WAGES,
        holiday_worked_multiplier=Decimal("1.5"),
        holiday_hours_count_for_ot=False,
        holiday_on_day_off=HolidayOnDayOff.NEXT_WORKING_DAY,
        max_daily_minutes=13 * 60,
        max_weekly_minutes=48 * 60,
        holiday_eligibility=HolidayEligibility.LAST_AND_FIRST_DAY,
    ),
    # Canada Labour Code Part III: standard hours 8 h a day and 40 h a week, hours beyond are
    # OT at 1.5x (ss.169(1), 174), where a day is any 24 consecutive hours (s.166): counted from
    # the start of work, so a continuous night shift is one day. "During a week when one or more
    # general holidays occur, the standard hours of work are reduced by 8 hours for each holiday"
    # (canada.ca, "Hours of work - Federally regulated workplaces"): applied to a holiday on one
    # of the employee's working days; one on a non-working day gives a holiday with pay on the
    # working day before or after instead (s.193(2)) - here the next - and lowers that day's
    # week. Holiday pay 1/20 of the 4 weeks' wages excluding overtime pay (s.196(1)), which
    # counts 1.5x holiday-work pay. Work on a general holiday: 1.5x in addition to holiday pay
    # (s.197(1)); those hours are not counted again toward the week's overtime, whose standard
    # is already lowered for the holiday: each hour is paid one premium (see
    # tests/core/test_rules_canada_federal.py for the reasoning and worked examples).
    "canada-federal": RuleSet(
        preset="canada-federal",
        daily_ot_after=8 * 60,
        weekly_ot_after=40 * 60,
        daily_ot_day=DailyOvertimeDay.FROM_SHIFT_START,
        holiday_pay=HolidayPayMethod.FOUR_WEEKS_DIV_20,
        holiday_pay_base=HolidayPayBase.WAGES_EXCLUDING_OVERTIME,
        holiday_worked_multiplier=Decimal("1.5"),
        holiday_hours_count_for_ot=False,
        holiday_week_reduces_weekly_ot_by=8 * 60,
        holiday_on_day_off=HolidayOnDayOff.NEXT_WORKING_DAY,
        max_weekly_minutes=48 * 60,
        holiday_eligibility=HolidayEligibility.CALLED_TO_WORK_ON_HOLIDAY,
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
    # 7th consecutive day: first 8 h 1.5x, beyond 8 h 2x. The workday is "any consecutive
    # 24-hour period commencing at the same time each calendar day" (s.500(a)): midnight by
    # default, editable as workday_start; the workweek is seven such workdays (s.500(b)).
    "california": RuleSet(
        preset="california",
        daily_ot_after=8 * 60,
        daily_dt_after=12 * 60,
        weekly_ot_after=40 * 60,
        seventh_day=True,
        daily_ot_day=DailyOvertimeDay.WORKDAY,
        workday_start=time(0, 0),
        ot_base=OvertimeBase.REGULAR_RATE,
        max_daily_minutes=None,
        max_weekly_minutes=None,
    ),
}

PRESET_NAMES: tuple[str, ...] = tuple(PRESETS)


def preset(name: str) -> RuleSet:
    from deskwfm.core.errors import InputError
    from deskwfm.core.messages import msg

    try:
        return PRESETS[name]
    except KeyError:
        raise InputError(msg(
            'unknown rules preset "{name}"; expected one of {names}', name=name, names=", ".join(PRESET_NAMES)
        )) from None
