"""Window settings kept between runs (geometry, view, recent files) in QSettings.

Always an INI file in the user scope, so tests can redirect it with
``QSettings.setPath(IniFormat, UserScope, tmp_path)``.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORG = "deskwfm"
APP = "deskwfm"
MAX_RECENT = 8


def app_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG, APP)


def recent_files() -> list[str]:
    value = app_settings().value("recent", [])
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list):
        return [str(v) for v in value]
    return []


def add_recent(location: str) -> list[str]:
    items = [location] + [r for r in recent_files() if r != location]
    items = items[:MAX_RECENT]
    s = app_settings()
    s.setValue("recent", items)
    s.sync()
    return items


COVERAGE_CHART = "coverageChart"  # the coverage panel was left open (View → Coverage chart)


def flag(key: str) -> bool:
    """A yes/no setting (false when never set)."""
    return app_settings().value(key, False, type=bool) is True


def set_flag(key: str, on: bool) -> None:
    s = app_settings()
    s.setValue(key, on)
    s.sync()
