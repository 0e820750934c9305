"""Tab-separated text as Excel and LibreOffice put it on the clipboard. No Qt.

Rows end with a newline (CRLF from Excel on Windows, LF elsewhere; a final newline is
optional). A cell holding a tab, newline or quote is wrapped in double quotes with inner
quotes doubled, which is how both spreadsheets write and read such cells.
"""

from __future__ import annotations

_SPECIAL = ("\t", "\n", "\r", '"')


def _quote(cell: str) -> str:
    if any(ch in cell for ch in _SPECIAL):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def to_tsv(rows: list[list[str]]) -> str:
    return "".join("\t".join(_quote(c) for c in row) + "\n" for row in rows)


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of cells; ragged rows are padded with "" to the widest row. Empty lines at the end
    are dropped: a copied block never ends in a row of blanks that would clear cells."""
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    i, n = 0, len(text)
    at_cell_start = True
    while i < n:
        ch = text[i]
        if at_cell_start and ch == '"':
            # quoted cell: read to the closing quote
            i += 1
            while i < n:
                if text[i] == '"':
                    if i + 1 < n and text[i + 1] == '"':
                        cell.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                cell.append(text[i])
                i += 1
            at_cell_start = False
            continue
        at_cell_start = False
        if ch == "\t":
            row.append("".join(cell))
            cell = []
            at_cell_start = True
        elif ch in "\r\n":
            row.append("".join(cell))
            rows.append(row)
            row, cell = [], []
            at_cell_start = True
            if ch == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
        else:
            cell.append(ch)
        i += 1
    if cell or row:
        row.append("".join(cell))
        rows.append(row)
    while len(rows) > 1 and rows[-1] == [""]:
        rows.pop()  # blank lines after the block (a text editor's extra newline) are not cells
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]
