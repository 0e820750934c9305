"""Hostile and damaged input files through the real command line, in a child process: one line
on stderr, exit status 2, in bounded time and memory (issue 10, items 3 and 5).

Before the fix, the 1.6 KB XFD1048576 workbook made python-calamine ask for 512 GB: "memory
allocation of 549755813888 bytes failed", a Rust backtrace and exit 134, in both commands.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.bounded import Run, run_deskwfm
from tests.files.hostile_xlsx import (
    Sheet,
    cell,
    corrupt_member,
    header_and_far_cell,
    shared_strings_xml,
    write_xlsx,
)
from tests.services.test_excel_fixtures import make_workspace

MAX_SECONDS = 10  # a hang guard; the refusals take well under a second
MAX_PEAK_MB = 300


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    p = tmp_path_factory.mktemp("db") / "c.sqlite3"
    make_workspace(p).close()
    return p


def one_line(run: Run, match: str) -> None:
    assert run.rc == 2, run.err
    assert len(run.err_lines) == 1, run.err
    assert "Traceback" not in run.err
    assert match in run.err_lines[0], run.err
    assert run.seconds < MAX_SECONDS
    assert run.peak_mb < MAX_PEAK_MB


@pytest.mark.parametrize("command", [("import",), ("forecast", "import")], ids=["import", "forecast-import"])
@pytest.mark.parametrize(
    ("col", "row", "found"),
    [
        (16384, 1_048_576, "reaching cell XFD1048576 (1,048,576 rows × 16,384 columns"),
        (2000, 200_000, "reaching cell BXX200000 (200,000 rows × 2,000 columns = 400,000,000 cells)"),
    ],
    ids=["XFD1048576", "col2000-row200000"],
)
def test_a_far_cell_is_refused_in_bounded_time_and_memory(
    db: Path, tmp_path: Path, command: tuple[str, ...], col: int, row: int, found: str
) -> None:
    p = write_xlsx(tmp_path / "sparse.xlsx", [header_and_far_cell("Forecast", col, row, dimension="A1:B2")])
    assert p.stat().st_size < 2_000
    run = run_deskwfm("--db", str(db), *command, str(p), "--dry-run")
    one_line(run, f"deskwfm: sparse.xlsx: sheet Forecast has data {found}")
    assert "a sheet may have at most 200,000 rows, 2,000 columns and 4,000,000 cells" in run.err


@pytest.mark.parametrize("command", [("import",), ("forecast", "import")], ids=["import", "forecast-import"])
def test_a_shared_strings_table_announcing_billions(
    db: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    p = write_xlsx(tmp_path / "sst.xlsx", [Sheet("Forecast", f'<row r="1">{cell(1, 1, "Date")}</row>')],
                   shared_strings_xml(1, unique_count=10**13))
    one_line(run_deskwfm("--db", str(db), *command, str(p)), "deskwfm: sst.xlsx: its table of shared texts")


@pytest.mark.parametrize("command", [("import",), ("forecast", "import")], ids=["import", "forecast-import"])
def test_a_corrupt_deflate_stream(db: Path, tmp_path: Path, command: tuple[str, ...]) -> None:
    rows = "".join(
        f'<row r="{r}">{cell(1, r, "2026-11-23")}{cell(2, r, "10:00")}</row>' for r in range(2, 400)
    )
    real = write_xlsx(tmp_path / "real.xlsx", [Sheet("Forecast", rows)])
    p = corrupt_member(real, tmp_path / "hurt.xlsx", "xl/worksheets/sheet1.xml", "deflate")
    run = run_deskwfm("--db", str(db), *command, str(p))
    one_line(run, "deskwfm: hurt.xlsx is damaged (part xl/worksheets/sheet1.xml does not decompress); "
                  "open it in Excel and save it again")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Date,Interval start,Calls,AHT (s)\n" + b"7" * 30_000_000 + b"\n",
         "deskwfm: long.csv: line 2 is longer than 4,096 characters"),
        (b"Date,Interval start,Calls,AHT (s)\n" + b"\n" * 40_000_000,
         "deskwfm: long.csv has more than 200,000 lines; a forecast may have at most 200,000"),
        (b"Date,Interval start,Calls,AHT (s)\n2026-11-23,10:00,\"12" + (b"x" * 4000 + b"\n") * 5000,
         "deskwfm: long.csv: the row starting on line 2 is not valid CSV (a quote left open?); "
         "save the file from Excel as CSV UTF-8"),
    ],
    ids=["30MB-line", "40M-lines", "quote-never-closed"],
)
def test_forecast_csv_of_absurd_shape(db: Path, tmp_path: Path, content: bytes, message: str) -> None:
    p = tmp_path / "long.csv"
    p.write_bytes(content)
    one_line(run_deskwfm("--db", str(db), "forecast", "import", str(p)), message)
