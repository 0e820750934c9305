"""`deskwfm forecast` subcommands: import a call forecast, show staffing against it."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from deskwfm.core.i18n import format_agents, format_day, render, tr
from deskwfm.core.messages import msg, msg_n

if TYPE_CHECKING:
    from deskwfm.core.coverage import DayStaffing, IntervalStaffing
    from deskwfm.core.service_level import StaffingFigures
    from deskwfm.core.staffing_targets import StaffingTargets
    from deskwfm.services.forecast import StaffingReport

MAX_PROBLEMS_SHOWN = 50


def _clear(args: argparse.Namespace) -> int:
    from deskwfm.cli.cmd_setup import open_workspace
    from deskwfm.core.changes import How
    from deskwfm.services.forecast import clear_forecast

    with open_workspace(args) as ws:
        n = clear_forecast(ws, How.CLI, args.command_line)
        print(render(msg_n("removed {count} forecast interval", "removed {count} forecast intervals", n)))
    return 0


def _import(args: argparse.Namespace) -> int:
    from deskwfm.cli.cmd_setup import open_workspace
    from deskwfm.core.errors import InputError
    from deskwfm.services.forecast import import_forecast

    with open_workspace(args) as ws:
        result = import_forecast(ws, args.file, dry_run=args.dry_run)
        if result.problems:
            for p in result.problems[:MAX_PROBLEMS_SHOWN]:
                print(f"  {p}", file=sys.stderr)
            more = len(result.problems) - MAX_PROBLEMS_SHOWN
            if more > 0:
                print("  " + render(msg("... and {n:num} more", n=more)), file=sys.stderr)
            raise InputError(msg_n("{count} problem in {file}; nothing was imported",
                                   "{count} problems in {file}; nothing was imported",
                                   len(result.problems), file=result.file_name))
        print(render(result.summary()))
        if args.dry_run:
            print(tr("dry run: nothing was written"))
        else:
            print(tr("imported: the forecast of those dates was replaced"))
    return 0


def _short_hours(minutes: int) -> str:
    from deskwfm.core.money import hours_text

    return hours_text(minutes)


def _pct(share: float | None) -> float | None:
    return None if share is None else round(share * 100, 1)


def _figures_json(f: StaffingFigures) -> dict[str, Any]:
    return {
        "calls": f.calls,
        "agent_intervals_short": round(f.agent_intervals_short, 2),
        "agent_intervals_over": round(f.agent_intervals_over, 2),
        "service_level_pct": _pct(f.service_level),
    }


def _interval_json(i: IntervalStaffing, targets: StaffingTargets) -> dict[str, Any]:
    from deskwfm.core.service_level import interval_service_level

    return {
        "start": i.start_text, "calls": i.calls, "aht_seconds": i.aht_seconds, "needed": i.needed,
        "scheduled": round(i.scheduled, 2), "short": round(i.short, 2), "over": round(i.over, 2),
        "service_level_pct": _pct(interval_service_level(i, targets)),
    }


def _day_json(report: StaffingReport, d: DayStaffing) -> dict[str, Any]:
    peak = d.peak
    return {
        "date": d.work_date.isoformat(),
        "intervals": len(d.intervals),
        "peak_needed": peak.needed if peak else 0,
        "peak_at": peak.start_text if peak else None,
        "scheduled_at_peak": round(peak.scheduled, 2) if peak else 0,
        "intervals_short": len(d.short_intervals),
        "agent_hours_short": round(d.short_agent_minutes / 60, 2),
        **_figures_json(report.day_figures(d)),
        "short": [
            {"start": i.start_text, "needed": i.needed, "scheduled": round(i.scheduled, 2),
             "short": round(i.short, 2)}
            for i in d.short_intervals
        ],
        "detail": [_interval_json(i, report.targets) for i in d.intervals],
    }


def _show(args: argparse.Namespace) -> int:
    from deskwfm.cli.cmd_setup import open_workspace, parse_date_arg
    from deskwfm.core.i18n import format_percent
    from deskwfm.services.forecast import staffing_between

    start = parse_date_arg(args.date_from, "--from")
    end = parse_date_arg(args.date_to, "--to")
    with open_workspace(args) as ws:
        report = staffing_between(ws, start, end)
    t = report.targets
    if args.json:
        print(json.dumps({
            "from": start.isoformat(), "to": end.isoformat(),
            "targets": {"service_level_pct": t.sl_target_pct, "within_seconds": t.sl_target_seconds,
                        "max_occupancy_pct": t.max_occupancy_pct, "shrinkage_pct": t.shrinkage_pct,
                        "interval_minutes": t.interval_minutes},
            "days": [_day_json(report, d) for d in report.days],
            "weeks": [{"week_of": w.isoformat(), **_figures_json(f)} for w, f in report.weeks()],
            "total": _figures_json(report.total()),
        }, indent=2, ensure_ascii=False))
        return 0
    print(render(msg(
        "Staffing {start:date} to {end:date}: target {sl} % (calls answered within {secs} s), "
        "occupancy <= {occ} %, shrinkage {shrink} %, {interval}-minute intervals",
        start=start, end=end, sl=t.sl_target_pct, secs=t.sl_target_seconds, occ=t.max_occupancy_pct,
        shrink=t.shrinkage_pct, interval=t.interval_minutes,
    )))
    if not report.has_forecast:
        print(tr("no forecast for these dates; import one with: deskwfm forecast import FILE"))
        return 0
    h = (tr("Date"), tr("Peak need"), tr("at"), tr("Sched"), tr("Short int."), tr("Agent-h short"),
         tr("Ag-int short"), tr("Ag-int over"), tr("SL"))
    print(f"{h[0]:<15} {h[1]:>9} {h[2]:>6} {h[3]:>6} {h[4]:>10} {h[5]:>13} {h[6]:>12} {h[7]:>11} {h[8]:>8}")
    for d in report.days:
        if not d.intervals:
            print(f"{format_day(d.work_date):<15}  {tr('no forecast')}")
            continue
        peak = d.peak
        f = report.day_figures(d)
        sl = format_percent(f.service_level) if f.service_level is not None else "-"
        sched = format_agents(peak.scheduled) if peak else "0"
        print(f"{format_day(d.work_date):<15} {peak.needed if peak else 0:>9} "
              f"{peak.start_text if peak else '':>6} {sched:>6} "
              f"{len(d.short_intervals):>10} {_short_hours(d.short_agent_minutes):>13} "
              f"{format_agents(f.agent_intervals_short):>12} "
              f"{format_agents(f.agent_intervals_over):>11} {sl:>8}")
    total = report.total()
    sl = format_percent(total.service_level) if total.service_level is not None else "-"
    print(render(msg("Total: {short:agents} agent-intervals short, {over:agents} over, "
                     "predicted service level {sl}", short=total.agent_intervals_short,
                     over=total.agent_intervals_over, sl=sl)))
    return 0


def register(sub: Any) -> None:
    """Add this module's subcommands to `sub` (argparse subparsers)."""
    p = sub.add_parser("forecast",
        help=tr("import a call forecast; show staffing needed against the schedule"))
    fsub = p.add_subparsers(dest="forecast_command", metavar="ACTION", required=True)
    imp = fsub.add_parser(
        "import",
        help=tr("import a forecast (.xlsx with a Forecast sheet, or .csv): Date, Interval start, Calls, "
        "AHT (s); replaces the stored forecast of the file's dates"),
    )
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--dry-run", action="store_true", help=tr("check and summarise, write nothing"))
    imp.set_defaults(handler=_import)
    show = fsub.add_parser(
        "show",
        help=tr("per day: peak agents needed, scheduled then, agent-intervals short and over, predicted "
        "service level (--json: every interval)"),
    )
    show.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
    show.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD")
    show.add_argument("--json", action="store_true", help=tr("machine-readable output"))
    show.set_defaults(handler=_show)
    clear = fsub.add_parser("clear",
        help=tr("delete the whole stored forecast (before changing its interval)"))
    clear.set_defaults(handler=_clear)
