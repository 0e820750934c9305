"""What the user chose once and every front end honours: today, the language.

A small JSON file in the platformdirs user config folder (``DESKWFM_CONFIG_DIR`` overrides it,
for tests), read without Qt so the command line follows the choice made in the window's
Settings → Language, and the window follows ``deskwfm --lang fr`` only for that run.

The language in force is, first found: ``--lang``, the saved choice, the system's language
(``LANGUAGE``/``LC_ALL``/``LC_MESSAGES``/``LANG`` on Unix, the user's UI language on Windows,
``AppleLanguages`` on macOS), English.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from deskwfm.core.i18n import LANGUAGES, normalise_language

FILE_NAME = "settings.json"


def config_path() -> Path:
    override = os.environ.get("DESKWFM_CONFIG_DIR")
    if override:
        return Path(override) / FILE_NAME
    from platformdirs import user_config_dir

    return Path(user_config_dir("deskwfm", appauthor=False)) / FILE_NAME


def _load() -> dict[str, Any]:
    try:
        data = json.loads(config_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):  # none yet, unreadable or damaged: the defaults
        return {}
    return data if isinstance(data, dict) else {}


def saved_language() -> str | None:
    """``en`` or ``fr`` when the user chose one; None to follow the system."""
    value = _load().get("language")
    return value if isinstance(value, str) and value in LANGUAGES else None


def save_language(code: str | None) -> None:
    """Remember ``code`` (None: follow the system again). Written whole (temp file, then
    rename); an OSError reaches the caller, which says so."""
    data = _load()
    if code is None:
        data.pop("language", None)
    else:
        data["language"] = normalise_language(code)
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def system_language(env: Mapping[str, str] | None = None, platform: str | None = None) -> str:
    """The language of the user's system (``en`` for anything deskwfm does not offer)."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "").split(":")[0]
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return normalise_language(value)
    if platform == "win32":
        return normalise_language(_windows_ui_language())
    if platform == "darwin":
        return normalise_language(_mac_languages())
    return "en"


def _windows_ui_language() -> str | None:
    with contextlib.suppress(Exception):  # no API (not Windows, a stripped system): English
        import ctypes
        import locale

        lcid = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
        return str(locale.windows_locale.get(int(lcid), ""))
    return None


def _mac_languages() -> str | None:
    with contextlib.suppress(Exception):  # no preferences file: English
        import plistlib

        prefs = Path.home() / "Library" / "Preferences" / ".GlobalPreferences.plist"
        languages = plistlib.loads(prefs.read_bytes()).get("AppleLanguages") or []
        return str(languages[0]) if languages else None
    return None


def choose_language(requested: str | None = None) -> str:
    """The language in force: ``requested`` (``--lang``), else the saved choice, else the
    system's."""
    if requested:
        return normalise_language(requested)
    return saved_language() or system_language()
