"""Saving into a disk that refuses the bytes, through the real command line with a real limit:
a child process may write no file past 40,000 bytes (RLIMIT_FSIZE, so writes fail with EFBIG,
"File too large"). Each command prints one line naming the file and what became of it, exits 1,
keeps the previous file and leaves no temporary file. Issue 10, item 5.

Before: "deskwfm: File too large", then "Exception ignored in: <generator object
WorksheetWriter.get_stream ...>" and a traceback, from ``export payroll``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from deskwfm.cli.main import main
from tests.cli.bounded import run_deskwfm

LIMIT = 40_000  # bytes: more than the database's shared-memory file, less than any output here
PERIOD = ("--from", "2026-11-01", "--to", "2026-11-14")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    assert main(["--db", str(db), "init", "--demo"]) == 0
    return db


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


@pytest.mark.parametrize(
    ("argv", "name", "reason"),
    [
        (("timesheets", *PERIOD), "t.pdf", "{file} is larger than the disk holding it, or your account, "
                                           "allows one file to be"),
        (("print", "schedule", *PERIOD), "s.pdf", "{file} is larger than the disk holding it, or your "
                                                  "account, allows one file to be"),
        (("export", "payroll", *PERIOD), "p.xlsx", "a temporary file in {tmp} grew larger than the disk, "
                                                   "or your account, allows one file to be"),
    ],
    ids=["timesheets", "print-schedule", "export-payroll"],
)
def test_a_file_size_limit(
    demo: Path, tmp_path: Path, argv: tuple[str, ...], name: str, reason: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / name
    assert main(["--db", str(demo), *argv, str(target)]) == 0
    capsys.readouterr()
    before = files_in(tmp_path)
    run = run_deskwfm("--db", str(demo), *argv, str(target), fsize=LIMIT)
    assert run.rc == 1 and "Traceback" not in run.err and "Exception ignored" not in run.err
    expected = reason.format(file=target, tmp=tempfile.gettempdir())
    assert run.err_lines == [f"deskwfm: {expected}; {target} was not written (the previous {name} is kept)"]
    assert files_in(tmp_path) == before


def test_split_timesheets_under_a_file_size_limit(demo: Path, tmp_path: Path) -> None:
    folder = tmp_path / "split"
    run = run_deskwfm("--db", str(demo), "timesheets", *PERIOD, "--split", str(folder), fsize=LIMIT)
    assert run.rc == 1 and len(run.err_lines) == 1, run.err
    assert run.err_lines[0].startswith(f"deskwfm: {folder}/")
    assert run.err_lines[0].endswith(f".pdf is larger than the disk holding it, or your account, allows one "
                                     f"file to be; no timesheet was written to {folder}")
    assert not folder.exists()  # not one file, no temporary folder, and no folder it made
