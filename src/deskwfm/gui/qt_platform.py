"""One line instead of Qt's abort when the window system plugin cannot start.

Without some system libraries (``libxcb-cursor0`` and friends on a bare Debian or Ubuntu),
Qt prints several ``qt.qpa.plugin`` lines, "This application failed to start because no Qt
platform plugin could be initialized..." and aborts the process. While the QApplication is
created, ``platform_guard`` holds Qt's plugin chatter back; if Qt gives up (a fatal message),
it works out which of the xcb plugin's libraries cannot be loaded, prints ONE line naming the
apt packages that provide them, and exits with status 1. Nothing is checked on the normal
path, so a start-up that works pays nothing for this.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

# What Qt's xcb platform plugin (libqxcb.so and libQt6XcbQpa.so.6) links against, beyond Qt
# itself and the C/C++ runtime (readelf -d ... | grep NEEDED on PySide6 6.11), with the Debian
# and Ubuntu package that provides each one.
XCB_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("libxcb.so.1", "libxcb1"),
    ("libX11.so.6", "libx11-6"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-render.so.0", "libxcb-render0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-shm.so.0", "libxcb-shm0"),
    ("libxcb-sync.so.1", "libxcb-sync1"),
    ("libxcb-util.so.1", "libxcb-util1"),
    ("libxcb-xfixes.so.0", "libxcb-xfixes0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libGL.so.1", "libgl1"),
    ("libEGL.so.1", "libegl1"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libglib-2.0.so.0", "libglib2.0-0"),
    ("libdbus-1.so.3", "libdbus-1-3"),
)
_PLATFORM_CATEGORY = "qt.qpa."  # qt.qpa.plugin, qt.qpa.xcb...


def _loadable(soname: str) -> bool:
    import ctypes

    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_packages(loadable: Callable[[str], bool] = _loadable) -> list[str]:
    """The apt packages of the xcb plugin's libraries that cannot be loaded here."""
    return [package for soname, package in XCB_LIBRARIES if not loadable(soname)]


def failure_line(platform: str, missing: list[str], display: str) -> str:
    """What the user reads when Qt cannot start its window system plugin."""
    from deskwfm.core.i18n import tr

    if missing:
        text = tr(
            "cannot open a window: Qt's {platform} platform plugin needs system libraries that are "
            "missing; install them with: sudo apt-get install {packages}"
        ).format(platform=platform, packages=" ".join(missing))
    elif display:
        text = tr(
            "cannot open a window: Qt could not start its {platform} platform plugin on display "
            "{display}; check that the display is running, or use --screenshot FILE.png or the "
            "command line"
        ).format(platform=platform, display=display)
    else:
        text = tr(
            "cannot open a window: Qt could not start its {platform} platform plugin; use "
            "--screenshot FILE.png or the command line"
        ).format(platform=platform)
    return f"deskwfm: {text}"


def qt_platform(env: dict[str, str] | None = None) -> str:
    """The platform plugin Qt will try first (``QT_QPA_PLATFORM``, else the system's own)."""
    env = dict(os.environ) if env is None else env
    chosen = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0]
    if chosen:
        return chosen
    return "xcb" if sys.platform.startswith("linux") else {"win32": "windows", "darwin": "cocoa"}.get(
        sys.platform, "native"
    )


@contextmanager
def platform_guard(*, quit_process: Callable[[int], object] = os._exit) -> Iterator[None]:
    """Around ``QApplication(...)``: Qt's platform-plugin failure becomes one line and exit 1.
    Qt's own platform messages are held back meanwhile (shown by nobody: the line replaces them)."""
    platform = qt_platform()

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if kind == QtMsgType.QtFatalMsg:
            missing = missing_packages() if platform == "xcb" else []
            print(failure_line(platform, missing, os.environ.get("DISPLAY", "")), file=sys.stderr, flush=True)
            quit_process(1)  # Qt aborts (a core dump) if the handler returns from a fatal message
            return
        if (context.category or "").startswith(_PLATFORM_CATEGORY):
            return
        print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)
