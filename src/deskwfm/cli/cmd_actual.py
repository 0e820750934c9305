"""`deskwfm` subcommands for actual time: actual set/import/confirm/show, exceptions, adherence,
absence codes and the site's timekeeping settings.

Arguments are checked in the handlers so that every bad value is one line on stderr, exit 2.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from deskwfm.core.i18n import render, tr
from deskwfm.core.messages import msg, msg_n


def _range(args: argparse.Namespace) -> tuple[Any, Any]:
    from deskwfm.cli.cmd_setup import parse_date_arg

    return parse_date_arg(args.date_from, "--from"), parse_date_arg(args.date_to, "--to")


def _table(heads: list[str], body: list[list[str]], right: set[int] | None = None) -> None:
    from deskwfm.services.payroll import display_width

    right = right or set()
    widths = [max(display_width(r[i]) for r in [heads, *body]) for i in range(len(heads))]

    def cell(i: int, text: str) -> str:
        pad = " " * (widths[i] - display_width(text))
        return pad + text if i in right else text + pad

    for line in [heads, ["-" * w for w in widths], *body]:
        print("  ".join(cell(i, c) for i, c in enumerate(line)).rstrip())


# ---------------------------------------------------------------- actual set
def _set(args: argparse.Namespace) -> int:
    from deskwfm.cli.cmd_setup import open_workspace, parse_date_arg
    from deskwfm.core.actual_entry import format_actual
    from deskwfm.core.changes import How
    from deskwfm.core.i18n import tr
    from deskwfm.services.actual import set_actual

    day = parse_date_arg(args.date, msg("date"))
    with open_workspace(args) as ws:
        now = set_actual(
            ws, args.code, day, args.entry, note=args.note, how=How.CLI, detail=args.command_line
        )
    if now is None:
        print(tr("{code} {day}: nothing recorded").format(code=args.code, day=day.isoformat()))
    else:
        text = format_actual(now.segments, now.break_minutes, now.absence) or tr("(note only)")
        print(f"{args.code} {day.isoformat()}: {text}")  # an entry, as typed back
    return 0


# ---------------------------------------------------------------- actual import
def _import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from deskwfm.cli.cmd_setup import open_workspace
    from deskwfm.core.i18n import format_int, tr
    from deskwfm.files.actual_read import parse_columns
    from deskwfm.services.actual_import import import_actual

    columns = parse_columns(args.columns) if args.columns else None
    with open_workspace(args) as ws:
        plan = import_actual(
            ws, Path(args.file), dry_run=args.dry_run, columns=columns, detail=args.command_line
        )
    import sys

    if plan.problems:
        for p in plan.problems[:50]:
            print(render(msg("{file}: {problem}", file=plan.file_name, problem=p.message))
                  if p.where is None and not p.sheet else str(p), file=sys.stderr)
        if len(plan.problems) > 50:
            print(tr("... and {n} more").format(n=len(plan.problems) - 50), file=sys.stderr)
        print(
            "deskwfm: " + render(msg_n("{file}: {count} problem; nothing was imported",
                                       "{file}: {count} problems; nothing was imported",
                                       len(plan.problems), file=plan.file_name)),
            file=sys.stderr,
        )
        return 2
    if plan.locked is not None:
        print(f"deskwfm: {plan.locked}", file=sys.stderr)
        return 2
    span = f"{plan.first.isoformat()} to {plan.last.isoformat()}" if plan.first and plan.last else "-"
    print(
        tr("{file}: {sessions} sessions of {employees} employees, work dates {span}").format(
            file=plan.file_name,
            sessions=format_int(plan.sessions),
            employees=format_int(plan.employees),
            span=span,
        )
    )
    print(
        tr("  days: {new} new, {changed} changed, {same} unchanged, {kept} kept (entered by hand)").format(
            new=format_int(plan.new),
            changed=format_int(plan.changed),
            same=format_int(plan.unchanged),
            kept=format_int(plan.kept),
        )
    )
    if plan.skipped_rows:
        print(tr("  {n} total or blank rows skipped").format(n=format_int(plan.skipped_rows)))
    print(
        tr("  dry run: nothing was written")
        if args.dry_run
        else tr("  imported")
        if plan.changes
        else tr("  nothing to change")
    )
    return 0


# ---------------------------------------------------------------- actual confirm
def _confirm(args: argparse.Namespace) -> int:
    from deskwfm.cli.cmd_setup import open_workspace
    from deskwfm.core.changes import How
    from deskwfm.services.actual import confirm_range

    start, end = _range(args)
    with open_workspace(args) as ws:
        result = confirm_range(
            ws,
            start,
            end,
            employee_codes=args.employee or None,
            team=args.team,
            how=How.CONFIRM,
            detail=args.command_line,
        )
    confirmed = msg_n("confirmed {count} day as scheduled", "confirmed {count} days as scheduled",
                      len(result.confirmed))
    kept = msg_n("{count} day already recorded was kept", "{count} days already recorded were kept",
                 len(result.kept))
    print(f"{render(confirmed)}; {render(kept)}")
    return 0


# ---------------------------------------------------------------- actual show
def _show(args: argparse.Namespace) -> int:
    from deskwfm.cli.cmd_setup import open_workspace
    from deskwfm.core.entry import format_entry
    from deskwfm.core.i18n import format_hours, tr
    from deskwfm.services.actual import actual_day_cells

    start, end = _range(args)
    with open_workspace(args) as ws:
        cells = actual_day_cells(ws, start, end, employee_codes=args.employee or None, team=args.team)
    rows: list[dict[str, Any]] = []
    for (code, day), c in cells.items():
        s = c.scheduled
        planned = (
            format_entry(s.start, s.end, s.break_minutes, s.code, s.break_start) if s is not None else ""
        )
        rows.append(
            {
                "employee": code,
                "date": day.isoformat(),
                "scheduled": planned,
                "actual": c.text,
                "source": c.day.source.value if c.day is not None else None,
                "scheduled_hours": format_hours(c.scheduled_minutes),
                "worked_hours": format_hours(c.worked_minutes),
                "variance_hours": format_hours(c.variance_minutes),
                "exceptions": [str(e.message()) for e in c.exceptions],
            }
        )
    if args.json:
        print(json.dumps({"days": rows}, indent=2, ensure_ascii=False))
        return 0
    heads = [
        tr("Employee"),
        tr("Date"),
        tr("Scheduled"),
        tr("Actual"),
        tr("Sched. h"),
        tr("Worked h"),
        tr("Variance"),
        tr("Exceptions"),
    ]
    body = [
        [
            r["employee"],
            r["date"],
            r["scheduled"],
            r["actual"],
            r["scheduled_hours"],
            r["worked_hours"],
            r["variance_hours"],
            "; ".join(r["exceptions"]),
        ]
        for r in rows
    ]
    _table(heads, body, {4, 5, 6})
    return 0


# ---------------------------------------------------------------- exceptions
def exception_json(e: Any) -> dict[str, Any]:
    resolution = e.resolution()
    at = None if e.at is None else f"{(e.at % 1440) // 60:02d}:{e.at % 60:02d}"
    return {
        "employee": e.employee_code,
        "date": e.work_date.isoformat(),
        "kind": e.kind.value,
        "severity": e.severity.value,
        "minutes": e.minutes,
        "at": at,
        "code": e.code or None,
        "resolved": e.resolved,
        "blocks_approval": e.blocks,
        "message": str(e.message()),
        "resolution": None if resolution is None else str(resolution),
    }


def _exceptions(args: argparse.Namespace) -> int:
    from deskwfm.cli.cmd_setup import open_workspace
    from deskwfm.core.i18n import tr
    from deskwfm.services.exceptions import exceptions_between

    start, end = _range(args)
    with open_workspace(args) as ws:
        found = exceptions_between(ws, start, end, employee_codes=args.employee or None, team=args.team)
    if args.json:
        print(
            json.dumps(
                {
                    "from": start.isoformat(),
                    "to": end.isoformat(),
                    "pay_basis": found.pay_basis.value,
                    "exceptions": [exception_json(e) for e in found.exceptions],
                    "blocking": len(found.blocking),
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return 0
    print(
        tr("Exceptions {start} to {end} ({n})").format(
            start=start.isoformat(), end=end.isoformat(), n=len(found.exceptions)
        )
    )
    if not found.exceptions:
        print(tr("none"))
        return 0
    severity = {"critical": tr("critical"), "warning": tr("warning")}
    body = []
    for e in found.exceptions:
        resolution = e.resolution()
        state = str(resolution) if resolution is not None else (tr("blocks approval") if e.blocks else "")
        emp = found.employees.get(e.employee_code)
        body.append(
            [
                e.work_date.isoformat(),
                e.employee_code,
                emp.name if emp else "",
                severity[e.severity.value],
                str(e.message()),
                state,
            ]
        )
    _table([tr("Date"), tr("Code"), tr("Name"), tr("Severity"), tr("What"), tr("Resolution")], body)
    return 0


# ---------------------------------------------------------------- adherence
def _adherence(args: argparse.Namespace) -> int:
    from decimal import Decimal

    from deskwfm.cli.cmd_setup import open_workspace
    from deskwfm.core.i18n import format_exact, format_hours, tr
    from deskwfm.services.exceptions import adherence_between

    start, end = _range(args)
    with open_workspace(args) as ws:
        report = adherence_between(ws, start, end, employee_codes=args.employee or None, team=args.team)

    def row(a: Any) -> dict[str, Any]:
        pct = a.percent
        return {
            "scheduled_hours": format_hours(a.scheduled),
            "adhered_hours": format_hours(a.adhered),
            "worked_hours": format_hours(a.worked),
            "adherence_pct": None if pct is None else str(pct),
            "adherence_shown": None if pct is None else format_exact(Decimal(str(pct))),
            "late": a.late,
        }

    if args.json:
        print(
            json.dumps(
                {
                    "employees": {c: _json(row(a)) for c, a in sorted(report.employees.items())},
                    "teams": {t: _json(row(a)) for t, a in sorted(report.teams.items())},
                    "total": _json(row(report.total)),
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return 0
    body = [[c, *(_cells(row(a)))] for c, a in sorted(report.employees.items())]
    body += [
        [tr("Team {team}").format(team=t or "-"), *(_cells(row(a)))] for t, a in sorted(report.teams.items())
    ]
    body.append([tr("Total"), *(_cells(row(report.total)))])
    _table(
        [tr("Who"), tr("Sched. h"), tr("As sched. h"), tr("Worked h"), tr("Adherence %"), tr("Late")],
        body,
        {1, 2, 3, 4, 5},
    )
    return 0


def _json(r: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in r.items() if k != "adherence_shown"}


def _cells(r: dict[str, Any]) -> list[str]:
    return [
        r["scheduled_hours"],
        r["adhered_hours"],
        r["worked_hours"],
        r["adherence_shown"] or "-",
        str(r["late"]),
    ]


# ---------------------------------------------------------------- absence codes
def _absence_list(args: argparse.Namespace) -> int:
    from deskwfm.cli.cmd_setup import open_workspace
    from deskwfm.core.i18n import format_hours, tr
    from deskwfm.services.actual import list_absence_codes

    with open_workspace(args) as ws:
        codes = list_absence_codes(ws)
    yes, no = tr("yes"), tr("no")
    pay = {"unpaid": tr("unpaid"), "scheduled": tr("scheduled shift"), "fixed": tr("fixed")}
    body = [
        [
            c.code,
            c.label,
            pay[c.pay.value] + (f" {format_hours(c.paid_minutes)} h" if c.paid_minutes else ""),
            yes if c.reasonable_cause else no,
            yes if c.counts_as_worked else no,
        ]
        for c in codes
    ]
    _table([tr("Code"), tr("Label"), tr("Paid"), tr("Reasonable cause"), tr("Counts as worked")], body)
    return 0


def _yes_no(text: str | None, what: str, default: bool) -> bool:
    from deskwfm.core.errors import InputError
    from deskwfm.core.messages import msg

    if text is None:
        return default
    t = text.strip().lower()
    if t in ("yes", "y", "true", "1"):
        return True
    if t in ("no", "n", "false", "0"):
        return False
    raise InputError(msg('{what} "{text}": write yes or no', what=what, text=text))


def _absence_set(args: argparse.Namespace) -> int:
    from dataclasses import replace
    from decimal import Decimal, InvalidOperation

    from deskwfm.cli.cmd_setup import open_workspace
    from deskwfm.core.absence import AbsenceCode, AbsencePay
    from deskwfm.core.changes import How
    from deskwfm.core.errors import InputError
    from deskwfm.core.messages import msg
    from deskwfm.services.actual import list_absence_codes, save_absence_code

    with open_workspace(args) as ws:
        key = args.code.strip().upper()
        current = next((c for c in list_absence_codes(ws) if c.code == key), None)
        base = current or AbsenceCode(key)
        pay = base.pay
        if args.pay is not None:
            kinds = {p.value: p for p in AbsencePay}
            if args.pay not in kinds:
                raise InputError(msg('--pay "{v}": expected unpaid, scheduled or fixed', v=args.pay))
            pay = kinds[args.pay]
        minutes = base.paid_minutes
        if args.hours is not None:
            try:
                minutes = int((Decimal(args.hours) * 60).to_integral_value())
            except InvalidOperation:
                raise InputError(msg('--hours "{v}" is not a number of hours', v=args.hours)) from None
        new = replace(
            base,
            label=args.label if args.label is not None else base.label,
            pay=pay,
            paid_minutes=minutes,
            reasonable_cause=_yes_no(args.reasonable_cause, "--reasonable-cause", base.reasonable_cause),
            counts_as_worked=_yes_no(args.counts_as_worked, "--counts-as-worked", base.counts_as_worked),
        )
        saved = save_absence_code(ws, new, How.CLI, args.command_line)
    print(f"{saved.code}: {saved.label or '-'}")
    return 0


def _absence_remove(args: argparse.Namespace) -> int:
    from deskwfm.cli.cmd_setup import open_workspace
    from deskwfm.core.changes import How
    from deskwfm.core.i18n import tr
    from deskwfm.services.actual import delete_absence_code

    with open_workspace(args) as ws:
        delete_absence_code(ws, args.code, How.CLI, args.command_line)
    print(tr("removed absence code {code}").format(code=args.code.upper()))
    return 0


# ---------------------------------------------------------------- timekeeping settings
_TK_OPTIONS = (
    ("rounding", "rounding_minutes"),
    ("merge_gap", "merge_gap_minutes"),
    ("late_grace", "late_grace_minutes"),
    ("early_grace", "early_grace_minutes"),
    ("break_grace", "break_grace_minutes"),
    ("overtime_grace", "overtime_grace_minutes"),
)


def minutes_arg(text: str, option: str) -> int:
    from deskwfm.core.errors import InputError
    from deskwfm.core.messages import msg

    t = text.strip().lower()
    if t in ("none", "off"):
        return 0
    if not t.isdigit():
        raise InputError(msg('{option} "{text}": write whole minutes, like 5', option=option, text=text))
    return int(t)


def pay_basis_arg(text: str) -> Any:
    from deskwfm.core.errors import InputError
    from deskwfm.core.messages import msg
    from deskwfm.core.timekeeping import PayBasis

    kinds = {p.value: p for p in PayBasis}
    if text.strip().lower() not in kinds:
        raise InputError(msg('--pay-basis "{v}": expected schedule or actual', v=text))
    return kinds[text.strip().lower()]


def _timekeeping(args: argparse.Namespace) -> int:
    from deskwfm.cli.cmd_setup import open_workspace
    from deskwfm.core.changes import How
    from deskwfm.core.i18n import tr
    from deskwfm.services.site import get_site, save_site

    changes: dict[str, Any] = {}
    if args.pay_basis is not None:
        changes["pay_basis"] = pay_basis_arg(args.pay_basis)
    for opt, name in _TK_OPTIONS:
        value = getattr(args, opt)
        if value is not None:
            changes[name] = minutes_arg(value, "--" + opt.replace("_", "-"))
    with open_workspace(args) as ws:
        site = get_site(ws)
        if changes:
            site = save_site(
                ws,
                site.with_changes(timekeeping=site.timekeeping.with_changes(**changes)),
                How.CLI,
                args.command_line,
            )
    tk = site.timekeeping
    print(tr("pay basis: {basis}").format(basis=tr(tk.pay_basis.value)))  # N_ in files.xlsx_attendance
    print(
        tr("rounding of in/out times for pay: {r}").format(
            r=tr("none")
            if not tk.rounding_minutes
            else tr("nearest {n} minutes").format(n=tk.rounding_minutes)
        )
    )
    print(tr("sessions joined across gaps of up to {n} min").format(n=tk.merge_gap_minutes))
    print(
        tr("grace: late {late} min, early {early} min, break {brk} min, overtime {ot} min").format(
            late=tk.late_grace_minutes,
            early=tk.early_grace_minutes,
            brk=tk.break_grace_minutes,
            ot=tk.overtime_grace_minutes,
        )
    )
    return 0


def _add_range(p: Any) -> None:
    p.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--employee", action="append", metavar="CODE", help=tr("only this employee (repeatable)"))
    p.add_argument("--team", metavar="TEAM", help=tr("only this team"))


def register(sub: Any) -> None:
    """Add this module's subcommands to `sub` (argparse subparsers)."""
    p = sub.add_parser(
        "actual", help=tr("actual time worked: set a day, import a login/logout report, confirm, show")
    )
    asub = p.add_subparsers(dest="actual_command", metavar="ACTION", required=True)
    s = asub.add_parser(
        "set",
        help=tr("record one day's actual time"),
        description=tr("ENTRY: 8:58-17:03/30, 8:58-12:01,12:33-17:03, 22:00-06:30, 8:58- (no logout), an "
        'absence code (SICK), or both (LATE 9:40-17:00); "" clears the day.'),
    )
    s.add_argument("code", metavar="CODE", help=tr("employee code"))
    s.add_argument("date", metavar="DATE", help=tr("work date, YYYY-MM-DD"))
    s.add_argument("entry", metavar="ENTRY")
    s.add_argument("--note", metavar="TEXT", help=tr("the day's note (default: keep it)"))
    s.set_defaults(handler=_set)
    i = asub.add_parser(
        "import", help=tr("import a phone-system or time-clock login/logout report (.csv, .xlsx)")
    )
    i.add_argument("file", metavar="FILE")
    i.add_argument("--dry-run", action="store_true",
        help=tr("check and show what would change; write nothing"))
    i.add_argument(
        "--columns",
        metavar="SPEC",
        help=tr('name the columns: "id=Login ID,in=Login Time,out=Logout Time[,date=Date]"'),
    )
    i.set_defaults(handler=_import)
    c = asub.add_parser("confirm",
        help=tr("record scheduled days with nothing recorded as worked as scheduled"))
    _add_range(c)
    c.set_defaults(handler=_confirm)
    sh = asub.add_parser("show", help=tr("scheduled and actual side by side, with variance and exceptions"))
    _add_range(sh)
    sh.add_argument("--json", action="store_true")
    sh.set_defaults(handler=_show)

    ex = sub.add_parser(
        "exceptions", help=tr("late, left early, no-show, missing logout... against the schedule")
    )
    _add_range(ex)
    ex.add_argument("--json", action="store_true")
    ex.set_defaults(handler=_exceptions)

    ad = sub.add_parser("adherence", help=tr("schedule adherence per agent and team"))
    _add_range(ad)
    ad.add_argument("--json", action="store_true")
    ad.set_defaults(handler=_adherence)

    ab = sub.add_parser("absence", help=tr("the site's absence and exception codes (SICK, NS, LATE...)"))
    absub = ab.add_subparsers(dest="absence_command", metavar="ACTION", required=True)
    absub.add_parser("list", help=tr("list the codes")).set_defaults(handler=_absence_list)
    st = absub.add_parser("set", help=tr("add or change a code (options left out keep what it has)"))
    st.add_argument("code", metavar="CODE")
    st.add_argument("--label", metavar="TEXT")
    st.add_argument(
        "--pay", metavar="KIND", help=tr("unpaid | scheduled (the rest of the scheduled shift) | fixed")
    )
    st.add_argument("--hours", metavar="H", help=tr("hours a fixed code pays, e.g. 8"))
    st.add_argument("--reasonable-cause", metavar="yes|no")
    st.add_argument("--counts-as-worked", metavar="yes|no")
    st.set_defaults(handler=_absence_set)
    rm = absub.add_parser("remove", help=tr("remove a code no day is coded with"))
    rm.add_argument("code", metavar="CODE")
    rm.set_defaults(handler=_absence_remove)

    tk = sub.add_parser(
        "timekeeping", help=tr("show or change pay basis, rounding, session gap and grace periods")
    )
    tk.add_argument("--pay-basis", metavar="schedule|actual")
    tk.add_argument("--rounding", metavar="MIN", help=tr("none, 5, 6, 10 or 15: round in/out times for pay"))
    tk.add_argument("--merge-gap", metavar="MIN", help=tr("join imported sessions this close (default 2)"))
    tk.add_argument("--late-grace", metavar="MIN")
    tk.add_argument("--early-grace", metavar="MIN")
    tk.add_argument("--break-grace", metavar="MIN")
    tk.add_argument("--overtime-grace", metavar="MIN")
    tk.set_defaults(handler=_timekeeping)
