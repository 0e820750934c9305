"""`deskwfm` subcommands: shift set, schedule auto, warnings."""

from __future__ import annotations

import argparse
import json
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from deskwfm.core.entry import shift_text
from deskwfm.core.i18n import render, tr
from deskwfm.core.messages import msg, msg_n

if TYPE_CHECKING:
    from deskwfm.services.auto_schedule import AutoSchedule, ScheduleFigures


def _shift_set(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from deskwfm.cli.cmd_setup import open_workspace, parse_date_arg
    from deskwfm.core.changes import How
    from deskwfm.core.entry import shift_text
    from deskwfm.core.model import KIND_LABELS
    from deskwfm.core.timecalc import paid_minutes
    from deskwfm.services.schedule import CellEdit, apply_edits, cell_name, cell_warnings, expect_cell
    from deskwfm.services.site import get_site

    day = parse_date_arg(args.date, msg("date"))
    with open_workspace(args) as ws:
        edit = CellEdit(args.code, day, args.entry)
        if args.expect is not None:
            edit = replace(expect_cell(ws, args.code, day, args.expect), text=args.entry)
        changes = apply_edits(ws, [edit], How.CLI, args.command_line)
        where = cell_name(args.code, day)
        if not changes:
            print(render(msg("{cell}: unchanged", cell=where)))
        elif changes[0].after is None:
            print(render(msg("{cell}: cleared", cell=where)))
        else:
            s = changes[0].after
            text = shift_text(s)
            paid = paid_minutes(s, get_site(ws).zone) if s.has_times else 0
            if s.code:
                print(render(msg("{cell}: {shift} ({kind}, {m:hours} h)", cell=where, shift=text,
                                 kind=KIND_LABELS[s.kind], m=paid)))
            else:
                print(render(msg("{cell}: {shift} ({m:hours} h)", cell=where, shift=text, m=paid)))
        if changes:
            # The same rule warnings the grid marks: the edit is stored, the admin is told.
            # Only those about this cell: its own, and the next day's that name this shift.
            for w in cell_warnings(ws, args.code, day, day + timedelta(days=1)):
                if day in (w.work_date, w.other_day):
                    cell = cell_name(w.employee_code, w.work_date)
                    print(render(msg("warning: {cell}: {problem}", cell=cell, problem=w.message)))
    return 0


def _pct(share: float | None) -> float | None:
    return None if share is None else round(share * 100, 1)


def _figures_json(f: ScheduleFigures) -> dict[str, Any]:
    return {
        "agent_intervals_short": round(f.total.agent_intervals_short, 2),
        "agent_intervals_over": round(f.total.agent_intervals_over, 2),
        "service_level_pct": _pct(f.total.service_level),
        "hours": round(f.paid_minutes / 60, 2),
        "overtime_hours": round(f.overtime_minutes / 60, 2),
        "rule_warnings": len(f.warnings),
        "days": [
            {"date": d.work_date.isoformat(), "agent_intervals_short": round(x.agent_intervals_short, 2),
             "agent_intervals_over": round(x.agent_intervals_over, 2),
             "service_level_pct": _pct(x.service_level)}
            for d, x in zip(f.days, f.per_day, strict=True)
        ],
    }


def _auto_json(auto: AutoSchedule, written: bool) -> dict[str, Any]:
    p = auto.proposal
    return {
        "from": auto.start.isoformat(), "to": auto.end.isoformat(), "team": auto.team,
        "outcome": p.outcome.value, "proposed_shifts": len(p.shifts), "written": written,
        "seconds": round(p.seconds, 2), "first_schedule_seconds": round(p.first_seconds, 2),
        "under_coverage_weighted": p.weighted_short, "lower_bound_weighted": p.lower_bound,
        "above_lower_bound_pct": _pct(p.gap),
        "soft_rules": {k.value: v for k, v in p.costs.items()},
        "left_out_by_rule_check": len(p.dropped),
        "days_without_forecast": [d.isoformat() for d in auto.no_forecast],
        "before": _figures_json(auto.before), "after": _figures_json(auto.after),
        "shifts": [{"employee": s.employee_code, "date": s.work_date.isoformat(), "entry": shift_text(s)}
                   for s in p.shifts],
    }


def _sl(share: float | None) -> str:
    from deskwfm.core.i18n import format_percent

    return "-" if share is None else format_percent(share)


def _one(x: float) -> str:
    from decimal import Decimal

    from deskwfm.core.i18n import format_decimal

    return format_decimal(Decimal(str(round(x, 1))), 1)


def _print_auto(auto: AutoSchedule) -> None:
    from deskwfm.core.i18n import format_day, format_hours, format_int
    from deskwfm.services.auto_schedule import no_forecast_note

    p = auto.proposal
    b, a = auto.before, auto.after
    line = msg_n(
        "Proposed {count} shift in {s:dec} s (a first complete schedule after {first:dec} s); "
        "under-coverage {short:num} call-weighted agent-minutes, lower bound {bound:num}",
        "Proposed {count} shifts in {s:dec} s (a first complete schedule after {first:dec} s); "
        "under-coverage {short:num} call-weighted agent-minutes, lower bound {bound:num}",
        len(p.shifts), s=round(p.seconds, 1), first=round(p.first_seconds, 1), short=p.weighted_short,
        bound=p.lower_bound,
    )
    gap = "" if p.gap is None else render(msg(" ({p:pct} above)", p=p.gap))
    print(render(line) + gap)
    if p.outcome.value != "done":
        print(render(msg("note: the run ended {outcome}: only the weeks solved are proposed",
                         outcome=p.outcome.value)))
    if (unforecast := no_forecast_note(auto.no_forecast)) is not None:
        print(render(msg("note: {what}", what=unforecast)))
    rows = [
        (tr("Agent-intervals short"), _one(b.total.agent_intervals_short),
         _one(a.total.agent_intervals_short)),
        (tr("Agent-intervals over"), _one(b.total.agent_intervals_over), _one(a.total.agent_intervals_over)),
        (tr("Predicted service level"), _sl(b.total.service_level), _sl(a.total.service_level)),
        (tr("Hours scheduled"), format_hours(b.paid_minutes), format_hours(a.paid_minutes)),
        (tr("Overtime hours"), format_hours(b.overtime_minutes), format_hours(a.overtime_minutes)),
        (tr("Rule warnings"), format_int(len(b.warnings)), format_int(len(a.warnings))),
    ]
    width = max(len(r[0]) for r in rows) + 1
    before, after = tr("before"), tr("after")
    print(f"{'':<{width}} {before:>12} {after:>12}")
    for label, was, now in rows:
        print(f"{label:<{width}} {was:>12} {now:>12}")
    heads = (tr("Day"), tr("short before"), after, tr("SL before"), after)
    print(f"{heads[0]:<15} {heads[1]:>12} {heads[2]:>8} {heads[3]:>10} {heads[4]:>8}")
    for d, fb, fa in zip(a.days, b.per_day, a.per_day, strict=True):
        if d.work_date in auto.no_forecast:
            left_alone = tr("no forecast: left alone")
            print(f"{format_day(d.work_date):<15} {left_alone}")
            continue
        print(f"{format_day(d.work_date):<15} {_one(fb.agent_intervals_short):>12} "
              f"{_one(fa.agent_intervals_short):>8} {_sl(fb.service_level):>10} {_sl(fa.service_level):>8}")
    if p.costs:
        print(tr("Soft rules: ") + "; ".join(f"{tr(k.value)} {format_int(v)}" for k, v in p.costs.items()))
    if p.dropped:
        print(render(msg_n("{count} proposed shift was left out because it would add a rule warning",
                           "{count} proposed shifts were left out because they would add a rule warning",
                           len(p.dropped))))


def _auto(args: argparse.Namespace) -> int:
    from deskwfm.cli.cmd_setup import open_workspace, parse_date_arg
    from deskwfm.core.errors import InputError
    from deskwfm.scheduler.problem import Settings
    from deskwfm.services.auto_schedule import accept, propose

    start = parse_date_arg(args.date_from, "--from")
    end = parse_date_arg(args.date_to, "--to")
    try:
        limit = float(args.time_limit)
        seed = int(args.seed)
    except ValueError:
        raise InputError(msg("--time-limit takes seconds (like 30) and --seed a whole number")) from None
    if not 1 <= limit <= 3600:
        raise InputError(msg("--time-limit must be 1 to 3600 seconds"))
    with open_workspace(args) as ws:
        auto = propose(ws, start, end, args.team, Settings(time_limit=limit, seed=seed))
        written = False
        if not args.dry_run and auto.shifts:
            accept(ws, auto, args.command_line)
            written = True
    if args.json:
        print(json.dumps(_auto_json(auto, written), indent=2, ensure_ascii=False))
        return 0
    _print_auto(auto)
    if args.dry_run:
        print(tr("dry run: nothing was written"))
    elif written:
        print(render(msg_n('written: {count} shift in one change set (audited as "automatic schedule")',
                           'written: {count} shifts in one change set (audited as "automatic schedule")',
                           len(auto.shifts))))
    else:
        print(tr("nothing to write"))
    return 0


def _warnings(args: argparse.Namespace) -> int:
    from deskwfm.cli.cmd_setup import open_workspace, parse_date_arg
    from deskwfm.services.auto_schedule import range_warnings
    from deskwfm.services.schedule import cell_name

    start = parse_date_arg(args.date_from, "--from")
    end = parse_date_arg(args.date_to, "--to")
    with open_workspace(args) as ws:
        found = range_warnings(ws, start, end)
    if args.json:
        print(json.dumps([{"employee": w.employee_code, "date": w.work_date.isoformat(), "rule": str(w.rule),
                           "message": str(w.message)} for w in found], indent=2, ensure_ascii=False))
        return 0
    for w in found:
        cell = cell_name(w.employee_code, w.work_date)
        print(render(msg("{cell}: {problem}", cell=cell, problem=w.message)))
    print(render(msg_n("{count} rule warning from {start:date} to {end:date}",
                       "{count} rule warnings from {start:date} to {end:date}", len(found),
                       start=start, end=end)))
    return 0


def register(sub: Any) -> None:
    """Add this module's subcommands to `sub` (argparse subparsers)."""
    p = sub.add_parser("shift", help=tr("set or clear one schedule cell"))
    ssub = p.add_subparsers(dest="shift_command", metavar="ACTION", required=True)
    s = ssub.add_parser(
        "set",
        help=tr("set the shift of CODE on DATE: 9-17, 09:00-17:30/30, 22-6, a code (D, N, VAC); "
        '"" or OFF clears'),
    )
    s.add_argument("code", metavar="CODE")
    s.add_argument("date", metavar="YYYY-MM-DD")
    s.add_argument("entry", metavar="ENTRY")
    s.add_argument(
        "--expect", metavar="OLD",
        help=tr('refuse (exit 2, "changed elsewhere") unless the cell holds OLD now, compared as shifts '
        '(9-17 matches 09:00-17:00); --expect "" means the cell must be empty'),
    )
    s.set_defaults(handler=_shift_set)

    sched = sub.add_parser("schedule", help=tr("automatic scheduling to the call forecast"))
    schsub = sched.add_subparsers(dest="schedule_command", metavar="ACTION", required=True)
    a = schsub.add_parser(
        "auto",
        help=tr("fill the empty cells of a range with shifts that cover the forecast within the rules; "
                "prints coverage, service level, hours, overtime and rule warnings before and after"),
    )
    a.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
    a.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD")
    a.add_argument("--team", metavar="TEAM",
                   help=tr("schedule only this team (the others still count as coverage)"))
    a.add_argument("--time-limit", default="30", metavar="SECONDS", help=tr("time to search (default 30)"))
    a.add_argument("--seed", default="1", metavar="N",
                   help=tr("the same seed gives the same proposal (default 1)"))
    a.add_argument("--dry-run", action="store_true", help=tr("show the proposal, write nothing"))
    a.add_argument("--json", action="store_true",
        help=tr("machine-readable output, with the proposed shifts"))
    a.set_defaults(handler=_auto)

    w = sub.add_parser("warnings",
                       help=tr("list the rule warnings of a range (rest, maxima, contract, roster rules)"))
    w.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
    w.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD")
    w.add_argument("--json", action="store_true", help=tr("machine-readable output"))
    w.set_defaults(handler=_warnings)
