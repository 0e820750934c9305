"""A window system plugin that cannot start is one line naming what to install, not Qt's
multi-line abort (issue 11, item 15)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from deskwfm.gui.qt_platform import XCB_LIBRARIES, failure_line, missing_packages, qt_platform


def test_missing_libraries_are_named_by_their_apt_packages() -> None:
    absent = {"libxcb-cursor.so.0", "libxcb-keysyms.so.1"}
    assert missing_packages(lambda soname: soname not in absent) == ["libxcb-cursor0", "libxcb-keysyms1"]
    line = failure_line("xcb", ["libxcb-cursor0", "libxcb-keysyms1"], ":0")
    assert "\n" not in line and line.endswith("sudo apt-get install libxcb-cursor0 libxcb-keysyms1")


def test_the_readme_and_ci_install_every_library_the_xcb_plugin_needs() -> None:
    root = Path(__file__).resolve().parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8")
    ci = (root / ".ci" / "run").read_text(encoding="utf-8")
    for _, package in XCB_LIBRARIES:
        assert f" {package}" in readme, package
        assert f" {package}" in ci or f"({package}" in ci, package


def test_the_platform_qt_will_try() -> None:
    assert qt_platform({"QT_QPA_PLATFORM": "offscreen"}) == "offscreen"
    assert qt_platform({"QT_QPA_PLATFORM": "xcb:no-shm-x11"}) == "xcb"


def _run_window(env: dict[str, str], *prefix: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*prefix, sys.executable, "-m", "deskwfm", "--db", "x.sqlite3"],
        env=env, capture_output=True, text=True, timeout=60,
    )


def _xcb_env(tmp_path: Path, display: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=display, XDG_CONFIG_HOME=str(tmp_path / "cfg"), XDG_DATA_HOME=str(tmp_path / "data"))
    return env


def test_a_display_that_is_not_there_is_one_line(tmp_path: Path) -> None:
    proc = _run_window(_xcb_env(tmp_path, ":87"))
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("deskwfm: cannot open a window") and "display :87" in lines[0]
    assert "qt.qpa" not in proc.stderr and "Aborted" not in proc.stderr


def _library_file(soname: str) -> Path | None:
    for folder in ("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib"):
        p = Path(folder, soname)
        if p.exists():
            return p.resolve()
    return None


def test_a_missing_xcb_library_names_its_package(tmp_path: Path) -> None:
    """libxcb-cursor0 hidden from one process (a private mount namespace, as root) is what a
    bare Debian or Ubuntu machine without that package looks like to Qt."""
    lib = _library_file("libxcb-cursor.so.0")
    unshare = shutil.which("unshare")
    if lib is None or unshare is None or os.geteuid() != 0:
        pytest.skip("needs root, unshare and libxcb-cursor0 installed to hide it from one process")
    if subprocess.run([unshare, "--mount", "true"], capture_output=True).returncode != 0:
        pytest.skip("this machine does not allow a private mount namespace")
    script = f'mount --bind /dev/null "{lib}" && exec "$@"'
    proc = _run_window(_xcb_env(tmp_path, ":87"), unshare, "--mount", "sh", "-c", script, "sh")
    assert proc.returncode == 1, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].endswith("sudo apt-get install libxcb-cursor0")
