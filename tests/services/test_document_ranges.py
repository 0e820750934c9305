"""Ranges for payroll documents (services.periods), saving a previewed PDF, cancelling the chart."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pypdf
import pytest

from deskwfm.core.errors import InputError
from deskwfm.services.print_schedule import print_schedule
from deskwfm.services.ranges import choose_range, range_of, recent_periods
from deskwfm.services.timesheets import PrintCancelled, copy_document, print_timesheets
from deskwfm.services.workspace import Workspace


def test_period_or_from_to_never_both(centre: Workspace) -> None:
    rng = choose_range(centre, None, None, date(2026, 11, 24))
    assert (rng.start, rng.end, rng.is_pay_period) == (date(2026, 11, 22), date(2026, 12, 5), True)
    week = choose_range(centre, date(2026, 11, 22), date(2026, 11, 28), None)
    assert not week.is_pay_period
    with pytest.raises(InputError, match="either --period or --from/--to, not both"):
        choose_range(centre, date(2026, 11, 22), None, date(2026, 11, 24))
    with pytest.raises(InputError, match="both --from and --to"):
        choose_range(centre, date(2026, 11, 22), None, None)
    with pytest.raises(InputError, match=r"ends \(2026-11-01\) before it starts \(2026-11-22\)"):
        range_of(centre, date(2026, 11, 22), date(2026, 11, 1))
    assert len(recent_periods(centre, date(2026, 11, 24))) == 15


def test_the_report_says_what_range_was_printed(centre: Workspace, tmp_path: Path) -> None:
    report = print_timesheets(centre, date(2026, 11, 22), date(2026, 12, 5), target=tmp_path / "t.pdf")
    assert report.range is not None and report.range.is_pay_period
    report = print_timesheets(centre, date(2026, 11, 22), date(2026, 11, 28), target=tmp_path / "w.pdf")
    assert report.range is not None and not report.range.is_pay_period


def test_a_previewed_pdf_is_saved_whole(centre: Workspace, tmp_path: Path) -> None:
    report = print_timesheets(centre, date(2026, 11, 22), date(2026, 12, 5), target=tmp_path / "preview.pdf")
    out = copy_document(report.files[0], tmp_path / "kept.pdf")
    assert out.read_bytes() == (tmp_path / "preview.pdf").read_bytes()
    with pytest.raises(InputError, match="must end in .pdf"):
        copy_document(report.files[0], tmp_path / "kept.txt")
    with pytest.raises(InputError, match="does not exist"):
        copy_document(report.files[0], tmp_path / "nope" / "kept.pdf")


def test_cancelling_the_wall_chart_leaves_no_file(centre: Workspace, tmp_path: Path) -> None:
    from deskwfm.services.schedule import CellEdit, apply_edits

    apply_edits(centre, [CellEdit("AG001", date(2026, 11, 23), "9-17")])
    seen: list[tuple[int, int]] = []
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(PrintCancelled):
        print_schedule(centre, date(2026, 9, 1), date(2026, 12, 31), out / "chart.pdf",
                       lambda done, total: seen.append((done, total)) or done < 2)
    assert seen == [(0, 4), (1, 4), (2, 4)] and list(out.iterdir()) == []  # stopped at block 3 of 4
    report = print_schedule(centre, date(2026, 11, 22), date(2026, 11, 28), tmp_path / "week.pdf")
    assert report.pages == len(pypdf.PdfReader(tmp_path / "week.pdf").pages) == 1
    assert report.range is not None and not report.range.is_pay_period
