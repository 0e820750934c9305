"""Payroll use case: load a period (with the look-back the rules need), price it with the
core engine, and present it as the ``payroll --json`` document or an aligned text table."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from deskwfm.core.actual import ActualDay
from deskwfm.core.errors import InputError, NotFoundError
from deskwfm.core.holiday_eligibility import HolidayLoss
from deskwfm.core.messages import N_, msg, msg_n
from deskwfm.core.model import Employee, Shift
from deskwfm.core.money import hours_text, round_cents
from deskwfm.core.pay_basis import eligibility_window, employee_pay
from deskwfm.core.payroll import (
    EmployeePay,
    MinuteTotals,
    PayrollResult,
    compute_payroll,
    payroll_load_window,
    payroll_totals,
)
from deskwfm.core.periods import check_order, check_plausible
from deskwfm.core.site import SiteSettings
from deskwfm.core.timekeeping import PayBasis
from deskwfm.services.schedule import holidays_for
from deskwfm.services.workspace import Workspace

if TYPE_CHECKING:
    from deskwfm.store.store import RangeData

MAX_PERIOD_DAYS = 400

# (JSON key, table heading, what) in the order of the issue's --json spec.
HOUR_KEYS = ("regular_hours", "overtime_hours", "double_time_hours", "night_hours", "holiday_hours")
COLUMNS: tuple[tuple[str, str], ...] = (
    ("regular_hours", N_("Regular")),
    ("overtime_hours", N_("OT 1.5x")),
    ("double_time_hours", N_("OT 2x")),
    ("night_hours", N_("Night")),
    ("holiday_hours", N_("Hol. worked")),
    ("holiday_pay", N_("Hol. pay")),
    ("leave_hours", N_("Leave")),
    ("gross_pay", N_("Gross")),
)


def run_payroll(
    ws: Workspace,
    start: date,
    end: date,
    *,
    employee_codes: Sequence[str] | None = None,
    team: str | None = None,
    allow_missing_rates: bool = False,
) -> PayrollResult:
    """Pay of active employees (and inactive ones with shifts in the period) for start..end,
    optionally only some codes or one team. A locked pay period gives the figures its lock
    stored (they never change with later rules or codes); anything else is computed now, and
    refused when paid hours have no pay rate (``compute_payroll_now``)."""
    from deskwfm.services.periods import locked_state, stored_payroll

    state = locked_state(ws, start, end)
    if state is None:
        return compute_payroll_now(
            ws, start, end, employee_codes=employee_codes, team=team, allow_missing_rates=allow_missing_rates
        )
    stored = stored_payroll(ws, state)
    pays = [
        ep for ep in stored.employees
        if (employee_codes is None or ep.employee.code in employee_codes)
        and (team is None or ep.employee.team == team)
    ]
    if employee_codes is not None:
        missing = sorted(set(employee_codes) - {ep.employee.code for ep in pays})
        if missing:
            raise NotFoundError(
                msg("no employee with code {code} in the locked pay period", code=", ".join(missing))
            )
    return PayrollResult(start, end, tuple(pays))


def compute_payroll_now(
    ws: Workspace,
    start: date,
    end: date,
    *,
    employee_codes: Sequence[str] | None = None,
    team: str | None = None,
    allow_missing_rates: bool = False,
) -> PayrollResult:
    """Pay for start..end computed from the data as it is now, on the site's pay basis. Loads
    shifts over ``payroll_load_window`` so weekly overtime and holiday pay see whole weeks and the
    four weeks before a holiday.

    Paid hours without a pay rate in force are refused with one InputError naming every such
    employee (``missing_rate_error``), unless ``allow_missing_rates`` (hours-only uses such as
    the schedule workbook): then those employees' ``missing_rate`` is set and their gross is
    incomplete."""
    return payroll_with_losses(
        ws, start, end, employee_codes=employee_codes, team=team, allow_missing_rates=allow_missing_rates
    )[0]


def payroll_with_losses(
    ws: Workspace,
    start: date,
    end: date,
    *,
    employee_codes: Sequence[str] | None = None,
    team: str | None = None,
    allow_missing_rates: bool = False,
    now: int | None = None,
) -> tuple[PayrollResult, dict[str, list[HolidayLoss]]]:
    """``compute_payroll_now`` and, under the actual basis, the holidays whose pay each employee
    lost (``core.holiday_eligibility``; none under the schedule basis)."""
    check_plausible(start, msg("the period start"))
    check_plausible(end, msg("the period end"))
    check_order(start, end, period=True)
    if (end - start).days >= MAX_PERIOD_DAYS:
        raise InputError(msg("a payroll period can span at most {limit} days", limit=MAX_PERIOD_DAYS))
    site = ws.store.get_site()
    if site is None:
        raise ws.no_site()
    on_actual = site.timekeeping.pay_basis is PayBasis.ACTUAL
    load_from, load_to = payroll_load_window(site, start, end)
    if on_actual:  # the days around each holiday decide its pay (ESA s.26(2))
        load_from, load_to = eligibility_window(load_from, load_to)
    data = ws.store.load_range(
        load_from, load_to, employee_codes=employee_codes, team=team, include_inactive=True, actual=on_actual
    )
    if employee_codes is not None:
        missing = sorted(set(employee_codes) - {e.code for e in data.employees})
        if missing:
            raise NotFoundError(msg("no employee with code {code}", code=", ".join(missing)))
    if team is not None and not data.employees:
        raise no_team(ws, team)
    worked = {s.employee_code for s in data.shifts if start <= s.work_date <= end}
    worked |= {d.employee_code for d in data.actual if start <= d.work_date <= end and not d.empty}
    employees = [e for e in data.employees if e.active or e.code in worked or employee_codes is not None]
    holidays = holidays_for(site, load_from, load_to)
    losses: dict[str, list[HolidayLoss]] = {}
    if not on_actual:
        result = compute_payroll(site, employees, data.rates, data.shifts, start, end, holidays)
    else:
        result, losses = _on_actual(site, employees, data, start, end, holidays, now)
    if not allow_missing_rates:
        error = missing_rate_error(result)
        if error is not None:
            raise error
    return result, losses


def _on_actual(
    site: SiteSettings, employees: Sequence[Employee], data: RangeData, start: date, end: date,
    holidays: dict[date, str], now: int | None,
) -> tuple[PayrollResult, dict[str, list[HolidayLoss]]]:
    """Each employee's pay from their actual time (``core.pay_basis``)."""
    from deskwfm.services.actual import now_minutes

    codes = {c.code.upper(): c for c in data.absence_codes}
    shifts: dict[str, list[Shift]] = {}
    for s in data.shifts:
        shifts.setdefault(s.employee_code, []).append(s)
    actual: dict[str, list[ActualDay]] = {}
    for d in data.actual:
        actual.setdefault(d.employee_code, []).append(d)
    moment = now_minutes() if now is None else now
    pays: list[EmployeePay] = []
    losses: dict[str, list[HolidayLoss]] = {}
    for e in employees:
        pay, lost = employee_pay(
            site, e, data.rates.get(e.code, []), shifts.get(e.code, []), actual.get(e.code, []), codes,
            start, end, holidays, moment,
        )
        pays.append(pay)
        if lost:
            losses[e.code] = lost
    return PayrollResult(start, end, tuple(pays)), losses


def no_team(ws: Workspace, team: str) -> NotFoundError:
    """The error for a team nobody is in, naming the teams there are."""
    teams = ", ".join(t for t in ws.store.teams() if t)
    if not teams:
        return NotFoundError(msg('no team "{team}"; there are no teams yet', team=team))
    return NotFoundError(msg('no team "{team}"; teams are: {teams}', team=team, teams=teams))


MAX_NAMED = 10  # employees named in one missing-rate message; the rest are counted


def missing_rate_error(result: PayrollResult) -> InputError | None:
    """One error naming each employee whose pay needs a rate they lack and the first work date
    without one ("no pay rate for AG014 Jane Doe from 2026-11-22 or AG020 Li Wei from
    2026-11-23; ..."), or None when every paid hour has a rate."""
    missing = [(ep.employee, ep.missing_rate) for ep in result.employees if ep.missing_rate is not None]
    if not missing:
        return None
    named = [
        msg("{code} {name} from {day:date}", code=e.code, name=e.name, day=d)
        for e, d in missing[:MAX_NAMED]
    ]
    listing = named[0]
    rest = len(missing) - len(named)
    for item in named[1 : len(named) if rest else -1]:
        listing = msg("{first}, {next}", first=listing, next=item)
    if rest:
        listing = msg_n(
            "{first} and {count:num} other employee", "{first} and {count:num} other employees", rest,
            first=listing,
        )
    elif len(named) > 1:
        listing = msg("{first} or {last}", first=listing, last=named[-1])
    return InputError(
        msg("no pay rate for {employees}; add one with: deskwfm employee rate CODE AMOUNT --from DATE",
            employees=listing)
    )


def _money(amount: Decimal) -> str:
    return str(round_cents(amount))


def _figures(m: MinuteTotals, holiday_pay: Decimal, gross: Decimal) -> dict[str, str]:
    """The issue's figure keys; totals are sums of minutes and of rounded amounts, never sums
    of rounded hours."""
    return {
        "regular_hours": hours_text(m.regular),
        "overtime_hours": hours_text(m.overtime),
        "double_time_hours": hours_text(m.double_time),
        "night_hours": hours_text(m.night),
        "holiday_hours": hours_text(m.holiday_worked),
        "holiday_pay": _money(holiday_pay),
        "leave_hours": hours_text(m.leave),
        "gross_pay": _money(gross),
    }


def _row(pay: EmployeePay) -> dict[str, str]:
    return _figures(pay.minutes, pay.holiday_pay, pay.gross)


def _totals(result: PayrollResult) -> dict[str, str]:
    return _figures(*payroll_totals(result))


def payroll_json(result: PayrollResult) -> dict[str, Any]:
    """``{"employees": [{"code", "name", "regular_hours", ..., "gross_pay"}], "totals": {...}}``
    with hours and money as two-place decimal strings (``"1060.00"``). ``totals`` holds the
    same figure keys (no code or name)."""
    return {
        "employees": [
            {"code": p.employee.code, "name": p.employee.name, **_row(p)} for p in result.employees
        ],
        "totals": _totals(result),
    }


def display_width(text: str) -> int:
    """Terminal columns of text: East Asian wide characters take two, combining marks none."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _pad(text: str, width: int, right: bool = False) -> str:
    fill = " " * max(0, width - display_width(text))
    return fill + text if right else text + fill


def payroll_table(result: PayrollResult) -> str:
    """An aligned text table: one row per employee, a totals row, the period in the title."""
    from deskwfm.core.i18n import format_decimal, render, tr

    def shown(value: str) -> str:  # "1520.00" in the reader's style: "1,520.00" / "1 520,00"
        return format_decimal(Decimal(value), 2)

    heads = [tr("Code"), tr("Name"), *(tr(h) for _, h in COLUMNS)]
    body = [[p.employee.code, p.employee.name, *(shown(_row(p)[k]) for k, _ in COLUMNS)]
            for p in result.employees]
    totals = _totals(result)
    foot = ["", tr("Total"), *(shown(totals[k]) for k, _ in COLUMNS)]
    widths = [max(display_width(r[i]) for r in [heads, *body, foot]) for i in range(len(heads))]

    def line(cells: list[str]) -> str:
        return "  ".join(_pad(c, widths[i], right=i >= 2) for i, c in enumerate(cells)).rstrip()

    rule = "  ".join("-" * w for w in widths)
    title = render(msg_n("Payroll {start:date} to {end:date} ({count} employee)",
                         "Payroll {start:date} to {end:date} ({count} employees)", len(body),
                         start=result.start, end=result.end))
    return "\n".join([title, "", line(heads), rule, *(line(r) for r in body), rule, line(foot)]) + "\n"
