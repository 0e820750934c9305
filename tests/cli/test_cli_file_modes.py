"""Files the user saves follow the user's umask, like those of any desktop program (0644 under
umask 022, 0600 under 077); the database, its backups and the error log stay 0600 whatever the
umask. Issue 10, item 5. (Before, every export was 0600: ``tempfile.mkstemp``'s mode.)

Each umask gets one child process, which runs the real commands one after the other.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from deskwfm import crashlog
from tests.files.test_xlsx_builders import SHIFTS_HEADER, workbook

_CHILD = """
import json, os, sys
umask, runs = json.loads(sys.argv[1])
os.umask(umask)
from deskwfm.cli.main import main
codes = [main(argv) for argv in runs]
from deskwfm import crashlog
crashlog.record(RuntimeError("an unexpected failure"))
print(json.dumps(codes))
"""
PERIOD = ["--from", "2026-11-01", "--to", "2026-11-14"]


def mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


@pytest.mark.parametrize(("umask", "saved"), [(0o022, 0o644), (0o077, 0o600)], ids=["022", "077"])
def test_saved_files_follow_the_umask_and_private_files_stay_private(
    tmp_path: Path, umask: int, saved: int
) -> None:
    db, out, logs = tmp_path / "c.sqlite3", tmp_path / "out", tmp_path / "logs"
    out.mkdir()
    rows = [SHIFTS_HEADER, ["NOPE", "2026-11-02", "9:00", "17:00"]]
    bad = workbook(tmp_path / "bad.xlsx", {"Shifts": rows})
    base = ["--db", str(db)]
    runs = [
        [*base, "init", "--demo"],
        [*base, "backup", str(out / "backup.sqlite3")],
        ["template", str(out / "template.xlsx")],
        [*base, "export", "payroll", *PERIOD, str(out / "payroll.xlsx")],
        [*base, "export", "schedule", *PERIOD, str(out / "schedule.xlsx")],
        [*base, "import", str(bad), "--errors", str(out / "problems.xlsx")],
        [*base, "timesheets", *PERIOD, str(out / "timesheets.pdf")],
        [*base, "timesheets", *PERIOD, "--split", str(out / "split")],
        [*base, "print", "schedule", *PERIOD, str(out / "wall.pdf")],
        [*base, "--screenshot", str(out / "window.png")],
        [*base, "audit", "--limit", "20", "--xlsx", str(out / "audit.xlsx")],
    ]
    env = {**os.environ, "DESKWFM_LOG_DIR": str(logs), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", _CHILD, json.dumps([umask, runs])], capture_output=True,
                          text=True, env=env, timeout=300, check=True)
    assert json.loads(done.stdout.splitlines()[-1]) == [0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0], done.stderr
    saved_files = [
        *(out / n for n in ("template.xlsx", "payroll.xlsx", "schedule.xlsx", "problems.xlsx",
                            "timesheets.pdf", "wall.pdf", "window.png", "audit.xlsx")),
        *sorted((out / "split").iterdir()),
    ]
    assert len(saved_files) == 8 + 60
    assert {p.name: oct(mode(p)) for p in saved_files} == {p.name: oct(saved) for p in saved_files}
    private = [db, out / "backup.sqlite3", logs / "deskwfm-errors.log"]
    assert {p.name: oct(mode(p)) for p in private} == {p.name: "0o600" for p in private}


def test_an_older_error_log_is_made_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESKWFM_LOG_DIR", str(tmp_path))
    log = tmp_path / "deskwfm-errors.log"
    log.write_text("--- an entry from an older version\n")
    log.chmod(0o644)
    assert crashlog.record(RuntimeError("x")) == log
    assert mode(log) == 0o600
    assert log.read_text().startswith("--- an entry from an older version\n")
