"""The application icon, loaded from the PNG sizes in ``resources/icons``.

PNGs rather than the SVG so the icon needs no Qt SVG image plugin (the bundle leaves it out).
Qt picks the nearest size for each use (title bar 16/24, task bar 32/48, About dialog 64).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon, QPixmap

from deskwfm.core.errors import NotFoundError
from deskwfm.resources import resource_path

ICON_SIZES: tuple[int, ...] = (16, 24, 32, 48, 64, 128, 256, 512)


@cache
def app_icon() -> QIcon:
    """The deskwfm icon with every bundled size; an empty icon if the files are missing
    (a broken install must still start, it just shows the platform's default icon)."""
    icon = QIcon()
    for size in ICON_SIZES:
        try:
            icon.addFile(str(resource_path("icons", f"deskwfm-{size}.png")))
        except NotFoundError:
            continue
    return icon


def app_pixmap(size: int) -> QPixmap:
    """The icon drawn at ``size`` x ``size`` device-independent pixels."""
    return app_icon().pixmap(size, size)
