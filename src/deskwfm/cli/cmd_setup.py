"""`deskwfm` subcommands: init, employee add/rate, code set, backup.

Arguments are checked in the handlers (not with argparse ``type=``) so that every bad value
is an ``InputError``: one line on stderr, exit status 2, nothing written. A handler only turns
its text into raw values; every rule on them (a code, a name, a rate, a time, a break) is
``core``'s, the same one the dialogs and Excel import call.
"""

from __future__ import annotations

import argparse
import re
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from deskwfm.core.errors import InputError
from deskwfm.core.i18n import render, tr
from deskwfm.core.messages import Msg, as_msg, msg

if TYPE_CHECKING:
    from deskwfm.core.site import SiteSettings

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# Sensible companions of each rules preset when --tz / --holidays are not given.
PRESET_DEFAULTS: dict[str, tuple[str, str]] = {
    "ontario": ("America/Toronto", "CA-ON"),
    "canada-federal": ("America/Toronto", "CA"),
    "flsa": ("America/New_York", "US"),
    "california": ("America/Los_Angeles", "US-CA"),
}


def parse_date_arg(text: str, what: str | Msg) -> date:
    """A YYYY-MM-DD argument; InputError naming the option (``--from``) or the argument
    (``msg("date")``) otherwise."""
    named = as_msg(what)
    if _DATE.match(text.strip()):
        try:
            d = date.fromisoformat(text.strip())
        except ValueError:
            pass
        else:
            from deskwfm.core.periods import check_plausible

            return check_plausible(d, named)
    raise InputError(msg('{what} "{text}" is not a date; write it as YYYY-MM-DD, like 2026-11-24',
                         what=named, text=text))


def parse_rate_arg(text: str) -> Decimal:
    from deskwfm.core.employees import parse_rate

    return parse_rate(text)


def open_workspace(args: argparse.Namespace) -> Any:
    from deskwfm.services.workspace import Workspace

    return Workspace.open(args.db)


# ---------------------------------------------------------------- init
def _site_from_args(args: argparse.Namespace) -> SiteSettings:
    from deskwfm.core.entry import parse_entry
    from deskwfm.core.fields import Field
    from deskwfm.core.model import PayPeriodKind
    from deskwfm.core.money import parse_money
    from deskwfm.core.periods import week_start_of
    from deskwfm.core.rules import NightPremiumKind, preset
    from deskwfm.core.site import WEEKDAY_NAMES, SiteSettings

    rules = preset(args.rules)
    tz, region = PRESET_DEFAULTS[args.rules]
    kinds = {k.value: k for k in PayPeriodKind}
    if args.pay_period not in kinds:
        raise InputError(msg('--pay-period "{value}": expected one of {kinds}', value=args.pay_period,
                             kinds=", ".join(kinds)))
    week = args.week_start.strip().lower()
    matches = [i for i, n in enumerate(WEEKDAY_NAMES) if len(week) >= 3 and n.startswith(week)]
    if not matches:
        raise InputError(msg('--week-start "{value}": expected a weekday such as sunday or monday',
                             value=args.week_start))
    week_start = matches[0]
    if args.night is not None:
        try:
            night = parse_entry(args.night, {})
        except InputError as exc:
            raise InputError(msg("--night: {problem}", problem=exc.msg)) from None
        if night is None or night.start is None or night.end is None or night.break_minutes:
            raise InputError(msg('--night "{value}": write the night window like 22:00-06:00',
                                 value=args.night))
        rules = rules.with_changes(night_start=night.start, night_end=night.end)
    if args.night_premium is not None:
        text = args.night_premium.strip()
        kind = NightPremiumKind.PERCENT if text.endswith("%") else NightPremiumKind.AMOUNT
        amount = parse_money(text.rstrip("%"), Field.NIGHT_PREMIUM)  # over 100 %: refused by core.site
        rules = rules.with_changes(night_premium=amount, night_premium_kind=kind)
    from deskwfm.cli.cmd_actual import pay_basis_arg
    from deskwfm.core.timekeeping import Timekeeping

    site = SiteSettings(
        timekeeping=Timekeeping(pay_basis=pay_basis_arg(args.pay_basis)),
        name=args.name,
        tz=args.tz or tz,
        week_start=week_start,
        pay_period=kinds[args.pay_period],
        rules=rules,
        holiday_region=(args.holidays if args.holidays is not None else region),
    )
    if args.period_start is not None:
        anchor = parse_date_arg(args.period_start, "--period-start")
    else:
        anchor = week_start_of(site.period_anchor, week_start)
    return site.with_changes(period_anchor=anchor)


def _init(args: argparse.Namespace) -> int:
    from deskwfm.core.i18n import weekday_name
    from deskwfm.core.model import PAY_PERIOD_LABELS
    from deskwfm.services.setup import init_database

    site = _site_from_args(args)
    ws = init_database(args.db, site, demo=args.demo)
    try:
        counts = ws.store.counts()
        site = ws.store.get_site() or site
        weekday = weekday_name(site.week_start)
        print(render(msg("Created {where}", where=ws.location)))
        print("  " + render(msg(
            "site: {name}; {tz}; rules {rules}; holidays {region}; {kind} pay periods from {anchor:date}; "
            "weeks start on {weekday}; pay basis {basis}",
            name=site.name, tz=site.tz, rules=site.rules.preset, region=site.holiday_region or msg("none"),
            kind=PAY_PERIOD_LABELS[site.pay_period], anchor=site.period_anchor, weekday=weekday,
            basis=tr(site.timekeeping.pay_basis.value),  # marked with N_ in files.xlsx_attendance
        )))
        print("  " + render(msg(
            "{codes} shift codes, {employees} employees, {shifts} shifts",
            codes=counts["shift_codes"], employees=counts["employees"], shifts=counts["shifts"],
        )))
    finally:
        ws.close()
    return 0


# ---------------------------------------------------------------- employee
def _employee_add(args: argparse.Namespace) -> int:
    from deskwfm.core.availability import parse_availability
    from deskwfm.core.changes import How
    from deskwfm.core.employees import parse_week_hours
    from deskwfm.core.fields import Field
    from deskwfm.core.model import Employee
    from deskwfm.services.employees import add_employee, default_rate_from

    rate = parse_rate_arg(args.rate)
    contract = parse_week_hours(args.contract or "", Field.CONTRACT_HOURS)
    maximum = parse_week_hours(args.max or "", Field.MAX_HOURS)
    start = parse_date_arg(args.rate_from, "--from") if args.rate_from else None
    employee = Employee(args.code, args.name, args.team or "", contract_minutes=contract, max_minutes=maximum,
                        login_id=args.login_id or "",
                        availability=parse_availability(args.availability or "", args.dates_off or ""))
    with open_workspace(args) as ws:
        if start is None:
            start = default_rate_from(ws)  # the Employees dialog's default too
        emp = add_employee(ws, employee, rate, start, How.CLI, args.command_line)
        who = msg("{code} {name} ({team})", code=emp.code, name=emp.name, team=emp.team) if emp.team else \
            msg("{code} {name}", code=emp.code, name=emp.name)
        line = render(msg("Added {who}: {rate:rate} an hour from {day:date}", who=who, rate=rate, day=start))
        if emp.login_id:
            line += render(msg("; login ID {id}", id=emp.login_id))
        print(line)
    return 0


def _employee_rate(args: argparse.Namespace) -> int:
    from deskwfm.core.changes import How
    from deskwfm.services.employees import set_rate

    rate = parse_rate_arg(args.rate)
    start = parse_date_arg(args.rate_from, "--from")
    with open_workspace(args) as ws:
        r = set_rate(ws, args.code, rate, start, How.CLI, args.command_line)
        print(render(msg("{code}: {rate:rate} an hour from {day:date}", code=r.employee_code, rate=r.hourly,
                         day=r.effective_from)))
    return 0


# ---------------------------------------------------------------- shift codes
def _code_set(args: argparse.Namespace) -> int:
    """Add a code, or change one: an option left out keeps what the code has (a new code is
    work, without a break, grey). Only raw values are read here; the code as a whole is
    checked by core's ``validate_code`` in the service."""
    from dataclasses import replace

    from deskwfm.core.changes import How
    from deskwfm.core.entry import format_entry, parse_break_minutes, parse_time_of_day
    from deskwfm.core.fields import Field
    from deskwfm.core.model import ShiftCode, ShiftKind
    from deskwfm.core.shift_codes import check_code_key, parse_colour, parse_kind, parse_paid_breaks
    from deskwfm.services.codes import codes_by_key, save_code

    key = check_code_key(args.code)
    given: dict[str, object] = {}
    if args.kind is not None:
        given["kind"] = parse_kind(args.kind)
    if args.start is not None:
        given["start"] = parse_time_of_day(args.start, Field.START) if args.start.strip() else None
    if args.end is not None:
        given["end"] = parse_time_of_day(args.end, Field.END, is_end=True) if args.end.strip() else None
    if args.break_minutes is not None:
        given["break_minutes"] = parse_break_minutes(args.break_minutes)
    if args.colour is not None:
        given["colour"] = parse_colour(args.colour)
    if args.label is not None:
        given["label"] = args.label
    if args.paid_breaks is not None:
        given["paid_breaks"], given["paid_break_minutes"] = parse_paid_breaks(args.paid_breaks)
    with open_workspace(args) as ws:
        old = codes_by_key(ws).get(key)
        base = old if old is not None else ShiftCode(key, ShiftKind.WORK)
        saved = save_code(ws, replace(base, **given), How.CLI, args.command_line)  # type: ignore[arg-type]
        from deskwfm.core.model import KIND_LABELS

        times = format_entry(saved.start, saved.end, saved.break_minutes, "") or tr("no times")
        paid = render(msg(", paid breaks {n} x {minutes} min", n=saved.paid_breaks,
                          minutes=saved.paid_break_minutes)) if saved.paid_breaks else ""
        said = msg("Saved shift code {code}: {kind}, {times}, {colour}", code=saved.code,
                   kind=KIND_LABELS[saved.kind], times=times, colour=saved.colour) if old else \
            msg("Added shift code {code}: {kind}, {times}, {colour}", code=saved.code,
                kind=KIND_LABELS[saved.kind], times=times, colour=saved.colour)
        print(render(said) + paid)
    return 0


def _employee_login_id(args: argparse.Namespace) -> int:
    from deskwfm.core.changes import How
    from deskwfm.services.employees import set_login_id

    with open_workspace(args) as ws:
        emp = set_login_id(ws, args.code, args.login_id, How.CLI, args.command_line)
    print(render(msg("{code}: login ID {id}", code=emp.code, id=emp.login_id) if emp.login_id
                 else msg("{code}: no login ID", code=emp.code)))
    return 0


def _employee_available(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from deskwfm.core.availability import parse_availability
    from deskwfm.core.changes import How
    from deskwfm.services.employees import update_employee

    with open_workspace(args) as ws:
        emp = ws.store.get_employee(args.code)
        weekly = emp.availability.weekly_text if args.weekly is None else args.weekly
        off = emp.availability.off_text if args.dates_off is None else args.dates_off
        new = update_employee(ws, replace(emp, availability=parse_availability(weekly, off)), How.CLI,
                              args.command_line)
        print(render(msg("{code}: available {availability}", code=new.code, availability=new.availability)))
    return 0


# ---------------------------------------------------------------- backup
def _backup(args: argparse.Namespace) -> int:
    from pathlib import Path

    from deskwfm.services.backup import backup_database

    with open_workspace(args) as ws:
        dest = backup_database(ws, Path(args.path))
        print(render(msg("Backed up {source} to {dest}", source=ws.location, dest=dest)))
    return 0


def register(sub: Any) -> None:
    """Add this module's subcommands to `sub` (argparse subparsers)."""
    p = sub.add_parser(
        "init",
        help=tr("create a new database (the site, default shift codes; --demo adds a demo centre)"),
        description=tr("Create a new database. Defaults: Ontario rules, America/Toronto, CA-ON holidays, "
        "biweekly pay periods, weeks from Sunday, night 22:00-06:00. A --rules preset also picks its "
        "usual zone and holidays (flsa: America/New_York, US; california: America/Los_Angeles, US-CA)."),
    )
    p.add_argument("--demo", action="store_true", help=tr("add a demo contact centre (60 agents, 6 weeks)"))
    p.add_argument("--rules", default="ontario", metavar="PRESET",
                   help=tr("ontario | canada-federal | flsa | california (default ontario)"))
    p.add_argument("--tz", metavar="ZONE", help=tr("IANA time zone, e.g. America/Toronto"))
    p.add_argument("--holidays", metavar="REGION", help=tr('holiday region, e.g. CA-ON, US-CA ("" for none)'))
    p.add_argument("--pay-period", default="biweekly", metavar="KIND",
                   help=tr("weekly | biweekly | semimonthly | monthly (default biweekly)"))
    p.add_argument("--period-start", metavar="YYYY-MM-DD", help=tr("first day of some pay period"))
    p.add_argument("--week-start", default="sunday", metavar="DAY", help=tr("first day of the work week"))
    p.add_argument("--night", metavar="HH:MM-HH:MM", help=tr("night window (default 22:00-06:00)"))
    p.add_argument("--night-premium", metavar="AMOUNT|PCT%",
                   help=tr("night premium: 1.00 = an amount per hour, 10%% = percent of the rate"))
    p.add_argument("--name", default=tr("Contact centre"), help=tr("site name shown on timesheets"))
    p.add_argument("--pay-basis", default="schedule", metavar="schedule|actual",
                   help=tr("pay the schedule (default) or the actual time recorded"))
    p.set_defaults(handler=_init)

    emp = sub.add_parser("employee", help=tr("add employees and change their pay rates"))
    esub = emp.add_subparsers(dest="employee_command", metavar="ACTION", required=True)
    a = esub.add_parser("add", help=tr("add an employee with a first pay rate"))
    a.add_argument("code", metavar="CODE")
    a.add_argument("name", metavar="NAME")
    a.add_argument("--rate", required=True, metavar="HOURLY", help=tr("hourly rate, e.g. 20.00"))
    a.add_argument("--from", dest="rate_from", metavar="YYYY-MM-DD",
                   help=tr("rate in force from (default: start of the current pay period)"))
    a.add_argument("--team", metavar="TEAM")
    a.add_argument("--contract", metavar="HOURS", help=tr("contract hours per week, e.g. 37.5 or 37:30"))
    a.add_argument("--max", metavar="HOURS", help=tr("maximum hours per week (a warning above it)"))
    a.add_argument("--login-id", metavar="ID",
                   help=tr("the phone system's ID for this person (actual time import)"))
    li = esub.add_parser("login-id", help=tr("set the phone system's ID for an employee (\"\" removes it)"))
    li.add_argument("code", metavar="CODE")
    li.add_argument("login_id", metavar="ID")
    li.set_defaults(handler=_employee_login_id)
    a.add_argument("--availability", metavar="DAYS",
        help=tr('weekday windows, e.g. "Mon-Fri 08:00-18:00, Sat"'))
    a.add_argument("--dates-off", metavar="DATES",
                   help=tr('dates off, e.g. "2026-12-24, 2026-12-28..2027-01-02"'))
    a.set_defaults(handler=_employee_add)
    av = esub.add_parser("available",
        help=tr("set when an employee can be scheduled (weekdays and dates off)"))
    av.add_argument("code", metavar="CODE")
    av.add_argument("--weekly", metavar="DAYS",
                    help=tr('weekday windows, e.g. "Mon-Fri 08:00-18:00, Sat" ("" = any day, any time)'))
    av.add_argument("--dates-off", metavar="DATES",
                    help=tr('e.g. "2026-12-24, 2026-12-28..2027-01-02" ("" = none)'))
    av.set_defaults(handler=_employee_available)
    r = esub.add_parser("rate", help=tr("set an hourly rate from a date (replaces one from the same date)"))
    r.add_argument("code", metavar="CODE")
    r.add_argument("rate", metavar="HOURLY")
    r.add_argument("--from", dest="rate_from", required=True, metavar="YYYY-MM-DD")
    r.set_defaults(handler=_employee_rate)

    code = sub.add_parser("code", help=tr("add or change a site shift code (D, N, VAC...)"))
    csub = code.add_subparsers(dest="code_command", metavar="ACTION", required=True)
    c = csub.add_parser("set", help=tr("add a shift code, or change one (what is not given stays)"))
    c.add_argument("code", metavar="CODE", help=tr("1-12 letters, digits or _, starting with a letter"))
    c.add_argument("--kind", metavar="KIND", help=tr("work | paid leave | unpaid leave | off (new: work)"))
    c.add_argument("--start", metavar="HH:MM", help=tr('start time, e.g. 09:00 ("" for none)'))
    c.add_argument("--end", metavar="HH:MM", help=tr("end time; at or before the start ends the next day"))
    c.add_argument("--break", dest="break_minutes", metavar="MIN", help=tr("unpaid break in minutes"))
    c.add_argument("--colour", metavar="#RRGGBB", help=tr("colour in the grid (default #d9d9d9)"))
    c.add_argument("--label", metavar="TEXT", help=tr("what the code means, e.g. Day shift"))
    c.add_argument("--paid-breaks", metavar="NxMIN",
                   help=tr("paid breaks of a work code, e.g. 2x15: paid, but off the phones (0 for none)"))
    c.set_defaults(handler=_code_set)

    b = sub.add_parser("backup", help=tr("copy the database into a new file (SQLite online backup)"))
    b.add_argument("path", metavar="PATH")
    b.set_defaults(handler=_backup)
