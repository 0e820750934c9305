"""Locate bundled resources (icons, fonts, palettes) installed, bundled or in a checkout.

Installed wheels and the PyInstaller bundle carry them as package data in
``deskwfm/resources/``; a source checkout has them in the top-level ``resources/`` folder.
"""

from __future__ import annotations

import contextlib
import sys
from functools import cache
from importlib import resources as _ir
from pathlib import Path

from deskwfm.core.errors import NotFoundError
from deskwfm.core.messages import msg


@cache
def resource_dir() -> Path:
    candidates: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "deskwfm" / "resources")
    with contextlib.suppress(ModuleNotFoundError, TypeError):
        candidates.append(Path(str(_ir.files("deskwfm"))) / "resources")
    candidates.append(Path(__file__).resolve().parents[2] / "resources")
    for c in candidates:
        if c.is_dir():
            return c
    raise NotFoundError(msg("deskwfm's resources folder is missing; reinstall deskwfm"))


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource_path("fonts", "X.ttf")``."""
    p = resource_dir().joinpath(*parts)
    if not p.exists():
        name = "/".join(parts)
        raise NotFoundError(msg("bundled resource {name} is missing; reinstall deskwfm", name=name))
    return p
