"""What the hostile-file checks cost on an honest workbook (prints figures; not a timed test).

    python bench/bench_xlsx_extent.py [ROWS]

Workbook: one Shifts sheet of ROWS rows x 8 columns (default 200,000: the row limit), written by
hand with inline strings. Printed, timed in the same run:
- ``check_workbook_file``: the whole pre-check (zip-bomb pass plus the extent scan of every part);
- the extent scan alone through its quick path (byte patterns) and its exact path (expat);
- python-calamine opening the file and building the sheet (``to_python``), the baseline the
  checks run in front of.
"""

from __future__ import annotations

import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from deskwfm.files import xlsx_extent
from deskwfm.files.xlsx_safety import check_workbook_file, sheet_fits

HEADER = ("Employee code", "Date", "Start", "End", "Unpaid break (min)", "Code", "Note", "Break start")


def letters(col: int) -> str:
    return xlsx_extent.column_letters(col)


def cell(col: int, row: int, text: str) -> str:
    return f'<c r="{letters(col)}{row}" t="inlineStr"><is><t>{text}</t></is></c>'


def build(path: Path, rows: int) -> None:
    body = ["<row r=\"1\">" + "".join(cell(c, 1, h) for c, h in enumerate(HEADER, 1)) + "</row>"]
    for r in range(2, rows + 1):
        day = f"2026-{1 + r % 12:02d}-{1 + r % 28:02d}"
        values = (f"AG{r % 500:03d}", day, "09:00", "17:00", "30", "", "", "")
        cells = "".join(cell(c, r, v) for c, v in enumerate(values, 1) if v)
        body.append(f'<row r="{r}">{cells}</row>')
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    sheet = f'<?xml version="1.0"?><worksheet xmlns="{ns}"><sheetData>{"".join(body)}</sheetData></worksheet>'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("_rels/.rels", f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                   f'relationships"><Relationship Id="r1" Type="{rel}/officeDocument" '
                   'Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<workbook xmlns="{ns}" xmlns:r="{rel}"><sheets><sheet name="Shifts" '
                   'sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/'
                   f'package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" '
                   'Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", sheet)


def timed(label: str, fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    dt = time.perf_counter() - t0
    print(f"  {label:<46} {dt:6.2f} s")
    return dt


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "shifts.xlsx"
        build(p, rows)
        with zipfile.ZipFile(p) as z:
            xml_mb = z.getinfo("xl/worksheets/sheet1.xml").file_size / 1e6
        print(f"Shifts sheet: {rows:,} rows x 8 columns, {p.stat().st_size / 1e6:.1f} MB file, "
              f"{xml_mb:.0f} MB of sheet XML")

        def calamine() -> None:
            from python_calamine import CalamineWorkbook

            CalamineWorkbook.from_path(str(p)).get_sheet_by_name("Shifts").to_python(skip_empty_area=False)

        base = timed("python-calamine open + to_python (baseline)", calamine)
        check = timed("check_workbook_file (bomb pass + extent scan)", lambda: check_workbook_file(p))
        with zipfile.ZipFile(p) as z:
            member = "xl/worksheets/sheet1.xml"
            timed("  extent scan, quick path (byte patterns)",
                  lambda: xlsx_extent._quick_scan(z, member, 1 << 30, 10**6))
            timed("  extent scan, exact path (expat)",
                  lambda: xlsx_extent._exact_range(z, member, 1 << 30, sheet_fits))
        print(f"  the pre-check costs {check / base:.2f}x the reader's own time")


if __name__ == "__main__":
    main()
