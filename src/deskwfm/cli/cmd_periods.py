"""`deskwfm period` subcommands: list pay periods, approve employees, lock, unlock, differences."""

from __future__ import annotations

import argparse
import json
from typing import Any

from deskwfm.core.i18n import tr


def _status(info: Any) -> str:
    from deskwfm.core.i18n import tr

    if info.locked:
        return tr("locked")
    return tr("reopened") if info.state.lock_no else tr("open")


def _list(args: argparse.Namespace) -> int:
    from datetime import date

    from deskwfm.cli.cmd_setup import open_workspace
    from deskwfm.core.i18n import tr
    from deskwfm.services.periods import list_periods

    with open_workspace(args) as ws:
        periods = list_periods(ws, date.today())
    rows: list[dict[str, Any]] = []
    for p in periods:
        s = p.state
        rows.append(
            {
                "start": p.start.isoformat(),
                "end": p.end.isoformat(),
                "status": _status(p),
                "approved": len(p.approvals),
                "locked_by": s.locked_by if s.locked else "",
                "locked_at": s.locked_at.isoformat() if s.locked and s.locked_at else "",
                "lock_no": s.lock_no,
                "reopened_because": s.reason if not s.locked else "",
            }
        )
    if args.json:
        print(json.dumps({"periods": rows}, indent=2, ensure_ascii=False))
        return 0
    heads = [tr("Start"), tr("End"), tr("Status"), tr("Approved"), tr("Locked by"), tr("Note")]
    body: list[list[str]] = [
        [
            r["start"],
            r["end"],
            r["status"],
            str(r["approved"]),
            r["locked_by"] or "",
            (tr("reopened: ") + str(r["reopened_because"])) if r["reopened_because"] else "",
        ]
        for r in rows
    ]
    widths = [max(len(x[i]) for x in [heads, *body]) for i in range(len(heads))]
    for line in [heads, ["-" * w for w in widths], *body]:
        print("  ".join(c.ljust(widths[i]) for i, c in enumerate(line)).rstrip())
    return 0


def _approve(args: argparse.Namespace) -> int:
    from deskwfm.cli.cmd_setup import open_workspace, parse_date_arg
    from deskwfm.core.changes import How
    from deskwfm.core.i18n import tr_n
    from deskwfm.services.periods import approve

    start = parse_date_arg(args.start, "START")
    with open_workspace(args) as ws:
        done = approve(ws, start, args.employee or None, How.APPROVE, args.command_line)
        print(
            tr_n(
                "approved {count} employee for the pay period from {start}",
                "approved {count} employees for the pay period from {start}",
                len(done),
            ).format(count=len(done), start=start.isoformat())
        )
    return 0


def _lock(args: argparse.Namespace) -> int:
    from deskwfm.cli.cmd_setup import open_workspace, parse_date_arg
    from deskwfm.core.changes import How
    from deskwfm.core.i18n import tr
    from deskwfm.services.periods import lock

    start = parse_date_arg(args.start, "START")
    with open_workspace(args) as ws:
        state = lock(ws, start, How.LOCK, args.command_line)
        print(
            tr("locked the pay period {start} to {end} (lock {n}); its payroll is stored").format(
                start=state.start.isoformat(), end=state.end.isoformat(), n=state.lock_no
            )
        )
    return 0


def _unlock(args: argparse.Namespace) -> int:
    from deskwfm.cli.cmd_setup import open_workspace, parse_date_arg
    from deskwfm.core.changes import How
    from deskwfm.core.i18n import tr
    from deskwfm.services.periods import unlock

    start = parse_date_arg(args.start, "START")
    with open_workspace(args) as ws:
        state = unlock(ws, start, args.reason, How.UNLOCK, args.command_line)
        print(
            tr("unlocked the pay period {start} to {end}: {reason}").format(
                start=state.start.isoformat(), end=state.end.isoformat(), reason=state.reason
            )
        )
    return 0


def _diff(args: argparse.Namespace) -> int:
    from deskwfm.cli.cmd_setup import open_workspace, parse_date_arg
    from deskwfm.core.i18n import tr
    from deskwfm.services.periods import differences

    start = parse_date_arg(args.start, "START")
    with open_workspace(args) as ws:
        state, diffs = differences(ws, start)
    if args.json:
        print(
            json.dumps(
                {
                    "start": state.start.isoformat(),
                    "end": state.end.isoformat(),
                    "lock_no": state.lock_no,
                    "differences": [
                        {
                            "code": d.code,
                            "name": d.name,
                            "stored_gross": None if d.stored_gross is None else str(d.stored_gross),
                            "gross_now": None if d.now_gross is None else str(d.now_gross),
                            "lines": [
                                {"category": c, "stored": str(a), "now": str(b)} for c, a, b in d.lines
                            ],
                        }
                        for d in diffs
                    ],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return 0
    print(
        tr("Differences since lock {n} of the pay period {start} to {end}").format(
            n=state.lock_no, start=state.start.isoformat(), end=state.end.isoformat()
        )
    )
    if not diffs:
        print(tr("none: recomputing now gives the stored payroll"))
    for d in diffs:
        print(f"{d.code} {d.name}: {d.stored_gross} -> {d.now_gross}")
        for c, a, b in d.lines:
            print(f"    {c}: {a} -> {b}")
    return 0


def register(sub: Any) -> None:
    """Add this module's subcommands to `sub` (argparse subparsers)."""
    p = sub.add_parser("period", help=tr("pay periods: list, approve, lock, unlock, differences since lock"))
    psub = p.add_subparsers(dest="period_command", metavar="ACTION", required=True)
    ls = psub.add_parser("list", help=tr("recent pay periods with their status, approvals and locks"))
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=_list)
    ap = psub.add_parser("approve", help=tr("approve employees' pay for the period starting START"))
    ap.add_argument("start", metavar="START", help=tr("the period's first day, YYYY-MM-DD"))
    ap.add_argument("--employee", action="append", metavar="CODE", help=tr("only this employee (repeatable)"))
    ap.set_defaults(handler=_approve)
    lk = psub.add_parser("lock", help=tr("lock the period starting START (every paid employee approved)"))
    lk.add_argument("start", metavar="START")
    lk.set_defaults(handler=_lock)
    ul = psub.add_parser("unlock", help=tr("reopen a locked period; the reason is recorded"))
    ul.add_argument("start", metavar="START")
    ul.add_argument("--reason", required=True, metavar="TEXT")
    ul.set_defaults(handler=_unlock)
    df = psub.add_parser("diff", help=tr("what recomputing a locked (or reopened) period would change"))
    df.add_argument("start", metavar="START")
    df.add_argument("--json", action="store_true")
    df.set_defaults(handler=_diff)
