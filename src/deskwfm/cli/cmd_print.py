"""`deskwfm` subcommands: timesheets (PDF to sign) and print schedule (wall chart)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deskwfm.core.errors import InputError
from deskwfm.core.i18n import render, tr
from deskwfm.core.messages import msg, msg_n

if TYPE_CHECKING:
    from deskwfm.services.workspace import Workspace


def _date(text: str) -> date:
    from deskwfm.core.periods import check_plausible

    try:
        return check_plausible(date.fromisoformat(text))
    except ValueError:
        raise argparse.ArgumentTypeError(
            render(msg('"{text}" is not a date; write it like 2026-11-01', text=text))) from None
    except InputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(sub: Any) -> None:
    """Add this module's subcommands to `sub` (argparse subparsers)."""
    ts = sub.add_parser(
        "timesheets",
        help=tr("print PDF timesheets for signature"),
        description=tr("Timesheets for a pay period (--period D: the one containing D) or any range "
        "(--from/--to; a range that is not a pay period is labelled so): one PDF with each employee on "
        "new pages, or --split DIR for one file per employee named CODE_FROM_TO.pdf."),
    )
    add_range_options(ts, _date)
    ts.add_argument("--employee", action="append", metavar="CODE", help=tr("only this employee (repeatable)"))
    ts.add_argument("--team", metavar="TEAM", help=tr("only this team"))
    out = ts.add_mutually_exclusive_group(required=True)
    out.add_argument("file", nargs="?", type=Path, metavar="FILE.pdf")
    out.add_argument("--split", type=Path, metavar="DIR", help=tr("one PDF per employee in DIR"))
    ts.set_defaults(handler=_timesheets)

    pr = sub.add_parser("print", help=tr("print the schedule as a wall chart (PDF)"))
    what = pr.add_subparsers(dest="print_what", metavar="WHAT", required=True)
    sc = what.add_parser("schedule", help=tr("landscape wall chart: teams, codes, colours, head counts"))
    sc.add_argument("--from", dest="start", type=_date, required=True, metavar="YYYY-MM-DD")
    sc.add_argument("--to", dest="end", type=_date, required=True, metavar="YYYY-MM-DD")
    sc.add_argument("file", type=Path, metavar="FILE.pdf")
    sc.set_defaults(handler=_schedule)


def add_range_options(p: argparse.ArgumentParser, date_type: Callable[[str], Any]) -> None:
    """``--period D`` (the pay period containing D) or ``--from D --to D``."""
    p.add_argument("--period", type=date_type, metavar="YYYY-MM-DD",
                   help=tr("the pay period containing this date (instead of --from/--to)"))
    p.add_argument("--from", dest="start", type=date_type, metavar="YYYY-MM-DD",
        help=tr("first day of a range"))
    p.add_argument("--to", dest="end", type=date_type, metavar="YYYY-MM-DD", help=tr("last day of a range"))


def _open(args: argparse.Namespace) -> Workspace:
    from deskwfm.services.workspace import Workspace

    return Workspace.open(args.db)


def _timesheets(args: argparse.Namespace) -> int:
    from deskwfm.services.ranges import choose_range
    from deskwfm.services.timesheets import print_timesheets

    if args.file is None and args.split is None:
        raise InputError(msg("give an output FILE.pdf or --split DIR"))
    ws = _open(args)
    try:
        rng = choose_range(ws, args.start, args.end, args.period)
        report = print_timesheets(
            ws, rng.start, rng.end, target=args.file, split_dir=args.split,
            employee_codes=args.employee, team=args.team,
        )
    finally:
        ws.close()
    where = args.split if args.split is not None else args.file
    line = msg(
        "{range}: {sheets}, {pages} written to {where}", range=rng.label(), where=str(where),
        sheets=msg_n("{count:num} timesheet", "{count:num} timesheets", report.employees),
        pages=msg_n("{count:num} page", "{count:num} pages", report.pages),
    )
    print(render(line), file=sys.stderr)
    return 0


def _schedule(args: argparse.Namespace) -> int:
    from deskwfm.services.print_schedule import print_schedule

    ws = _open(args)
    try:
        report = print_schedule(ws, args.start, args.end, args.file)
    finally:
        ws.close()
    line = msg("schedule for {employees}, {pages} written to {where}", where=str(args.file),
               employees=msg_n("{count:num} employee", "{count:num} employees", report.employees),
               pages=msg_n("{count:num} page", "{count:num} pages", report.pages))
    print(render(line), file=sys.stderr)
    return 0
