"""Every file the program saves, written into a full disk: one message that names the file and
says what became of it, the previous file kept byte for byte, no temporary file left, and none of
the "Exception ignored in ..." lines a half-written zip used to print (pytest turns those into
failures here). Issue 10, item 5.

The disk fills half-way through the one write ``files.atomic`` makes (tests/files/full_disk.py);
tests/cli/test_cli_write_failures.py does the same with a real file-size limit.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from deskwfm.core.errors import DeskwfmError, InputError
from deskwfm.core.messages import verbatim
from deskwfm.files.xlsx_problems import Problem, write_error_report
from deskwfm.files.xlsx_template import write_template
from deskwfm.services import audit
from deskwfm.services.excel_export import export_payroll, export_schedule
from deskwfm.services.print_schedule import print_schedule
from deskwfm.services.timesheets import print_timesheets
from deskwfm.services.workspace import Workspace
from tests.files.full_disk import fill_disk
from tests.services.test_excel_fixtures import END, START, centre  # noqa: F401

_ = centre
Writer = Callable[[Workspace, Path], object]

WRITERS: dict[str, tuple[str, Writer]] = {
    "payroll.xlsx": ("export", lambda ws, p: export_payroll(ws, START, END, p)),
    "schedule.xlsx": ("export", lambda ws, p: export_schedule(ws, START, END, p)),
    "timesheets.pdf": ("pdf", lambda ws, p: print_timesheets(ws, START, END, target=p)),
    "wall.pdf": ("pdf", lambda ws, p: print_schedule(ws, START, END, p)),
    "template.xlsx": ("file", lambda ws, p: write_template(p)),
    "problems.xlsx": (
        "file", lambda ws, p: write_error_report(p, "in.xlsx", [Problem(verbatim("bad"), sheet="S")])
    ),
    "audit.xlsx": ("file", lambda ws, p: audit.export_xlsx(ws, audit.entries(ws), p)),
}


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder for the files (the centre's database sits in tmp_path)."""
    (tmp_path / "out").mkdir()
    return tmp_path / "out"


@pytest.mark.parametrize("name", list(WRITERS))
def test_a_full_disk_keeps_the_previous_file(
    centre: Workspace, out: Path, monkeypatch: pytest.MonkeyPatch, name: str  # noqa: F811
) -> None:
    target = out / name
    write = WRITERS[name][1]
    write(centre, target)
    before = target.read_bytes()
    fill_disk(monkeypatch)
    with pytest.raises(DeskwfmError) as info:
        write(centre, target)
    assert not isinstance(info.value, InputError)  # not the user's input: exit status 1
    assert str(info.value) == (
        f"the disk holding {target} is full; {target} was not written (the previous {name} is kept)"
    )
    assert target.read_bytes() == before
    assert leftovers(out) == []


@pytest.mark.parametrize("name", ["payroll.xlsx", "timesheets.pdf"])
def test_a_full_disk_and_no_previous_file(
    centre: Workspace, out: Path, monkeypatch: pytest.MonkeyPatch, name: str  # noqa: F811
) -> None:
    fill_disk(monkeypatch)
    target = out / name
    with pytest.raises(DeskwfmError, match=f"^the disk holding {target} is full; {target} was not written$"):
        WRITERS[name][1](centre, target)
    assert list(out.iterdir()) == []


def test_a_file_size_limit_says_so(
    centre: Workspace, out: Path, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    fill_disk(monkeypatch, errno.EFBIG)
    target = out / "t.pdf"
    with pytest.raises(DeskwfmError, match=f"^{target} is larger than the disk holding it, or your account, "
                                           f"allows one file to be; {target} was not written$"):
        print_timesheets(centre, START, END, target=target)


def test_split_timesheets_into_a_full_disk_write_none(
    centre: Workspace, out: Path, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    folder = out / "split"
    print_timesheets(centre, START, END, split_dir=folder)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert len(before) == 6
    fill_disk(monkeypatch)
    with pytest.raises(DeskwfmError) as info:
        print_timesheets(centre, START, END, split_dir=folder)
    assert re.fullmatch(
        f"the disk holding {folder}/AG00[0-9]_2026-03-01_2026-03-14.pdf is full; "
        f"no timesheet was written to {folder}",
        str(info.value),
    )
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # old files, no temp folder


def test_a_read_only_folder_is_the_users_to_fix(
    centre: Workspace, out: Path, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    fill_disk(monkeypatch, errno.EACCES)
    target = out / "p.xlsx"
    with pytest.raises(InputError, match=f"^cannot write in {out} \\(Permission denied\\); {target} "
                                         "was not written$"):
        export_payroll(centre, START, END, target)


def test_a_full_temporary_folder_is_named_and_its_scratch_files_removed(
    centre: Workspace, out: Path, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    """openpyxl writes each sheet to a scratch file in the temporary folder first."""
    import tempfile

    from openpyxl.worksheet import _writer

    def full(self: _writer.WorksheetWriter) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(_writer.WorksheetWriter, "write_tail", full)
    scratch_before = list(_writer.ALL_TEMP_FILES)
    target = out / "p.xlsx"
    with pytest.raises(DeskwfmError, match=f"^the disk holding the temporary folder {tempfile.gettempdir()} "
                                           f"is full; {target} was not written$"):
        export_payroll(centre, START, END, target)
    assert scratch_before == _writer.ALL_TEMP_FILES
    assert list(out.iterdir()) == []
