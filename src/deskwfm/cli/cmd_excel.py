"""`deskwfm` subcommands: import, template, export schedule, export payroll."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from deskwfm.core.errors import InputError
from deskwfm.core.i18n import render, tr
from deskwfm.core.messages import msg, msg_n

MAX_PROBLEMS_SHOWN = 50
MAX_CHANGES_SHOWN = 40


def _import(args: argparse.Namespace) -> int:
    from deskwfm.cli.cmd_setup import open_workspace
    from deskwfm.files.xlsx_problems import write_error_report
    from deskwfm.services.excel_import import apply_import, plan_import

    with open_workspace(args) as ws:
        plan = plan_import(ws, args.file)
        read = "; ".join(render(s) for s in plan.sheets_read) or tr("nothing")
        print(render(msg("{file}: read {sheets}", file=plan.file_name, sheets=read)))
        if plan.sheets_ignored:
            print("  " + render(msg("ignored sheets: {sheets}", sheets=", ".join(plan.sheets_ignored))))
        if plan.problems:
            for p in plan.problems[:MAX_PROBLEMS_SHOWN]:
                print(f"  {p}", file=sys.stderr)
            more = len(plan.problems) - MAX_PROBLEMS_SHOWN
            if more > 0:
                print("  " + render(msg("... and {n:num} more", n=more)), file=sys.stderr)
            if args.errors:
                write_error_report(args.errors, plan.file_name, plan.problems)
                print("  " + render(msg("problem list saved to {path}", path=args.errors)), file=sys.stderr)
            if args.errors:
                raise InputError(msg_n("{count} problem in {file}; nothing was imported",
                                       "{count} problems in {file}; nothing was imported",
                                       len(plan.problems), file=plan.file_name))
            raise InputError(msg_n(
                "{count} problem in {file}; nothing was imported (--errors REPORT.xlsx saves the list)",
                "{count} problems in {file}; nothing was imported (--errors REPORT.xlsx saves the list)",
                len(plan.problems), file=plan.file_name))
        for line in plan.summary():
            print(f"  {line}")
        for ch in plan.changes[:MAX_CHANGES_SHOWN]:
            print(f"    {ch}")
        if len(plan.changes) > MAX_CHANGES_SHOWN:
            more = len(plan.changes) - MAX_CHANGES_SHOWN
            print("    " + render(msg("... and {n:num} more changes", n=more)))
        if args.dry_run:
            print(tr("dry run: nothing was written"))
        elif not plan.has_changes:
            print(tr("nothing to change"))
        else:
            apply_import(ws, plan)
            print(render(msg_n("imported: {count} change written", "imported: {count} changes written",
                               len(plan.changes))))
    return 0


def _template(args: argparse.Namespace) -> int:
    from pathlib import Path

    from deskwfm.files.xlsx_template import write_template

    target = Path(args.file)
    if target.suffix.lower() != ".xlsx":
        raise InputError(msg("{file}: the file name must end in .xlsx", file=target.name))
    if not target.parent.exists():
        raise InputError(msg("{folder}: no such folder", folder=str(target.parent)))
    write_template(target)
    print(render(msg("template written to {path}", path=str(target))))
    return 0


def _range(args: argparse.Namespace) -> tuple[Any, Any]:
    from deskwfm.cli.cmd_setup import parse_date_arg

    return parse_date_arg(args.date_from, "--from"), parse_date_arg(args.date_to, "--to")


def _export_schedule(args: argparse.Namespace) -> int:
    from deskwfm.cli.cmd_setup import open_workspace
    from deskwfm.services.excel_export import export_schedule

    start, end = _range(args)
    with open_workspace(args) as ws:
        n = export_schedule(ws, start, end, args.file)
    print(render(msg_n("schedule {start:date} to {end:date}: {count} employee written to {path}",
                       "schedule {start:date} to {end:date}: {count} employees written to {path}",
                       n, start=start, end=end, path=args.file)))
    return 0


def _export_payroll(args: argparse.Namespace) -> int:
    from deskwfm.cli.cmd_setup import open_workspace, parse_date_arg
    from deskwfm.core.i18n import render
    from deskwfm.core.messages import msg, msg_n
    from deskwfm.core.payroll import payroll_totals
    from deskwfm.services.excel_export import export_payroll
    from deskwfm.services.ranges import choose_range
    from deskwfm.services.site import get_site

    start = parse_date_arg(args.date_from, "--from") if args.date_from else None
    end = parse_date_arg(args.date_to, "--to") if args.date_to else None
    period = parse_date_arg(args.period, "--period") if args.period else None
    with open_workspace(args) as ws:
        rng = choose_range(ws, start, end, period)
        result = export_payroll(ws, rng.start, rng.end, args.file)
        currency = get_site(ws).currency
    _minutes, _holiday, gross = payroll_totals(result)
    line = msg("{range}: {people}, gross {gross:money}, written to {file}", range=rng.label(), gross=gross,
               people=msg_n("{count:num} employee", "{count:num} employees", len(result.employees)),
               file=str(args.file))
    print(render(line, currency=currency))
    return 0


def register(sub: Any) -> None:
    """Add this module's subcommands to `sub` (argparse subparsers)."""
    imp = sub.add_parser(
        "import", help=tr("import employees, shift codes and shifts from an .xlsx workbook (all or nothing)")
    )
    imp.add_argument("file", metavar="FILE.xlsx")
    imp.add_argument("--dry-run", action="store_true", help=tr("show what would change; write nothing"))
    imp.add_argument("--errors", metavar="REPORT.xlsx", help=tr("save the list of problems as a workbook"))
    imp.set_defaults(handler=_import)

    tpl = sub.add_parser("template", help=tr("write the documented import template"))
    tpl.add_argument("file", metavar="FILE.xlsx")
    tpl.set_defaults(handler=_template)

    exp = sub.add_parser("export", help=tr("export the schedule grid or the payroll as .xlsx"))
    what = exp.add_subparsers(dest="export_what", metavar="WHAT", required=True)
    for name, handler, help_text in (
        ("schedule", _export_schedule, "employees x days grid with totals, ready to print"),
        ("payroll", _export_payroll, "payroll totals per employee, shift detail and pay lines"),
    ):
        p = what.add_parser(name, help=help_text)
        if name == "payroll":
            p.add_argument("--period", metavar="YYYY-MM-DD",
                           help=tr("the pay period containing this date (instead of --from/--to)"))
            p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
            p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
        else:
            p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", required=True)
            p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", required=True)
        p.add_argument("file", metavar="FILE.xlsx")
        p.set_defaults(handler=handler)
