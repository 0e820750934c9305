"""`deskwfm` subcommands: shift set."""

from __future__ import annotations

import argparse
from datetime import timedelta
from typing import Any


def _shift_set(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from deskwfm.cli.cmd_setup import open_workspace, parse_date_arg
    from deskwfm.core.changes import How
    from deskwfm.core.entry import format_entry
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
            text = format_entry(s.start, s.end, s.break_minutes, s.code, s.break_start)
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
