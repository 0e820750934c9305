"""Statutory holidays with a small on-disk cache.

Importing the ``holidays`` package costs ~130 ms (it loads every country), a fifth of the
window's start-up budget, while the answer for a region and year never changes for a given
package build. So each (region, year) list is kept as JSON in the user cache folder, keyed
by the installed package's file stamp; a cache that cannot be read or written is ignored.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from functools import cache
from importlib.util import find_spec
from pathlib import Path


@cache
def _stamp() -> str:
    """Changes whenever a different ``holidays`` build is installed. In a PyInstaller bundle
    the package lives inside the archive, so the bundle's executable stands in for it."""
    spec = find_spec("holidays")
    candidates = [spec.origin if spec is not None else None, sys.executable]
    for origin in candidates:
        if not origin:
            continue
        try:
            st = os.stat(origin)
        except OSError:
            continue
        return f"{st.st_mtime_ns:x}-{st.st_size:x}"
    return "unknown"


def cache_dir() -> Path:
    override = os.environ.get("DESKWFM_CACHE_DIR")
    if override:
        return Path(override) / "holidays"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("deskwfm", appauthor=False)) / "holidays"


def _year(region: str, year: int) -> dict[date, str]:
    """One year of holidays, their names in the current language (each language cached apart)."""
    from deskwfm.core.i18n import language

    lang = language()
    path = cache_dir() / f"{region}-{year}-{lang}-{_stamp()}.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return {date.fromisoformat(k): str(v) for k, v in raw.items()}
    except (OSError, ValueError, AttributeError):
        pass
    from deskwfm.core.holidays import holidays_in_year

    found = dict(holidays_in_year(region, year, lang))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps({d.isoformat(): n for d, n in found.items()}), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass
    return found


def holidays_between(region: str, start: date, end: date) -> dict[date, str]:
    """``deskwfm.core.holidays.holidays_between``, each year served from the cache."""
    from deskwfm.core.holidays import holidays_between as between

    return between(region, start, end, year=lambda r, y: _year(r, y).items())
