"""Writing helpers shared by the xlsx writers: user text forced to string cells, colours."""

from __future__ import annotations

from typing import Any

# Excel refuses cell text longer than this; longer user text is cut rather than corrupting the file.
MAX_CELL_TEXT = 32_767
_ILLEGAL = {c: None for c in range(32) if c not in (9, 10, 13)}


def clean_text(text: str) -> str:
    """Drop control characters XML cannot hold and cap the length Excel accepts."""
    return str(text).translate(_ILLEGAL)[:MAX_CELL_TEXT]


def set_text(cell: Any, text: str) -> Any:
    """Write user text as a string cell, never a formula: openpyxl turns any string starting
    with ``=`` into a formula, so a name like ``=HYPERLINK(...)`` would become live content."""
    cell.value = clean_text(text)
    cell.data_type = "s"
    return cell


def hex6(colour: str, default: str = "D9D9D9") -> str:
    """``#RRGGBB`` / ``RRGGBB`` -> ``RRGGBB`` (upper case); anything else -> default."""
    c = colour.strip().lstrip("#")
    if len(c) == 6 and all(ch in "0123456789abcdefABCDEF" for ch in c):
        return c.upper()
    return default


def text_colour_for(fill: str) -> str:
    """Black or white, whichever reads better on the fill (WCAG relative luminance)."""
    c = hex6(fill)

    def channel(h: str) -> float:
        v = int(h, 16) / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    lum = 0.2126 * channel(c[0:2]) + 0.7152 * channel(c[2:4]) + 0.0722 * channel(c[4:6])
    return "000000" if lum > 0.179 else "FFFFFF"


def tint(colour: str, amount: float) -> str:
    """Mix a colour towards white by ``amount`` (0 = unchanged, 1 = white)."""
    c = hex6(colour)
    parts = [int(c[i : i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(p + (255 - p) * amount):02X}" for p in parts)
