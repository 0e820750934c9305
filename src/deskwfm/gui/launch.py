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

if TYPE_CHECKING:  # PySide6 is imported lazily, only when a window is wanted
    from PySide6.QtWidgets import QApplication

    from deskwfm.gui.main_window import MainWindow
    from deskwfm.services.workspace import Workspace

_HEADLESS_PLATFORMS = {"offscreen", "minimal", "vnc", "eglfs", "linuxfb"}
NO_DISPLAY_MESSAGE = (
    "deskwfm: no display available to open the window; use --screenshot FILE.png to render it "
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
        raise InputError(f'--date "{text}" is not a date; write it as YYYY-MM-DD') from None


def run_gui(args: argparse.Namespace) -> int:
    screenshot: str | None = getattr(args, "screenshot", None)
    if screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    elif not display_available():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 1
    anchor = _parse_date(getattr(args, "date", None))

    from PySide6.QtWidgets import QApplication

    from deskwfm.gui.icons import app_icon
    from deskwfm.gui.view_range import ViewKind

    if screenshot:
        _quiet_offscreen_noise()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setOrganizationName("deskwfm")
    app.setApplicationName("deskwfm")
    app.setStyle("Fusion")
    app.setWindowIcon(app_icon())
    _add_fallback_font()
    install_excepthook()

    ws = _open_workspace(getattr(args, "db", None), interactive=not screenshot)
    if ws is None:
        return 0
    from deskwfm.gui.main_window import MainWindow

    view = getattr(args, "view", None)
    window = MainWindow(ws, ViewKind(view) if view else None, anchor, remember=not screenshot)
    if screenshot:
        return _screenshot(app, window, Path(screenshot))
    if os.environ.get("DESKWFM_BENCH_FIRST_PAINT"):
        _exit_on_first_paint(app, window)
    window.show()
    try:
        return int(app.exec())
    finally:
        ws.close()


def _open_workspace(db: str | None, *, interactive: bool) -> Workspace | None:
    """The database to show; when none exists at the default place, the first-run dialog
    chooses one (or, without a dialog, the demo centre is created there)."""
    from deskwfm.services.workspace import Workspace

    if db is not None:
        return Workspace.open(db)
    try:
        return Workspace.open(None)
    except NotFoundError:
        pass
    if interactive:
        from deskwfm.gui.first_run import choose_database

        chosen = choose_database(None)
        return None if chosen is None else Workspace.open(chosen)
    from deskwfm.core.site import SiteSettings
    from deskwfm.services.setup import init_database

    return init_database(None, SiteSettings(), demo=True)


def _screenshot(app: QApplication, window: MainWindow, path: Path) -> int:
    """Render at 1440 x 860, narrower when a short range would leave an empty band."""
    window.resize(min(1440, max(1040, window.grid.full_width())), 860)
    window.show()
    window.session.finish_totals()  # a picture shows the totals row added up, not "…"
    app.processEvents()
    pixmap = window.grab()
    if not pixmap.save(str(path), "PNG"):
        raise InputError(f"could not write the screenshot to {path}")
    window.close()
    window.session.ws.close()
    return 0


def _exit_on_first_paint(app: QApplication, window: MainWindow) -> None:
    """Benchmark hook: print the wall-clock time of the grid's first paint, then quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class _Watch(QObject):
        done = False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and not self.done:
                self.done = True
                QTimer.singleShot(
                    0, lambda: (print(f"FIRST_PAINT {time.time():.6f}", flush=True), app.quit())
                )
            return False

    watch = _Watch(window)
    window.grid.table.viewport().installEventFilter(watch)


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
            f"Sorry, something went wrong: {describe(exc.with_traceback(tb))}.\n\n"
            "Every edit made so far is saved in the database.",
        )

    sys.excepthook = hook
