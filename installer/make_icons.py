"""Render the application icon (resources/icons/*.svg) to PNG sizes and a multi-size .ico.

Run after editing an SVG: ``python installer/make_icons.py``. The PNGs and the .ico are
committed, so building the bundle needs no SVG renderer. Sizes up to 32 px are drawn from
``deskwfm-small.svg`` (fewer, bolder shapes that stay legible), larger ones from ``deskwfm.svg``.
Renders with ``rsvg-convert`` (Debian: librsvg2-bin) when present, else with QtSvg.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

from PIL import Image

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
SMALL_MAX = 32


def _render_rsvg(svg: Path, size: int) -> bytes:
    exe = shutil.which("rsvg-convert")
    assert exe
    return subprocess.run(
        [exe, "-w", str(size), "-h", str(size), "-f", "png", str(svg)],
        check=True, capture_output=True,
    ).stdout


def _render_qt(svg: Path, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(["make_icons", "-platform", "offscreen"])
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    painter = QPainter(img)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    return bytes(data.data())


def render(size: int) -> Image.Image:
    svg = ICONS / ("deskwfm-small.svg" if size <= SMALL_MAX else "deskwfm.svg")
    raw = _render_rsvg(svg, size) if shutil.which("rsvg-convert") else _render_qt(svg, size)
    return Image.open(io.BytesIO(raw)).convert("RGBA")


def main() -> int:
    images = {size: render(size) for size in PNG_SIZES}
    for size, img in images.items():
        img.save(ICONS / f"deskwfm-{size}.png", optimize=True)
    # Pillow writes every size in ``sizes`` from the largest image unless given each frame.
    base = images[256]
    base.save(
        ICONS / "deskwfm.ico",
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != 256],
    )
    print(f"wrote {len(images)} PNGs and deskwfm.ico to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
