"""`deskwfm audit`: list recorded changes, or verify that nobody edited the trail."""

from __future__ import annotations

import argparse
import json
from typing import Any

from deskwfm.core.changes import entity_label, how_label
from deskwfm.core.i18n import render, tr
from deskwfm.core.messages import msg_n


def _audit(args: argparse.Namespace) -> int:
    from deskwfm.cli.cmd_setup import open_workspace, parse_date_arg
    from deskwfm.core.errors import DeskwfmError
    from deskwfm.services import audit
    from deskwfm.services.site import get_site

    if args.action == "verify":
        with open_workspace(args) as ws:
            result = audit.verify(ws)
        said = audit.verify_message(result)
        if not result.ok:
            raise DeskwfmError(said)
        print(render(said))
        return 0
    f = audit.AuditFilter(
        first=parse_date_arg(args.date_from, "--from") if args.date_from else None,
        last=parse_date_arg(args.date_to, "--to") if args.date_to else None,
        employee=args.employee,
        actor=args.who,
        how=args.how,
        limit=args.limit,
    )
    with open_workspace(args) as ws:
        rows = audit.entries(ws, f)
        tz = get_site(ws).tz
        if args.xlsx:
            from pathlib import Path

            audit.export_xlsx(ws, rows, Path(args.xlsx))
    if args.json:
        print(json.dumps({"changes": [audit.entry_json(e) for e in rows]}, indent=2, ensure_ascii=False))
        return 0
    if args.xlsx:
        print(render(msg_n("{count} change written to {path}", "{count} changes written to {path}", len(rows),
                           path=args.xlsx)))
        return 0
    for e in reversed(rows):  # oldest first, like a log
        when = audit.local_time(e.at, tz)
        what = f"{render(entity_label(e.entity))} {e.key.replace('|', ' ')}"
        before, after = audit.value_text(e.entity, e.before), audit.value_text(e.entity, e.after)
        change = f"{before or '∅'} → {after or '∅'}"
        how = render(how_label(e.how)) + (f" ({e.detail})" if e.detail else "") + (
            f" — {e.reason}" if e.reason else "")
        print(f"{when:%Y-%m-%d %H:%M:%S}  {e.actor}@{e.workstation}  {how}  {what}: {change}")
    return 0


def register(sub: Any) -> None:
    """Add this module's subcommands to `sub` (argparse subparsers)."""
    p = sub.add_parser(
        "audit",
        help=tr("list recorded changes (who, when, how, before and after), or `audit verify` the trail"),
        description=tr("With no action, list changes oldest first (filters below). `deskwfm audit verify` "
        "walks the hash chain and exits non-zero naming the first row edited, deleted or inserted "
        "outside deskwfm."),
    )
    p.add_argument("action", nargs="?", choices=["verify"], help=tr("verify the hash chain"))
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD",
        help=tr("changes about this day or later"))
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help=tr("changes about this day or earlier"))
    p.add_argument("--employee", metavar="CODE", help=tr("changes about this employee"))
    p.add_argument("--who", metavar="LOGIN", help=tr("changes made by this login"))
    p.add_argument("--how", metavar="KIND", help=tr('e.g. "grid edit", paste, import, lock'))
    p.add_argument("--limit", type=int, metavar="N", help=tr("only the newest N changes"))
    p.add_argument("--json", action="store_true", help=tr("print JSON"))
    p.add_argument("--xlsx", metavar="FILE.xlsx", help=tr("write the changes to a workbook"))
    p.set_defaults(handler=_audit)
