"""`deskwfm` subcommands: payroll."""

from __future__ import annotations

import argparse
from typing import Any

from deskwfm.core.i18n import tr


def _payroll(args: argparse.Namespace) -> int:
    import json

    from deskwfm.cli.cmd_setup import open_workspace, parse_date_arg
    from deskwfm.services.payroll import payroll_json, payroll_table, run_payroll
    from deskwfm.services.ranges import choose_range

    start = parse_date_arg(args.date_from, "--from") if args.date_from else None
    end = parse_date_arg(args.date_to, "--to") if args.date_to else None
    period = parse_date_arg(args.period, "--period") if args.period else None
    codes = args.employee or None
    with open_workspace(args) as ws:
        rng = choose_range(ws, start, end, period)
        result = run_payroll(ws, rng.start, rng.end, employee_codes=codes, team=args.team)
    if args.json:
        print(json.dumps(payroll_json(result), indent=2, ensure_ascii=False))
    else:
        print(payroll_table(result), end="")
    return 0


def register(sub: Any) -> None:
    """Add this module's subcommands to `sub` (argparse subparsers)."""
    p = sub.add_parser("payroll", help=tr("payroll totals per employee for a pay period or a date range"))
    p.add_argument("--period", metavar="YYYY-MM-DD",
                   help=tr("the pay period containing this date (instead of --from/--to)"))
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help=tr("first day of a range"))
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help=tr("last day of a range"))
    p.add_argument("--json", action="store_true", help=tr("print JSON (hours and money as decimal strings)"))
    p.add_argument("--team", metavar="TEAM", help=tr("only this team"))
    p.add_argument("--employee", action="append", metavar="CODE", help=tr("only this employee (repeatable)"))
    p.set_defaults(handler=_payroll)
