"""Starting the window: no display, --screenshot, and a first paint in a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from deskwfm.gui.launch import display_available


def _env(**changes: str | None) -> dict[str, str]:
    env = dict(os.environ)
    for k, v in changes.items():
        if v is None:
            env.pop(k, None)
        else:
            env[k] = v
    return env


def test_display_detection() -> None:
    assert not display_available({}, "linux")
    assert display_available({"DISPLAY": ":0"}, "linux")
    assert display_available({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert display_available({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert display_available({}, "win32")


def test_no_display_prints_one_line_and_exits_non_zero(centre: Path) -> None:
    env = _env(DISPLAY=None, WAYLAND_DISPLAY=None, QT_QPA_PLATFORM=None)
    proc = subprocess.run(
        [sys.executable, "-m", "deskwfm", "--db", str(centre)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "no display" in lines[0] and "--screenshot" in lines[0]
    assert "Traceback" not in proc.stderr


def test_screenshot_renders_the_window_to_a_png(centre: Path, tmp_path: Path) -> None:
    out = tmp_path / "grid.png"
    env = _env(
        DISPLAY=None, WAYLAND_DISPLAY=None, QT_QPA_PLATFORM=None, XDG_CONFIG_HOME=str(tmp_path / "config")
    )
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "deskwfm",
            "--db",
            str(centre),
            "--screenshot",
            str(out),
            "--view",
            "week",
            "--date",
            "2026-11-24",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    img = QImage(str(out))
    assert img.width() >= 1000 and img.height() >= 600


def test_a_missing_database_is_an_error_not_a_new_file(tmp_path: Path) -> None:
    missing = tmp_path / "typo.sqlite3"
    proc = subprocess.run(
        [sys.executable, "-m", "deskwfm", "--db", str(missing), "--screenshot", str(tmp_path / "x.png")],
        env=_env(XDG_CONFIG_HOME=str(tmp_path / "c")),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2 and not missing.exists()
    assert "Traceback" not in proc.stderr


def test_first_start_without_a_database_gets_the_demo_centre(tmp_path: Path) -> None:
    """Non-interactive (--screenshot) start with nothing at the default place: the demo centre
    is created there, so the very first window shows a populated grid."""
    out = tmp_path / "first.png"
    env = _env(XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    proc = subprocess.run(
        [sys.executable, "-m", "deskwfm", "--screenshot", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert (tmp_path / "data" / "deskwfm" / "deskwfm.sqlite3").exists()
    from deskwfm.services.employees import list_employees
    from deskwfm.services.workspace import Workspace

    with Workspace.open(tmp_path / "data" / "deskwfm" / "deskwfm.sqlite3") as ws:
        assert len(list_employees(ws)) >= 20
