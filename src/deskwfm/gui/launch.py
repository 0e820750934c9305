"""``deskwfm`` with no command: start the schedule window (or render it to a PNG and exit).

PySide6 is imported only here and below, so the CLI never pays for Qt. With no display the
user gets one line saying what to do instead of Qt's abort.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from deskwfm.core.errors import InputError, NotFoundError
from deskwfm.core.i18n import tr
from deskwfm.core.messages import N_, msg

if TYPE_CHECKING:  # PySide6 is imported lazily, only when a window is wanted
    from PySide6.QtWidgets import QApplication

    from deskwfm.gui.main_window import MainWindow
    from deskwfm.services.workspace import Workspace

_HEADLESS_PLATFORMS = {"offscreen", "minimal", "vnc", "eglfs", "linuxfb"}
NO_DISPLAY_MESSAGE = N_(
    "no display available to open the window; use --screenshot FILE.png to render it "
    "offscreen, or a command such as `deskwfm --help` for the command line"
)


def display_available(env: dict[str, str] | None = None, platform: str | None = None) -> bool:
    env = dict(os.environ) if env is None else env
    platform = sys.platform if platform is None else platform
    if env.get("QT_QPA_PLATFORM", "").split(":")[0] in _HEADLESS_PLATFORMS:
        return True
    if platform.startswith("linux") or "bsd" in platform:
        return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))
    return True  # Windows and macOS always have a window server


def _parse_date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(msg('--date "{text}" is not a date; write it as YYYY-MM-DD', text=text)) from None


def run_gui(args: argparse.Namespace) -> int:
    screenshot: str | None = getattr(args, "screenshot", None)
    if screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    elif not display_available():
        print("deskwfm: " + tr(NO_DISPLAY_MESSAGE), file=sys.stderr)
        return 1
    anchor = _parse_date(getattr(args, "date", None))
    db: str | None = getattr(args, "db", None)
    interactive = not screenshot

    # The database and the window's plain-Python modules are loaded before PySide6: once it is
    # imported, PySide6 reads the source of every module imported after it (its __feature__
    # import hook), which costs more than a tenth of a second over SQLAlchemy's ~200 modules.
    ws = _open_existing(db, interactive=interactive)
    _preload_window_modules()
    loaded = set(sys.modules)

    from PySide6.QtWidgets import QApplication

    _skip_pyside_source_scan(loaded)

    from deskwfm.gui.icons import app_icon
    from deskwfm.gui.view_range import ViewKind

    if screenshot:
        _quiet_offscreen_noise()
    from deskwfm.gui.qt_platform import platform_guard

    existing = QApplication.instance()
    if existing is None:
        # The style is chosen on the command line Qt reads: app.setStyle() would hand a QStyle
        # to Python, and making its Python type (hundreds of enum members) costs ~15 ms.
        with platform_guard():
            app = QApplication([sys.argv[0], "-style", "Fusion"])
    else:
        assert isinstance(existing, QApplication)
        app = existing
        app.setStyle("Fusion")
    app.setOrganizationName("deskwfm")
    app.setApplicationName("deskwfm")
    app.setWindowIcon(app_icon())
    from deskwfm.gui.language import install_qt_language

    install_qt_language(app)
    _add_fallback_font()
    install_excepthook()

    if ws is None:
        ws = _choose_workspace(db, interactive=interactive)
        if ws is None:
            return 0
    from deskwfm.gui.main_window import MainWindow

    view = getattr(args, "view", None)
    window = MainWindow(
        ws, ViewKind(view) if view else None, anchor, remember=not screenshot, paint_first=not screenshot
    )
    if screenshot:
        return _screenshot(app, window, Path(screenshot))
    if os.environ.get("DESKWFM_BENCH_FIRST_PAINT"):
        _exit_on_first_paint(window)
    window.show()
    window.fit_screen()
    try:
        return int(app.exec())
    finally:
        ws.close()


def _open_existing(db: str | None, *, interactive: bool) -> Workspace | None:
    """The database to show when there is one (no Qt needed); None when the first-run dialog
    must choose. A ``--db FILE`` that does not exist is an error (exit 2) unless a dialog can
    offer to create it."""
    from deskwfm.services.workspace import Workspace, missing_file

    if db is not None:
        if interactive and missing_file(db) is not None:
            return None
        return Workspace.open(db)
    try:
        return Workspace.open(None)
    except NotFoundError:
        return None


def _choose_workspace(db: str | None, *, interactive: bool) -> Workspace | None:
    """No database yet: the first-run dialog chooses one (for ``--db FILE``, with FILE as the
    place to create it); without a dialog, the demo centre is created at the default place."""
    from deskwfm.services.workspace import Workspace, missing_file

    if interactive:
        from deskwfm.gui.first_run import choose_database

        missing = missing_file(db) if db is not None else None
        chosen = choose_database(None, missing=missing)
        return None if chosen is None else Workspace.open(chosen)
    from deskwfm.core.site import SiteSettings
    from deskwfm.services.setup import init_database

    return init_database(None, SiteSettings(), demo=True)


def _skip_pyside_source_scan(loaded: set[str]) -> None:
    """PySide6's ``__feature__`` import hook reads the source of every module that passes
    through ``import`` after PySide6 (once per name), to learn whether it uses PySide. Modules
    loaded before PySide6 was cannot, except deskwfm's GUI modules, which import it lazily:
    record them as not using it, so their sources are not read again (~15 ms). Only work is
    skipped: without that PySide-internal table nothing is done."""
    table = getattr(sys.modules.get("shibokensupport.feature"), "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return
    for name in loaded:
        if not name.startswith("deskwfm.gui"):
            table.setdefault(name, -1)


def _preload_window_modules() -> None:
    """Import what the grid computes with (no Qt in these) ahead of PySide6 (see run_gui)."""
    import platformdirs  # noqa: F401  (the holiday cache's folder)

    import deskwfm.gui.grid_state  # noqa: F401  (pay, warnings, day totals, staffing row)
    import deskwfm.gui.view_range  # noqa: F401
    import deskwfm.services.forecast  # noqa: F401
    import deskwfm.services.holiday_cache  # noqa: F401
    import deskwfm.services.schedule  # noqa: F401
    import deskwfm.services.schedule_tools  # noqa: F401
    import deskwfm.services.site  # noqa: F401


def _screenshot(app: QApplication, window: MainWindow, path: Path) -> int:
    """Render at 1440 x 860, narrower when a short range would leave an empty band."""
    window.resize(min(1440, max(1040, window.grid.full_width())), 860)
    window.show()
    window.session.finish_totals()  # a picture shows the totals row added up, not "…"
    app.processEvents()
    pixmap = window.grab()
    if not pixmap.save(str(path), "PNG"):
        raise InputError(msg("could not write the screenshot to {path}", path=str(path)))
    window.close()
    window.session.ws.close()
    return 0


def _exit_on_first_paint(window: MainWindow) -> None:
    """Benchmark hook: print the wall-clock time of the grid's first paint and end the process
    at once, so timing the whole command measures start to first paint."""
    from deskwfm.gui.first_paint import after_first_paint

    def report() -> None:
        print(f"FIRST_PAINT {time.time():.6f}", flush=True)
        os._exit(0)

    after_first_paint(window.grid.table.viewport(), report)


def _quiet_offscreen_noise() -> None:
    """The offscreen platform warns that it cannot propagate size hints on every window shown;
    that is not news to someone asking for a screenshot. Every other message passes through."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, context: object, message: str) -> None:
        if "does not support propagateSizeHints" in message:
            return
        print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def _add_fallback_font() -> None:
    """Make the bundled CJK font (also used by the PDFs) available to Qt's glyph fallback, so
    names such as 王芳 or 김민준 never show as empty boxes on a machine without such fonts."""
    from PySide6.QtGui import QFontDatabase

    from deskwfm.core.errors import NotFoundError
    from deskwfm.resources import resource_path

    # A stripped-down install still runs; only rare scripts would lose their glyphs.
    with contextlib.suppress(NotFoundError):
        QFontDatabase.addApplicationFont(str(resource_path("fonts", "DroidSansFallback.ttf")))


def install_excepthook() -> None:
    """A user-facing error escaping a slot becomes a message box, never a traceback."""
    from PySide6.QtWidgets import QMessageBox

    from deskwfm.core.errors import DeskwfmError

    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if isinstance(exc, DeskwfmError):
            QMessageBox.warning(None, "deskwfm", str(exc))
            return
        if not isinstance(exc, Exception):  # KeyboardInterrupt, SystemExit
            previous(kind, exc, tb)
            return
        from deskwfm.crashlog import describe

        QMessageBox.critical(
            None, "deskwfm",
            tr("Sorry, something went wrong: {problem}.\n\nEvery edit made so far is saved in the database.")
            .format(problem=describe(exc.with_traceback(tb))),
        )

    sys.excepthook = hook
