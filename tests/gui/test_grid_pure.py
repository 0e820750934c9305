"""The Qt-free parts of the grid: TSV clipboard text, view ranges, fill and week-copy edits."""

from __future__ import annotations

from datetime import date

from deskwfm.core.site import SiteSettings
from deskwfm.gui.clipboard import parse_tsv, to_tsv
from deskwfm.gui.view_range import ViewKind, range_for, step
from deskwfm.services.schedule import CellEdit
from deskwfm.services.schedule_tools import block_edits, fill_block

SITE = SiteSettings()  # week starts on Sunday, bi-weekly periods from Sun 4 Jan 2026


def test_tsv_round_trips_cells_with_tabs_quotes_and_newlines() -> None:
    rows = [["9-17", 'say "hi"', ""], ["a\tb", "line1\nline2", "N"]]
    text = to_tsv(rows)
    assert text == '9-17\t"say ""hi"""\t\n"a\tb"\t"line1\nline2"\tN\n'
    assert parse_tsv(text) == rows


def test_tsv_reads_excel_crlf_libreoffice_lf_and_no_final_newline() -> None:
    assert parse_tsv("9-17\tN\r\nVAC\t\r\n") == [["9-17", "N"], ["VAC", ""]]
    assert parse_tsv("9-17\tN\nVAC") == [["9-17", "N"], ["VAC", ""]]
    assert parse_tsv("D") == [["D"]]
    assert parse_tsv("") == []


def test_tsv_ignores_blank_lines_after_the_block() -> None:
    assert parse_tsv("D\tD\n\n") == [["D", "D"]]
    assert parse_tsv("D\tD\r\n\r\n\r\n") == [["D", "D"]]
    assert parse_tsv("D\n\nN\n") == [["D"], [""], ["N"]]  # a blank row inside the block stays


def test_view_ranges() -> None:
    tue = date(2026, 11, 24)
    assert range_for(ViewKind.WEEK, tue, SITE) == (date(2026, 11, 22), date(2026, 11, 28))
    assert range_for(ViewKind.SIX_WEEKS, tue, SITE) == (date(2026, 11, 22), date(2027, 1, 2))
    assert range_for(ViewKind.MONTH, tue, SITE) == (date(2026, 11, 1), date(2026, 11, 30))
    assert range_for(ViewKind.PERIOD, tue, SITE) == (date(2026, 11, 22), date(2026, 12, 5))
    assert step(ViewKind.MONTH, date(2026, 3, 31), SITE, -1) == date(2026, 2, 1)
    assert step(ViewKind.PERIOD, tue, SITE, 1) == date(2026, 12, 6)
    assert step(ViewKind.SIX_WEEKS, tue, SITE, 1) == date(2027, 1, 3)


def test_fill_blocks_and_block_edits() -> None:
    assert fill_block(["D", "N"], 2, 2, down=True) == [["D", "N"], ["D", "N"]]
    assert fill_block(["D", "N"], 2, 3, down=False) == [["D"] * 3, ["N"] * 3]
    d1, d2 = date(2026, 11, 23), date(2026, 11, 24)
    assert block_edits(["A", "B"], [d1, d2], [["1", "2"], ["3", "4"]]) == [
        CellEdit("A", d1, "1"), CellEdit("A", d2, "2"), CellEdit("B", d1, "3"), CellEdit("B", d2, "4"),
    ]
