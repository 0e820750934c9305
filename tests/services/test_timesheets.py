"""Timesheet service: file naming, all-or-nothing writes, cancel."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pypdf
import pytest

from deskwfm.core.errors import InputError
from deskwfm.services.timesheets import PrintCancelled, split_file_name, write_split, write_timesheets
from tests.files.test_pdf_timesheet import SITE, make_pay


def _pays(n: int = 4) -> list:
    return [make_pay(f"AG{i:03d}", f"Agent {i}") for i in range(n)]


def test_split_file_name_is_code_and_period_made_safe() -> None:
    assert split_file_name(make_pay("AG014")) == "AG014_2026-10-01_2026-10-31.pdf"
    assert split_file_name(make_pay("../x y/z")) == "x-y-z_2026-10-01_2026-10-31.pdf"


def test_one_file_with_every_employee(tmp_path: Path) -> None:
    report = write_timesheets(_pays(3), SITE, tmp_path / "t.pdf")
    assert report.pages == 3 and report.employees == 3
    assert len(pypdf.PdfReader(tmp_path / "t.pdf").pages) == 3
    assert [p.name for p in tmp_path.iterdir()] == ["t.pdf"]  # no temp file left


def test_cancel_leaves_no_file_and_keeps_an_old_one(tmp_path: Path) -> None:
    target = tmp_path / "t.pdf"
    target.write_bytes(b"old")
    seen = []

    def progress(done: int, total: int) -> bool:
        seen.append(done)
        return done < 2

    with pytest.raises(PrintCancelled):
        write_timesheets(_pays(4), SITE, target, progress)
    assert seen == [0, 1, 2]
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["t.pdf"]


def test_split_cancel_leaves_the_folder_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(PrintCancelled):
        write_split(_pays(4), SITE, out, lambda done, total: done < 3)
    assert not out.exists()  # it did not exist before
    out.mkdir()
    with pytest.raises(PrintCancelled):
        write_split(_pays(4), SITE, out, lambda done, total: done < 3)
    assert list(out.iterdir()) == []


def test_split_writes_one_pdf_each(tmp_path: Path) -> None:
    report = write_split(_pays(2), SITE, tmp_path / "out")
    assert [p.name for p in report.files] == [
        "AG000_2026-10-01_2026-10-31.pdf", "AG001_2026-10-01_2026-10-31.pdf",
    ]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [p.name for p in report.files]
    assert "Agent 1" in pypdf.PdfReader(report.files[1]).pages[0].extract_text()


def test_split_refuses_two_codes_that_make_the_same_name(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="share the file name"):
        write_split([make_pay("A/B"), make_pay("A B")], SITE, tmp_path / "out")


def test_missing_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        write_timesheets(_pays(1), SITE, tmp_path / "nope" / "t.pdf")


def test_period_dates_reach_the_file_name() -> None:
    ep = make_pay(start=date(2026, 11, 1), end=date(2026, 11, 14))
    assert split_file_name(ep).endswith("_2026-11-01_2026-11-14.pdf")
