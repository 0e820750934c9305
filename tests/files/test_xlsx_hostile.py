"""Workbooks whose sheets reach far, or whose parts are damaged, are refused before python-calamine
builds anything: a file with one cell at XFD1048576 used to make it ask for 512 GB and abort
the process (issue 10, item 3). Each file here is a few KB, written by hand."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest

from deskwfm.core.errors import InputError
from deskwfm.files import xlsx_read, xlsx_safety
from deskwfm.files.forecast_read import read_forecast
from deskwfm.files.xlsx_read import read_workbook
from tests.files.hostile_xlsx import (
    Sheet,
    add_member,
    cell,
    corrupt_member,
    header_and_far_cell,
    shared_strings_xml,
    write_xlsx,
)

LIMITS = (
    "a sheet may have at most 200,000 rows, 2,000 columns and 4,000,000 cells "
    "(Ctrl+End in Excel goes to the last cell in use)"
)


def refused(path: Path, match: str) -> str:
    """Both readers refuse ``path`` with a message matching ``match``, each within a hang guard."""
    messages = []
    for read in (lambda: read_workbook(path, {}), lambda: read_forecast(path, 30)):
        t0 = time.perf_counter()
        with pytest.raises(InputError, match=match) as info:
            read()
        assert time.perf_counter() - t0 < 10
        messages.append(str(info.value))
    assert messages[0] == messages[1]
    return messages[0]


def forecast_sheet(rows_xml: str, dimension: str | None = None) -> Sheet:
    header = "".join(cell(c, 1, h) for c, h in enumerate(("Date", "Interval start", "Calls", "AHT (s)"), 1))
    return Sheet("Forecast", f'<row r="1">{header}</row>{rows_xml}', dimension)


def test_one_cell_at_xfd1048576(tmp_path: Path) -> None:
    p = write_xlsx(tmp_path / "far.xlsx", [header_and_far_cell("Forecast", 16384, 1048576)])
    assert p.stat().st_size < 2_000
    text = refused(p, "far.xlsx: sheet Forecast has data reaching cell XFD1048576")
    assert text == (
        "far.xlsx: sheet Forecast has data reaching cell XFD1048576 (1,048,576 rows × 16,384 columns = "
        f"17,179,869,184 cells); {LIMITS}"
    )


def test_column_2000_row_200000_is_within_each_limit_but_not_their_product(tmp_path: Path) -> None:
    p = write_xlsx(tmp_path / "wide.xlsx", [header_and_far_cell("Forecast", 2000, 200_000)])
    refused(p, r"sheet Forecast has data reaching cell BXX200000 \(200,000 rows × 2,000 columns = "
               r"400,000,000 cells\)")


@pytest.mark.parametrize("dimension", ["A1:B2", None], ids=["lying-dimension", "no-dimension"])
def test_the_dimension_element_is_not_trusted(tmp_path: Path, dimension: str | None) -> None:
    p = write_xlsx(tmp_path / "d.xlsx", [header_and_far_cell("Forecast", 30, 900_000, dimension)])
    refused(p, r"d.xlsx: sheet Forecast has data reaching cell AD900000")


def test_cells_without_a_reference_are_placed_as_the_reader_places_them(tmp_path: Path) -> None:
    # No r="" anywhere: calamine counts rows and columns itself, so 2,100 cells in one row reach
    # column 2,100 even though no text in the file names a column. The scan stops at the first
    # cell past the limit (column 2,001).
    row = "<row>" + "<c><v>1</v></c>" * 2_100 + "</row>"
    p = write_xlsx(tmp_path / "implicit.xlsx", [forecast_sheet(row)])
    refused(p, r"reaching cell BXY2 \(2 rows × 2,001 columns")


def test_a_reference_hidden_in_another_attribute_does_not_fool_the_scan(tmp_path: Path) -> None:
    # The text r='A1' sits inside the s attribute's value; the real position is implicit.
    cells = "".join(f"<c s=\" r='A1'\"><v>{i}</v></c>" for i in range(2_100))
    p = write_xlsx(tmp_path / "hidden.xlsx", [forecast_sheet(f'<row r="7">{cells}</row>')])
    refused(p, r"reaching cell BXY7 \(7 rows × 2,001 columns")


def test_prefixed_tags_are_cells_too(tmp_path: Path) -> None:
    far = '<x:row r="1048576"><x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row>'
    sheet = Sheet("Forecast", f'<row r="1">{cell(1, 1, "Date")}</row>{far}')
    p = write_xlsx(tmp_path / "prefix.xlsx", [sheet])
    with zipfile.ZipFile(p) as z:
        xml = z.read("xl/worksheets/sheet1.xml").replace(b"<worksheet ", b'<worksheet xmlns:x="urn:x" ')
    p = add_member(p, tmp_path / "prefix2.xlsx", "xl/worksheets/sheet2.xml", xml)
    refused(p, "has data reaching cell XFD1048576")


def test_a_styled_empty_cell_far_away_is_not_data(tmp_path: Path) -> None:
    # Excel writes formatted blanks as cells with no value; calamine drops them, so they cost
    # nothing and the workbook reads normally.
    rows = (
        f'<row r="2">{cell(1, 2, "2026-11-23")}{cell(2, 2, "10:00")}{cell(3, 2, number=12)}'
        f'{cell(4, 2, number=300)}</row><row r="1048576"><c r="XFD1048576" s="1"/></row>'
    )
    p = write_xlsx(tmp_path / "styled.xlsx", [forecast_sheet(rows)])
    data = read_forecast(p, 30)
    assert not data.problems and len(data.intervals) == 1


def test_xml_that_does_not_parse_but_reaches_far_is_refused_as_damaged(tmp_path: Path) -> None:
    # calamine does not check end tags; expat does. The lenient bound still sees the far cell.
    bad = '<row r="900000"><c r="XFD900000"><v>1</v></x></row>'
    p = write_xlsx(tmp_path / "bad.xlsx", [forecast_sheet(bad)])
    refused(p, r"bad.xlsx is damaged \(part xl/worksheets/sheet1.xml: not well-formed XML \(line 2, "
               r"column \d+\)\); open it in Excel and save it again")


def test_a_duplicated_reference_is_caught(tmp_path: Path) -> None:
    dup = '<row r="2"><c r="A2" r="XFD2"><v>1</v></c></row>'
    p = write_xlsx(tmp_path / "dup.xlsx", [forecast_sheet(dup)])
    refused(p, "dup.xlsx is damaged .*not well-formed XML")


def test_a_part_no_sheet_names_is_scanned_as_well(tmp_path: Path) -> None:
    good = write_xlsx(tmp_path / "g.xlsx", [forecast_sheet("")])
    sheet = Sheet("x", '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')
    from tests.files.hostile_xlsx import sheet_xml

    p = add_member(good, tmp_path / "extra.xlsx", "xl/other/evil.bin", sheet_xml(sheet).encode())
    refused(p, "extra.xlsx: part xl/other/evil.bin has data reaching cell XFD1048576 .*; a sheet may")


def test_a_utf16_sheet_is_scanned_in_its_own_encoding(tmp_path: Path) -> None:
    good = write_xlsx(tmp_path / "g.xlsx", [header_and_far_cell("Forecast", 16384, 1048576)])
    from tests.files.test_xlsx_builders import replace_part

    with zipfile.ZipFile(good) as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode().replace('encoding="UTF-8"', 'encoding="UTF-16"')
    data = ("\ufeff" + xml).encode("utf-16-le")
    p = replace_part(good, tmp_path / "u16.xlsx", "xl/worksheets/sheet1.xml", data)
    refused(p, "u16.xlsx: sheet Forecast has data reaching cell XFD1048576")


def test_many_sheets_together(tmp_path: Path) -> None:
    # 60 sheets of 8 x 20,000 cells: each is fine, together they are 9.6 million cells.
    sheets = [header_and_far_cell(f"Week {i}", 8, 20_000) for i in range(60)]
    p = write_xlsx(tmp_path / "weeks.xlsx", sheets)
    refused(p, r"weeks.xlsx: its sheets reach 8,\d{3},\d{3} cells together \(counting up to Week 5\d\); "
               r"a workbook may have at most 8,000,000")


def test_too_many_sheets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_safety, "MAX_SHEETS", 10)
    sheets = [forecast_sheet("")] + [Sheet(f"S{i}", "") for i in range(10)]
    p = write_xlsx(tmp_path / "many.xlsx", sheets)
    refused(p, "many.xlsx has 11 sheets; a workbook may have at most 10")


def test_a_shared_strings_table_announcing_billions(tmp_path: Path) -> None:
    # calamine reserves room for uniqueCount before reading a string: 10^13 of them used to
    # abort the process on opening, before any sheet was read.
    p = write_xlsx(tmp_path / "sst.xlsx", [forecast_sheet("")], shared_strings_xml(1, unique_count=10**13))
    refused(p, "sst.xlsx: its table of shared texts lists or announces 10,000,000,000,000 entries; "
               "a workbook may have at most 1,000,000")


def test_a_shared_strings_table_listing_too_many(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_safety, "MAX_SHARED_STRINGS", 1_000)
    p = write_xlsx(tmp_path / "sst.xlsx", [forecast_sheet("")], shared_strings_xml(1_001, unique_count=5))
    refused(p, "lists or announces 1,001 entries; a workbook may have at most 1,000")


@pytest.fixture
def real(tmp_path: Path) -> Path:
    rows = "".join(
        f'<row r="{r}">{cell(1, r, "2026-11-23")}{cell(2, r, f"{8 + r // 2:02d}:{30 * (r % 2):02d}")}'
        f"{cell(3, r, number=10 + r)}{cell(4, r, number=300)}</row>"
        for r in range(2, 400)
    )
    return write_xlsx(tmp_path / "real.xlsx", [forecast_sheet(rows)])


@pytest.mark.parametrize(
    ("how", "why"),
    [
        ("deflate", "part xl/worksheets/sheet1.xml does not decompress"),
        ("crc", "part xl/worksheets/sheet1.xml fails its integrity check"),
    ],
)
def test_a_damaged_part(real: Path, tmp_path: Path, how: str, why: str) -> None:
    p = corrupt_member(real, tmp_path / "hurt.xlsx", "xl/worksheets/sheet1.xml", how)
    refused(p, f"^hurt.xlsx is damaged \\({why}\\); open it in Excel and save it again$")


def test_a_file_cut_short(real: Path, tmp_path: Path) -> None:
    p = tmp_path / "cut.xlsx"
    p.write_bytes(real.read_bytes()[: real.stat().st_size // 2])
    refused(p, r"^cut.xlsx is damaged \(it is cut short\); open it in Excel and save it again$")


def test_a_crash_inside_the_reader_is_reported_as_a_damaged_file(
    real: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """python-calamine turns a Rust panic into a BaseException; it must not escape as a traceback."""
    panic = type("PanicException", (BaseException,), {"__module__": "pyo3_runtime"})

    def explode(*_a: object, **_k: object) -> None:
        raise panic("capacity overflow")

    import python_calamine

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_path", explode)
    refused(real, r"^real.xlsx is damaged \(the Excel reader gave up on it\); open it in Excel")
    assert xlsx_read.read_workbook is read_workbook


def test_a_keyboard_interrupt_inside_the_reader_still_interrupts(
    real: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupt(*_a: object, **_k: object) -> None:
        raise KeyboardInterrupt

    import python_calamine

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_path", interrupt)
    with pytest.raises(KeyboardInterrupt):
        read_workbook(real, {})


def test_a_big_honest_sheet_is_read(tmp_path: Path) -> None:
    """The scan must not refuse what the limits allow: 20,000 rows of a real forecast."""
    rows = "".join(
        f'<row r="{r}">{cell(1, r, "2026-11-23")}{cell(2, r, "10:00")}{cell(3, r, number=1)}'
        f"{cell(4, r, number=300)}</row>"
        for r in range(2, 20_002)
    )
    p = write_xlsx(tmp_path / "big.xlsx", [forecast_sheet(rows, "A1:D20001")])
    data = read_forecast(p, 30)
    assert len(data.problems) == 19_999  # every row after the first repeats 10:00
    assert len(data.intervals) == 1
