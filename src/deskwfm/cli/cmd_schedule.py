"""`deskwfm` subcommands: shift set, schedule auto, warnings."""

from __future__ import annotations

import argparse
import json
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from deskwfm.core.entry import shift_text

if TYPE_CHECKING:
    from deskwfm.services.auto_schedule import AutoSchedule, ScheduleFigures


def _shift_set(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from deskwfm.cli.cmd_setup import open_workspace, parse_date_arg
    from deskwfm.core.changes import How
    from deskwfm.core.entry import shift_text
    from deskwfm.core.money import hours_text
    from deskwfm.core.timecalc import paid_minutes
    from deskwfm.services.schedule import CellEdit, apply_edits, cell_name, cell_warnings, expect_cell
    from deskwfm.services.site import get_site

    day = parse_date_arg(args.date, "date")
    with open_workspace(args) as ws:
        edit = CellEdit(args.code, day, args.entry)
        if args.expect is not None:
            edit = replace(expect_cell(ws, args.code, day, args.expect), text=args.entry)
        changes = apply_edits(ws, [edit], How.CLI, args.command_line)
        where = cell_name(args.code, day)
        if not changes:
            print(f"{where}: unchanged")
        elif changes[0].after is None:
            print(f"{where}: cleared")
        else:
            s = changes[0].after
            text = shift_text(s)
            paid = paid_minutes(s, get_site(ws).zone) if s.has_times else 0
            label = f"{s.kind.value.replace('_', ' ')}, " if s.code else ""
            print(f"{where}: {text} ({label}{hours_text(paid)} h)")
        if changes:
            # The same rule warnings the grid marks: the edit is stored, the admin is told.
            # Only those about this cell: its own, and the next day's that name this shift.
            for w in cell_warnings(ws, args.code, day, day + timedelta(days=1)):
                if w.work_date == day or w.message.params.get("day") == day:
                    print(f"warning: {cell_name(w.employee_code, w.work_date)}: {w.message}")
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


def _print_auto(auto: AutoSchedule) -> None:
    from deskwfm.core.i18n import format_hours, tr
    from deskwfm.services.auto_schedule import no_forecast_note

    p = auto.proposal
    b, a = auto.before, auto.after
    gap = "" if p.gap is None else f" ({p.gap * 100:.1f} % above)"
    print(f"Proposed {len(p.shifts)} shifts in {p.seconds:.1f} s (a first complete schedule after "
          f"{p.first_seconds:.1f} s); under-coverage {p.weighted_short:,} call-weighted agent-minutes, "
          f"lower bound {p.lower_bound:,}{gap}")
    if p.outcome.value != "done":
        print(f"note: the run ended {p.outcome.value}: only the weeks solved are proposed")
    if (unforecast := no_forecast_note(auto.no_forecast)) is not None:
        print(f"note: {unforecast}")
    rows = [
        ("Agent-intervals short", f"{b.total.agent_intervals_short:,.1f}",
         f"{a.total.agent_intervals_short:,.1f}"),
        ("Agent-intervals over", f"{b.total.agent_intervals_over:,.1f}",
         f"{a.total.agent_intervals_over:,.1f}"),
        ("Predicted service level", _sl(b.total.service_level), _sl(a.total.service_level)),
        ("Hours scheduled", format_hours(b.paid_minutes), format_hours(a.paid_minutes)),
        ("Overtime hours", format_hours(b.overtime_minutes), format_hours(a.overtime_minutes)),
        ("Rule warnings", str(len(b.warnings)), str(len(a.warnings))),
    ]
    print(f"{'':<24} {'before':>12} {'after':>12}")
    for label, was, now in rows:
        print(f"{label:<24} {was:>12} {now:>12}")
    print(f"{'Day':<15} {'short before':>12} {'after':>8} {'SL before':>10} {'after':>8}")
    for d, fb, fa in zip(a.days, b.per_day, a.per_day, strict=True):
        if d.work_date in auto.no_forecast:
            print(f"{d.work_date:%a %Y-%m-%d}  {tr('no forecast: left alone')}")
            continue
        print(f"{d.work_date:%a %Y-%m-%d} {fb.agent_intervals_short:>12.1f} {fa.agent_intervals_short:>8.1f} "
              f"{_sl(fb.service_level):>10} {_sl(fa.service_level):>8}")
    if p.costs:
        print("Soft rules: " + "; ".join(f"{k.value} {v:,}" for k, v in p.costs.items()))
    if p.dropped:
        print(f"{len(p.dropped)} proposed shift(s) were left out because they would add a rule warning")


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
        raise InputError("--time-limit takes seconds (like 30) and --seed a whole number") from None
    if not 1 <= limit <= 3600:
        raise InputError("--time-limit must be 1 to 3600 seconds")
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
        print("dry run: nothing was written")
    elif written:
        print(f"written: {len(auto.shifts)} shifts in one change set (audited as \"automatic schedule\")")
    else:
        print("nothing to write")
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
        print(f"{cell_name(w.employee_code, w.work_date)}: {w.message}")
    print(f"{len(found)} rule warning(s) from {start.isoformat()} to {end.isoformat()}")
    return 0


def register(sub: Any) -> None:
    """Add this module's subcommands to `sub` (argparse subparsers)."""
    p = sub.add_parser("shift", help="set or clear one schedule cell")
    ssub = p.add_subparsers(dest="shift_command", metavar="ACTION", required=True)
    s = ssub.add_parser(
        "set",
        help="set the shift of CODE on DATE: 9-17, 09:00-17:30/30, 22-6, a code (D, N, VAC); "
        '"" or OFF clears',
    )
    s.add_argument("code", metavar="CODE")
    s.add_argument("date", metavar="YYYY-MM-DD")
    s.add_argument("entry", metavar="ENTRY")
    s.add_argument(
        "--expect", metavar="OLD",
        help='refuse (exit 2, "changed elsewhere") unless the cell holds OLD now, compared as shifts '
        '(9-17 matches 09:00-17:00); --expect "" means the cell must be empty',
    )
    s.set_defaults(handler=_shift_set)

    sched = sub.add_parser("schedule", help="automatic scheduling to the call forecast")
    schsub = sched.add_subparsers(dest="schedule_command", metavar="ACTION", required=True)
    a = schsub.add_parser(
        "auto",
        help="fill the empty cells of a range with shifts that cover the forecast within the rules; prints "
        "coverage, service level, hours, overtime and rule warnings before and after",
    )
    a.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
    a.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD")
    a.add_argument("--team", metavar="TEAM",
                   help="schedule only this team (the others still count as coverage)")
    a.add_argument("--time-limit", default="30", metavar="SECONDS", help="time to search (default 30)")
    a.add_argument("--seed", default="1", metavar="N",
                   help="the same seed gives the same proposal (default 1)")
    a.add_argument("--dry-run", action="store_true", help="show the proposal, write nothing")
    a.add_argument("--json", action="store_true", help="machine-readable output, with the proposed shifts")
    a.set_defaults(handler=_auto)

    w = sub.add_parser("warnings",
                       help="list the rule warnings of a range (rest, maxima, contract, roster rules)")
    w.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
    w.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD")
    w.add_argument("--json", action="store_true", help="machine-readable output")
    w.set_defaults(handler=_warnings)
