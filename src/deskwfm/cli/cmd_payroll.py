"""`deskwfm` subcommands: payroll."""

from __future__ import annotations

import argparse
from typing import Any

from deskwfm.core.i18n import tr


def _payroll(args: argparse.Namespace) -> int:
    import json

    from deskwfm.cli.cmd_setup import open_workspace, parse_date_arg
    from deskwfm.services.payroll import payroll_json, payroll_table, run_payroll

    start = parse_date_arg(args.date_from, "--from")
    end = parse_date_arg(args.date_to, "--to")
    codes = args.employee or None
    with open_workspace(args) as ws:
        result = run_payroll(ws, start, end, employee_codes=codes, team=args.team)
    if args.json:
        print(json.dumps(payroll_json(result), indent=2, ensure_ascii=False))
    else:
        print(payroll_table(result), end="")
    return 0


def register(sub: Any) -> None:
    """Add this module's subcommands to `sub` (argparse subparsers)."""
    p = sub.add_parser("payroll", help=tr("payroll totals per employee for a date range"))
    p.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--json", action="store_true", help=tr("print JSON (hours and money as decimal strings)"))
    p.add_argument("--team", metavar="TEAM", help=tr("only this team"))
    p.add_argument("--employee", action="append", metavar="CODE", help=tr("only this employee (repeatable)"))
    p.set_defaults(handler=_payroll)
