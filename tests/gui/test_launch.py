"""Starting the window: no display, --screenshot, and a first paint in a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel

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


# -- deskwfm --db FILE where FILE does not exist yet (issue 11, item 14) ----------------------


def _start_window_with(db: Path, act_on_dialog, qtbot, monkeypatch) -> tuple[int, list[object]]:  # type: ignore[no-untyped-def]
    """Run the real ``deskwfm --db DB`` entry point in this process: drive the first-run dialog
    with ``act_on_dialog``, then close the main window once it shows. Returns the exit status
    and [dialog, window] as they were seen."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from deskwfm.cli.main import main
    from deskwfm.gui.first_run import FirstRunDialog
    from deskwfm.gui.main_window import MainWindow

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    seen: list[object] = []

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if not seen and isinstance(modal, FirstRunDialog) and modal.isVisible():
            seen.append(modal)
            act_on_dialog(modal)
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if windows:
            seen.append(windows[0])
            windows[0].close()
            return
        QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)
    code = main(["--db", str(db), "--view", "week", "--date", "2026-11-24"])
    return code, seen


def test_a_missing_db_file_opens_the_first_run_dialog_to_create_it_there(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtCore import QPoint, Qt

    from deskwfm.gui.first_run import FirstRunDialog
    from deskwfm.services.site import get_site
    from deskwfm.services.workspace import Workspace

    wanted = tmp_path / "sites" / "riverside.deskwfm"

    def create(dlg: FirstRunDialog) -> None:
        assert str(wanted) in dlg.findChild(QLabel, "createLocation").text()
        assert f"There is no deskwfm database at {wanted}" in _texts(dlg)
        qtbot.keyClicks(dlg.name_edit, "Riverside")
        radio = dlg.create_radio
        qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
        qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)

    code, seen = _start_window_with(wanted, create, qtbot, monkeypatch)
    assert code == 0 and len(seen) == 2
    assert wanted.is_file()
    with Workspace.open(wanted) as ws:
        assert get_site(ws).name == "Riverside"
    window = seen[1]
    assert "riverside.deskwfm" in window.windowTitle()  # type: ignore[attr-defined]


def test_a_missing_db_file_can_become_the_demo_centre(qtbot, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtCore import QPoint, Qt

    from deskwfm.gui.first_run import FirstRunDialog
    from deskwfm.services.employees import list_employees
    from deskwfm.services.workspace import Workspace

    wanted = tmp_path / "try.sqlite3"

    def demo(dlg: FirstRunDialog) -> None:
        assert str(wanted) in dlg.findChild(QLabel, "demoLocation").text()
        radio = dlg.demo_radio
        qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
        qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)

    code, seen = _start_window_with(wanted, demo, qtbot, monkeypatch)
    assert code == 0 and len(seen) == 2
    with Workspace.open(wanted) as ws:
        assert len(list_employees(ws)) >= 20


def test_cancelling_the_dialog_creates_nothing(qtbot, tmp_path: Path, monkeypatch) -> None:
    wanted = tmp_path / "nothing.sqlite3"
    code, seen = _start_window_with(wanted, lambda dlg: dlg.reject(), qtbot, monkeypatch)
    assert code == 0 and len(seen) == 1 and not wanted.exists()


def test_commands_still_refuse_a_missing_db_file(tmp_path: Path) -> None:
    missing = tmp_path / "typo.sqlite3"
    for args in (
        ["payroll", "--from", "2026-11-22", "--to", "2026-11-28"],
        ["employee", "rate", "AG001", "21", "--from", "2026-11-22"],
    ):
        proc = subprocess.run(
            [sys.executable, "-m", "deskwfm", "--db", str(missing), *args],
            env=_env(XDG_CONFIG_HOME=str(tmp_path / "c")),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proc.returncode == 2, proc.stderr
        assert proc.stderr.count("\n") == 1 and "no deskwfm database" in proc.stderr and "init" in proc.stderr
        assert not missing.exists()


def _texts(widget) -> str:  # type: ignore[no-untyped-def]
    return " ".join(label.text() for label in widget.findChildren(QLabel))
