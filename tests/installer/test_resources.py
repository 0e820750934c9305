"""Bundled resources: icon sizes, the .ico, the shift-code palette, licence coverage."""

from __future__ import annotations

import itertools
import json
import re
from importlib import metadata

from PIL import Image

from deskwfm.resources import resource_path

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def test_icon_pngs_have_their_size_and_are_drawn() -> None:
    for size in PNG_SIZES:
        with Image.open(resource_path("icons", f"deskwfm-{size}.png")) as f:
            img = f.convert("RGBA")
        assert img.size == (size, size)
        alpha = img.getchannel("A")
        opaque = sum(alpha.histogram()[201:])
        # a drawn icon: mostly covered, but transparent round its corners
        assert opaque > 0.5 * size * size, size
        assert alpha.getpixel((0, size - 1)) < 50, size
        colours = img.convert("RGB").getcolors(maxcolors=size * size) or []
        assert len(colours) > 8, size


def test_ico_holds_every_windows_size() -> None:
    with Image.open(resource_path("icons", "deskwfm.ico")) as ico, \
            Image.open(resource_path("icons", "deskwfm-16.png")) as png:
        assert {(s, s) for s in (16, 24, 32, 48, 64, 128, 256)} <= set(ico.ico.sizes())  # type: ignore[attr-defined]
        ico.size = (16, 16)  # type: ignore[misc]
        small = ico.convert("RGBA")
        # the 16 px frame is the hand-simplified drawing, not a blur of the 256 px one
        assert small.tobytes() == png.convert("RGBA").tobytes()


def _lab(hex_colour: str) -> tuple[float, float, float, float]:
    """CIE L*a*b* (D65) and relative luminance of an sRGB colour."""

    def lin(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(int(hex_colour[i : i + 2], 16)) for i in (1, 3, 5))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)), y


def test_palette_colours_are_distinct_pastels_readable_with_black_text() -> None:
    data = json.loads(resource_path("palette.json").read_text(encoding="utf-8"))
    colours = data["colours"]
    assert len(colours) >= 12
    assert len({c["name"] for c in colours}) == len(colours)
    for c in colours:
        assert re.fullmatch(r"#[0-9a-f]{6}", c["hex"]), c
        lightness, _, _, luminance = _lab(c["hex"])
        assert lightness >= 75, c  # pastel: light
        assert (luminance + 0.05) / 0.05 >= 7, c  # WCAG AAA contrast for black cell text
    for a, b in itertools.combinations(colours, 2):
        la, lb = _lab(a["hex"]), _lab(b["hex"])
        delta_e = sum((la[i] - lb[i]) ** 2 for i in range(3)) ** 0.5
        assert delta_e >= 10, (a["name"], b["name"], round(delta_e, 1))


def _runtime_closure(root: str) -> set[str]:
    """Distributions deskwfm needs at run time on this platform (no extras), transitively."""
    from packaging.requirements import Requirement

    def norm(name: str) -> str:
        return re.sub(r"[-_.]+", "_", name).lower()

    seen: set[str] = set()
    todo = [root]
    while todo:
        name = todo.pop()
        for spec in metadata.requires(name) or ():
            req = Requirement(spec)
            if req.marker is not None and not req.marker.evaluate({"extra": ""}):
                continue
            key = norm(req.name)
            if key not in seen:
                seen.add(key)
                todo.append(req.name)
    return seen


def test_every_runtime_dependency_has_its_licence_listed() -> None:
    components = json.loads(resource_path("licenses", "components.json").read_text(encoding="utf-8"))
    listed = {c["distribution"] for c in components if "distribution" in c}
    missing = _runtime_closure("deskwfm") - listed
    assert not missing, f"add to installer/collect_licenses.py and rerun it: {sorted(missing)}"
