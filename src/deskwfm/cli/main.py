"""``deskwfm`` entry point: argparse front end; with no command it starts the GUI.

Each ``cmd_*`` module contributes subcommands through ``register(subparsers)`` and keeps its
heavy imports inside the handlers, so ``deskwfm --help`` and GUI start-up stay fast.
Errors reach the user as one line on stderr: exit 2 for bad input, 1 for other failures.
"""

from __future__ import annotations

import argparse
import importlib
import os
import shlex
import sys
from collections.abc import Sequence

from deskwfm import __version__
from deskwfm.cli.language import start_language
from deskwfm.core.errors import DeskwfmError, InputError, StaleEditError
from deskwfm.core.i18n import LANGUAGES, render, tr
from deskwfm.core.messages import msg

COMMAND_MODULES: tuple[str, ...] = (
    "deskwfm.cli.cmd_setup",
    "deskwfm.cli.cmd_schedule",
    "deskwfm.cli.cmd_payroll",
    "deskwfm.cli.cmd_excel",
    "deskwfm.cli.cmd_print",
    "deskwfm.cli.cmd_forecast",
    "deskwfm.cli.cmd_periods",
    "deskwfm.cli.cmd_audit",
    "deskwfm.cli.cmd_actual",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        """Bad command-line input: one line on stderr, exit status 2 (design.md: Errors)."""
        line = msg("error: {problem} (see {command} --help)", problem=message,
                   command=f"deskwfm {self._sub_hint()}".strip())
        self.exit(2, f"deskwfm: {render(line)}\n")

    def _sub_hint(self) -> str:
        parts = self.prog.split()[1:]
        return " ".join(parts) + " " if parts else ""


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; ``commands=False`` leaves the subcommands out (the window's
    options only)."""
    parser = _Parser(
        prog="deskwfm",
        description=tr("Contact-centre schedule grid, payroll totals, Excel and PDF timesheets. "
                       "With no command, opens the schedule window."),
    )
    parser.add_argument(
        "--lang", choices=LANGUAGES, metavar="en|fr",
        help=tr("language of this run (default: the one chosen in Settings, else the system's)"),
    )
    parser.add_argument("--version", action="version", version=f"deskwfm {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        help=tr("SQLite file or SQLAlchemy URL (default: deskwfm.sqlite3 in your user data folder)"),
    )
    gui = parser.add_argument_group(tr("window options (no command)"))
    gui.add_argument(
        "--screenshot", metavar="FILE.png", help=tr("render the main window offscreen to a PNG and exit")
    )
    gui.add_argument("--view", choices=("week", "period", "6weeks", "month"),
        help=tr("range shown in the grid"))
    gui.add_argument("--date", metavar="YYYY-MM-DD", help=tr("date the grid opens on"))
    if not commands:
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Opening the window is the common start: its options are read without importing every
    subcommand's module first; anything else (a command, --help) gets the whole parser."""
    if not {"-h", "--help"} & set(argv):
        args, rest = build_parser(commands=False).parse_known_args(argv)
        if not rest:
            args.command = None
            return args
    return build_parser().parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    start_language(words)
    args = parse_args(words)
    # How a change made from the command line is recorded in the audit trail.
    args.command_line = "deskwfm " + " ".join(shlex.quote(w) for w in words)
    try:
        if args.command is None:
            from deskwfm.gui.launch import run_gui

            return run_gui(args)
        handler = args.handler
        return int(handler(args) or 0)
    except (InputError, StaleEditError) as exc:  # refused: nothing was written
        print(f"deskwfm: {exc}", file=sys.stderr)
        return 2
    except DeskwfmError as exc:
        print(f"deskwfm: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("deskwfm: " + tr("interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:  # `deskwfm ... | head`: the reader has all it wanted; say nothing
        # (the Python docs' recipe: point stdout at /dev/null so the exit flush cannot fail again)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # what a shell reports for a command ended by SIGPIPE
    except Exception as exc:  # no traceback reaches a user (design.md: Errors)
        if os.environ.get("DESKWFM_DEBUG"):
            raise
        from deskwfm.crashlog import describe

        print(f"deskwfm: {describe(exc)}", file=sys.stderr)
        return 1


def gui_main() -> int:
    return main([])
