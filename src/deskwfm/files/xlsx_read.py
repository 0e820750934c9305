"""Read an import workbook into core objects plus located problems (no database here).

Sheets understood (by name, case and spaces ignored):
- ``Employees``: Code, Name, Team, Hourly rate, Rate from, Contract hours/week, Max hours/week, Active,
  Login ID
- ``Shifts``: Employee code, Date, Start, End, Unpaid break (min), Code, Note, Break start (one row per shift)
- ``ShiftCodes``: Code, Start, End, Unpaid break (min), Kind, Colour (and an optional Label)
- any other sheet whose header row (within its first rows) holds dates is a **grid**: employee
  codes down the side, one column per date, cells holding what the grid accepts (``9-17/30``,
  ``N``, ``VAC``); a blank cell means no shift that day; rows whose code starts with "Total"
  are skipped, as are columns whose header is not a date (totals).

Cell values come from python-calamine (formulas by their saved values).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from deskwfm.core.employees import check_employee, validate_employee_code
from deskwfm.core.entry import Entry, break_problem, check_break_minutes, parse_entry
from deskwfm.core.errors import EntryError, InputError
from deskwfm.core.fields import Field, FieldError
from deskwfm.core.model import Employee, Shift, ShiftCode, ShiftKind
from deskwfm.core.shift_codes import check_code_key, parse_colour, parse_kind, validate_code
from deskwfm.core.text import check_label, check_name, check_note, check_team
from deskwfm.files.xlsx_cells import (
    CellError,
    is_blank,
    parse_date_text,
    to_bool,
    to_break_minutes,
    to_date,
    to_rate,
    to_text,
    to_time,
    to_week_minutes,
)
from deskwfm.files.xlsx_problems import Problem, Where, sorted_problems
from deskwfm.files.xlsx_safety import (
    check_sheet_size,
    check_workbook_file,
    ensure_defusedxml,
    reader_crashed,
    reader_gave_up,
)


@dataclass(frozen=True, slots=True)
class EmployeeRow:
    employee: Employee
    rate: Decimal | None  # None: no rate given
    rate_from: date | None  # None: not given
    where: Where  # the Code cell
    given: frozenset[str] = frozenset()  # fields with a non-blank cell (blank keeps what is stored)


@dataclass(frozen=True, slots=True)
class CodeRow:
    code: ShiftCode
    where: Where
    given: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class ShiftRow:
    """The workbook's wish for one employee-day. ``shift`` None clears the day (a blank grid
    cell, an OFF code). ``has_note`` False (grid sheets) means "keep the note already there"."""

    employee_code: str
    work_date: date
    shift: Shift | None
    where: Where
    has_note: bool = False


@dataclass
class WorkbookData:
    file_name: str
    employees: list[EmployeeRow] = field(default_factory=list)
    codes: list[CodeRow] = field(default_factory=list)
    shifts: list[ShiftRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    sheets_read: list[str] = field(default_factory=list)
    sheets_ignored: list[str] = field(default_factory=list)


def _norm(text: Any) -> str:
    return re.sub(r"[^a-z0-9]", "", to_text(text).lower()) if not is_blank(text) else ""


_SHEET_KIND = {
    "employees": "employees",
    "staff": "employees",
    "shifts": "shifts",
    "shiftcodes": "codes",
    "codes": "codes",
}
_SKIP_SHEETS = {"instructions", "readme", "help", "problems"}

# field -> accepted normalised header texts
EMPLOYEE_COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("code", "employeecode", "employee", "id"),
    "name": ("name", "employeename", "fullname"),
    "team": ("team", "group"),
    "rate": ("hourlyrate", "rate", "payrate", "hourly"),
    "rate_from": ("ratefrom", "rateeffective", "effectivefrom", "ratefromdate"),
    "contract": ("contracthoursweek", "contracthours", "contracthoursperweek"),
    "max": ("maxhoursweek", "maxhours", "maxhoursperweek", "maximumhoursweek"),
    "active": ("active",),
    "login_id": ("loginid", "agentid", "agentloginid", "phoneid", "acdid"),
}
SHIFT_COLUMNS: dict[str, tuple[str, ...]] = {
    "employee": ("employeecode", "employee", "emp", "agent"),
    "date": ("date", "workdate", "day"),
    "start": ("start", "from", "starttime"),
    "end": ("end", "to", "endtime", "finish"),
    "break": ("unpaidbreakmin", "unpaidbreak", "break", "breakmin", "breakminutes"),
    "code": ("code", "shiftcode"),
    "note": ("note", "notes", "comment"),
    "break_start": ("breakstart", "breakstarttime", "breakat", "breakfrom"),
}
CODE_COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("code", "shiftcode"),
    "start": ("start", "starttime"),
    "end": ("end", "endtime"),
    "break": ("unpaidbreakmin", "unpaidbreak", "break", "breakmin"),
    "kind": ("kind", "type"),
    "colour": ("colour", "color"),
    "label": ("label", "description", "name"),
}
TEMPLATE_HEADERS: dict[str, tuple[str, ...]] = {
    "Employees": (
        "Code",
        "Name",
        "Team",
        "Hourly rate",
        "Rate from",
        "Contract hours/week",
        "Max hours/week",
        "Active",
        "Login ID",
    ),
    "Shifts": ("Employee code", "Date", "Start", "End", "Unpaid break (min)", "Code", "Note", "Break start"),
    "ShiftCodes": ("Code", "Start", "End", "Unpaid break (min)", "Kind", "Colour"),
}
_REQUIRED = {
    "employees": (("code", "Code"), ("name", "Name")),
    "shifts": (("employee", "Employee code"), ("date", "Date")),
    "codes": (("code", "Code"), ("kind", "Kind")),
}
# Which column holds the field a core rule refused (for rules that span several cells).
_EMPLOYEE_FIELDS: dict[Field, str] = {
    Field.EMPLOYEE_CODE: "code", Field.NAME: "name", Field.TEAM: "team", Field.RATE: "rate",
    Field.CONTRACT_HOURS: "contract", Field.MAX_HOURS: "max", Field.LOGIN_ID: "login_id",
}
_CODE_FIELDS: dict[Field, str] = {
    Field.SHIFT_CODE: "code", Field.KIND: "kind", Field.START: "start", Field.END: "end",
    Field.BREAK: "break", Field.COLOUR: "colour", Field.LABEL: "label",
}
_SHIFT_FIELDS: dict[Field, str] = {
    Field.START: "start", Field.END: "end", Field.BREAK: "break", Field.BREAK_START: "break_start",
    Field.NOTE: "note",
}
_HEADER_SCAN_ROWS = 15


class _Sheet:
    """One sheet's values as a list of rows (absolute positions) plus problem helpers."""

    def __init__(self, name: str, rows: list[list[Any]], problems: list[Problem]) -> None:
        self.name = name
        self.rows = rows
        self.problems = problems
        self.caches: dict[str, dict[Any, Any]] = {}

    def where(self, row0: int, col0: int) -> Where:
        return Where(self.name, row0 + 1, col0 + 1)

    def problem(self, row0: int, col0: int, message: str) -> None:
        self.problems.append(Problem(message, self.where(row0, col0)))

    def refused(self, row0: int, cols: dict[str, int], columns: Mapping[Field, str], exc: FieldError,
                fallback: str) -> None:
        """A core rule's refusal, located at the column of the field it names."""
        col = cols.get(columns.get(exc.field, fallback), cols[fallback])
        self.problem(row0, col, str(exc))

    @staticmethod
    def value(row: list[Any], col0: int | None) -> Any:
        if col0 is None or col0 >= len(row):
            return ""
        return row[col0]


def read_workbook(path: str | Path, known_codes: Mapping[str, ShiftCode]) -> WorkbookData:
    """Read every understood sheet. Hostile files raise InputError (nothing read); problems in
    the content are collected in ``WorkbookData.problems`` (all of them, not just the first).

    ``known_codes`` (UPPER code -> ShiftCode, from the database) are used to read entries,
    overridden by the workbook's own ShiftCodes sheet."""
    ensure_defusedxml()
    p = Path(path)
    check_workbook_file(p)
    from python_calamine import CalamineError, CalamineWorkbook

    data = WorkbookData(p.name)
    try:
        wb = CalamineWorkbook.from_path(str(p))
        sheets = _load_sheets(p.name, wb, data.problems)
    except InputError:
        raise
    except (CalamineError, ValueError, OSError) as exc:
        raise InputError(f"{p.name} cannot be read as an Excel workbook ({exc})") from None
    except Exception as exc:  # calamine raises a few exception types of its own
        raise InputError(
            f"{p.name} cannot be read as an Excel workbook ({type(exc).__name__}: {exc})"
        ) from None
    except BaseException as exc:
        if not reader_crashed(exc):
            raise
        raise reader_gave_up(p.name) from None

    codes = {k.upper(): v for k, v in known_codes.items()}
    by_kind: dict[str, list[_Sheet]] = {"employees": [], "shifts": [], "codes": [], "other": []}
    for sheet in sheets:
        norm = _norm(sheet.name)
        if norm in _SKIP_SHEETS:
            data.sheets_ignored.append(sheet.name)
            continue
        by_kind[_SHEET_KIND.get(norm, "other")].append(sheet)
    for sheet in by_kind["codes"]:
        _read_codes(sheet, data)
    for row in data.codes:
        codes[row.code.code.upper()] = row.code
    for sheet in by_kind["employees"]:
        _read_employees(sheet, data)
    seen: dict[tuple[str, date], Where] = {}
    for sheet in by_kind["shifts"]:
        _read_shifts(sheet, data, codes, seen)
    for sheet in by_kind["other"]:
        if not _read_grid(sheet, data, codes, seen):
            data.sheets_ignored.append(sheet.name)
    if not data.sheets_read and not data.problems:
        data.problems.append(
            Problem(
                f"{p.name} has nothing to import: no Employees, Shifts or ShiftCodes sheet and no "
                "sheet with a header row of dates (see `deskwfm template`)"
            )
        )
    data.problems = sorted_problems(data.problems)
    return data


def _load_sheets(file_name: str, wb: Any, problems: list[Problem]) -> list[_Sheet]:
    out = []
    for name in wb.sheet_names:
        sheet = wb.get_sheet_by_name(name)
        end_row, end_col = sheet.end if sheet.end is not None else (-1, -1)
        check_sheet_size(file_name, name, end_row + 1, end_col + 1)
        rows = sheet.to_python(skip_empty_area=False) if end_row >= 0 else []
        out.append(_Sheet(name, rows, problems))
    return out


def _find_header(sheet: _Sheet, columns: dict[str, tuple[str, ...]], key: str) -> tuple[int, dict[str, int]]:
    """Row index of the header (the first row naming the key column) and field -> column."""
    for r, row in enumerate(sheet.rows[:_HEADER_SCAN_ROWS]):
        normed = [_norm(v) for v in row]
        if any(n in columns[key] for n in normed):
            found: dict[str, int] = {}
            for c, n in enumerate(normed):
                for fieldname, aliases in columns.items():
                    if n in aliases and fieldname not in found:
                        found[fieldname] = c
                        break
            return r, found
    return -1, {}


def _header_or_problem(
    sheet: _Sheet, kind: str, columns: dict[str, tuple[str, ...]]
) -> tuple[int, dict[str, int]]:
    key = _REQUIRED[kind][0][0]
    header_row, cols = _find_header(sheet, columns, key)
    if header_row < 0 and not any(any(not is_blank(v) for v in row) for row in sheet.rows):
        return -1, {}
    missing = [label for fieldname, label in _REQUIRED[kind] if fieldname not in cols]
    if missing:
        expected = ", ".join(
            TEMPLATE_HEADERS[{"employees": "Employees", "shifts": "Shifts", "codes": "ShiftCodes"}[kind]]
        )
        sheet.problems.append(
            Problem(
                f"missing column{'s' if len(missing) > 1 else ''} {', '.join(repr(m) for m in missing)}; "
                f"the header row should read: {expected}",
                sheet=sheet.name,
            )
        )
        return -1, {}
    return header_row, cols


class _Err:
    """A cached conversion failure (the message) for one distinct cell value."""

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message


def _cell(
    sheet: _Sheet,
    r: int,
    cols: dict[str, int],
    fieldname: str,
    row: list[Any],
    convert: Callable[[Any], Any],
    default: Any = None,
) -> Any:
    """Convert one cell; on a CellError record the located problem and return ``_BAD``.

    Conversions are memoised per column and distinct value: a 20,000-row sheet holds a few
    dozen dates and times, so most cells cost one dict look-up."""
    col = cols.get(fieldname)
    if col is None or col >= len(row):
        return default
    value = row[col]
    if value is None or value == "":
        return default
    key = ("bool", value) if value.__class__ is bool else value
    cache = sheet.caches.setdefault(fieldname, {})
    try:
        result = cache[key]
    except KeyError:
        if is_blank(value):
            result = default
        else:
            try:
                result = convert(value)
            except (CellError, InputError) as exc:  # a cell-type problem or a core rule's refusal
                result = _Err(str(exc))
        cache[key] = result
    if result.__class__ is _Err:
        sheet.problem(r, col, result.message)
        return _BAD
    return result


_BAD: Any = object()


def _rows(sheet: _Sheet, header_row: int) -> list[tuple[int, list[Any]]]:
    return [
        (r, row) for r, row in enumerate(sheet.rows) if r > header_row and any(not is_blank(v) for v in row)
    ]


def _given(row: list[Any], cols: dict[str, int]) -> frozenset[str]:
    return frozenset(f for f, c in cols.items() if not is_blank(_Sheet.value(row, c)))


def _read_employees(sheet: _Sheet, data: WorkbookData) -> None:
    header_row, cols = _header_or_problem(sheet, "employees", EMPLOYEE_COLUMNS)
    if header_row < 0:
        return
    seen: dict[str, Where] = {}
    count = 0
    for r, row in _rows(sheet, header_row):
        code = _cell(sheet, r, cols, "code", row, lambda v: validate_employee_code(to_text(v)), "")
        name = _cell(sheet, r, cols, "name", row, lambda v: check_name(to_text(v)), "")
        team = _cell(sheet, r, cols, "team", row, lambda v: check_team(to_text(v)), "")
        rate = _cell(sheet, r, cols, "rate", row, to_rate)
        rate_from = _cell(sheet, r, cols, "rate_from", row, to_date)
        contract = _cell(sheet, r, cols, "contract", row, lambda v: to_week_minutes(v, Field.CONTRACT_HOURS))
        maximum = _cell(sheet, r, cols, "max", row, lambda v: to_week_minutes(v, Field.MAX_HOURS))
        active = _cell(sheet, r, cols, "active", row, to_bool, True)
        login = _cell(sheet, r, cols, "login_id", row, _to_login_id, "")
        count += 1
        if not code:
            sheet.problem(r, cols["code"], "the employee code is missing")
            continue
        if code is _BAD:
            continue
        if not name:
            sheet.refused(r, cols, _EMPLOYEE_FIELDS, _refusal(check_name, ""), "name")
        if code.upper() in seen:
            sheet.problem(r, cols["code"], f"duplicate employee {code}: also on {seen[code.upper()].cell}")
            continue
        seen[code.upper()] = sheet.where(r, cols["code"])
        if _BAD in (name, team, rate, rate_from, contract, maximum, active, login) or not name:
            continue
        employee = Employee(
            code=code, name=name, team=team, active=active, contract_minutes=contract, max_minutes=maximum,
            login_id=login,
        )
        try:
            employee = check_employee(employee)  # each cell passed its rule; the record as a whole
        except FieldError as exc:
            sheet.refused(r, cols, _EMPLOYEE_FIELDS, exc, "code")
            continue
        data.employees.append(
            EmployeeRow(employee, rate, rate_from, sheet.where(r, cols["code"]), _given(row, cols))
        )
    data.sheets_read.append(f"{sheet.name} ({count} employees)")


def _refusal(rule: Callable[[str], object], value: str) -> FieldError:
    """The FieldError ``rule`` raises for ``value`` (a blank required cell)."""
    try:
        rule(value)
    except FieldError as exc:
        return exc
    raise AssertionError("the rule accepted a value it must refuse")


def _to_login_id(value: Any) -> str:
    """The cell as text (an ID typed as 4711 is a number in Excel); the rule is applied with the
    rest of the record (``check_employee``)."""
    return to_text(int(value) if isinstance(value, float) and value.is_integer() else value)


def _read_codes(sheet: _Sheet, data: WorkbookData) -> None:
    header_row, cols = _header_or_problem(sheet, "codes", CODE_COLUMNS)
    if header_row < 0:
        return
    seen: dict[str, Where] = {}
    count = 0
    for r, row in _rows(sheet, header_row):
        count += 1
        code = _cell(sheet, r, cols, "code", row, lambda v: check_code_key(to_text(v)), "")
        start, end, brk = _times_and_break(sheet, r, cols, row)
        kind = _cell(sheet, r, cols, "kind", row, lambda v: parse_kind(to_text(v)))
        colour = _cell(sheet, r, cols, "colour", row, lambda v: parse_colour(to_text(v)), "#d9d9d9")
        label = _cell(sheet, r, cols, "label", row, lambda v: check_label(to_text(v)), "")
        if not code:
            sheet.problem(r, cols["code"], "the shift code is missing")
            continue
        if code is _BAD:
            continue
        if code in seen:
            sheet.problem(r, cols["code"], f"duplicate shift code {code}: also on {seen[code].cell}")
            continue
        seen[code] = sheet.where(r, cols["code"])
        if kind is None:
            sheet.problem(
                r, cols["kind"], "the kind is missing; expected work, paid leave, unpaid leave or off"
            )
            continue
        if _BAD in (start, end, brk, kind, colour, label):
            continue
        try:
            checked = validate_code(ShiftCode(code, kind, start, end, brk, colour, label))
        except FieldError as exc:
            sheet.refused(r, cols, _CODE_FIELDS, exc, "code")
            continue
        data.codes.append(CodeRow(checked, sheet.where(r, cols["code"]), _given(row, cols)))
    data.sheets_read.append(f"{sheet.name} ({count} shift codes)")


def _times_and_break(sheet: _Sheet, r: int, cols: dict[str, int], row: Any) -> tuple[Any, Any, Any]:
    """Start, End and Unpaid break (min) of a ShiftCodes or Shifts row, each converted or
    reported as a located problem (_BAD)."""
    start = _cell(sheet, r, cols, "start", row, lambda v: to_time(v, field=Field.START))
    end = _cell(sheet, r, cols, "end", row, lambda v: to_time(v, is_end=True, field=Field.END))
    brk = _cell(sheet, r, cols, "break", row, to_break_minutes, 0)
    return start, end, brk


def _read_shifts(
    sheet: _Sheet, data: WorkbookData, codes: Mapping[str, ShiftCode], seen: dict[tuple[str, date], Where]
) -> None:
    header_row, cols = _header_or_problem(sheet, "shifts", SHIFT_COLUMNS)
    if header_row < 0:
        return
    if "code" not in cols and not ("start" in cols and "end" in cols):
        sheet.problems.append(
            Problem(
                "missing columns 'Start' and 'End' (or 'Code'); the header row should read: "
                + ", ".join(TEMPLATE_HEADERS["Shifts"]),
                sheet=sheet.name,
            )
        )
        return
    count = 0
    for r, row in _rows(sheet, header_row):
        count += 1
        emp = _cell(sheet, r, cols, "employee", row, to_text, "")
        day = _cell(sheet, r, cols, "date", row, to_date)
        start, end, brk = _times_and_break(sheet, r, cols, row)
        code_text = _cell(sheet, r, cols, "code", row, to_text, "")
        note = _cell(sheet, r, cols, "note", row, lambda v: check_note(to_text(v)), "")
        break_at = _cell(sheet, r, cols, "break_start", row, lambda v: to_time(v, field=Field.BREAK_START))
        if not emp:
            sheet.problem(r, cols["employee"], "the employee code is missing")
            continue
        if day is None:
            sheet.problem(r, cols["date"], "the date is missing")
            continue
        if _BAD in (emp, day, start, end, brk, code_text, note, break_at):
            continue
        where = sheet.where(r, cols["employee"])
        key = (emp.upper(), day)
        if key in seen:
            sheet.problem(
                r, cols["employee"], f"duplicate: {emp} on {day.isoformat()} is also at {seen[key]}"
            )
            continue
        seen[key] = where
        shift = _shift_from_row(sheet, r, cols, emp, day, start, end, brk, code_text, note, codes, break_at)
        if shift is not _BAD:
            data.shifts.append(ShiftRow(emp, day, shift, where, has_note="note" in cols))
    data.sheets_read.append(f"{sheet.name} ({count} shift rows)")


def _shift_from_row(
    sheet: _Sheet,
    r: int,
    cols: dict[str, int],
    emp: str,
    day: date,
    start: Any,
    end: Any,
    brk: int,
    code_text: str,
    note: str,
    codes: Mapping[str, ShiftCode],
    break_at: time | None = None,
) -> Any:
    code: ShiftCode | None = None
    if code_text:
        code = codes.get(code_text.upper())
        if code is None:
            known = ", ".join(sorted(codes)[:10])
            sheet.problem(
                r,
                cols["code"],
                f'"{code_text}" is not a shift code' + (f"; known codes: {known}" if known else ""),
            )
            return _BAD
        if code.kind is ShiftKind.OFF:
            return None
    if (start is None) != (end is None):
        sheet.problem(r, cols["start" if start is None else "end"], "give both Start and End, or neither")
        return _BAD
    if start is None:
        if code is None:
            sheet.problem(r, cols.get("start", cols["employee"]), "give a Start and an End, or a Code")
            return _BAD
        start, end = code.start, code.end
        if "break" not in cols or is_blank(sheet.value(sheet.rows[r], cols.get("break"))):
            brk = code.break_minutes
    if start is not None and start == end:
        sheet.problem(r, cols.get("end", cols["employee"]), "the shift has zero length (Start = End)")
        return _BAD
    try:
        check_break_minutes(brk, start, end)
    except FieldError as exc:
        sheet.refused(r, cols, _SHIFT_FIELDS, exc, "employee")
        return _BAD
    if break_at is not None:
        problem = (
            "a break start needs times and an unpaid break"
            if start is None or end is None or not brk
            else break_problem(start, end, brk, break_at)
        )
        if problem:
            sheet.problem(r, cols["break_start"], problem)
            return _BAD
    return Shift(
        employee_code=emp,
        work_date=day,
        start=start,
        end=end,
        break_minutes=brk if start is not None else 0,
        code=code.code if code else "",
        kind=code.kind if code else ShiftKind.WORK,
        note=note,
        break_start=break_at,
        paid_breaks=code.paid_breaks if code and start is not None else 0,
        paid_break_minutes=code.paid_break_minutes if code and start is not None else 0,
    )


def _header_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date() if value.time() == time(0, 0) else None
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value.strip():
        return parse_date_text(value)
    return None


def _read_grid(
    sheet: _Sheet, data: WorkbookData, codes: Mapping[str, ShiftCode], seen: dict[tuple[str, date], Where]
) -> bool:
    """Detect a grid by its header row of dates and read it; False if the sheet is no grid."""
    header_row = -1
    date_cols: list[tuple[int, date]] = []
    for r, row in enumerate(sheet.rows[:_HEADER_SCAN_ROWS]):
        found = [(c, d) for c, v in enumerate(row) if (d := _header_date(v)) is not None]
        labels = {_norm(v) for v in row}
        if len(found) >= 2 or (found and labels & {"code", "employee", "employeecode"}):
            header_row, date_cols = r, found
            break
    if header_row < 0:
        return False
    first_date_col = date_cols[0][0]
    header = sheet.rows[header_row]
    label_cols = [c for c in range(first_date_col) if not is_blank(sheet.value(header, c))]
    code_col = next(
        (
            c
            for c in label_cols
            if _norm(header[c]) in ("code", "employeecode", "employee", "emp", "id", "agent")
        ),
        None,
    )
    if code_col is None:
        code_col = label_cols[0] if label_cols else (first_date_col - 1 if first_date_col else None)
    if code_col is None:
        sheet.problems.append(
            Problem("a grid needs the employee codes in a column left of the dates", sheet=sheet.name)
        )
        data.sheets_read.append(f"{sheet.name} (grid)")
        return True
    cols_seen: dict[date, int] = {}
    for c, d in date_cols:
        if d in cols_seen:
            sheet.problem(
                header_row,
                c,
                f"{d.isoformat()} is also the date of column "
                f"{Where(sheet.name, 1, cols_seen[d] + 1).cell[:-1]}",
            )
        else:
            cols_seen[d] = c
    try:
        for _c, d in date_cols:
            to_date(d)
    except CellError as exc:
        sheet.problems.append(Problem(f"header row {header_row + 1}: {exc}", sheet=sheet.name))
        data.sheets_read.append(f"{sheet.name} (grid)")
        return True
    cache: dict[str, Entry | None | EntryError] = {}
    employees = 0
    row_of: dict[str, int] = {}
    for r in range(header_row + 1, len(sheet.rows)):
        row = sheet.rows[r]
        code = to_text(sheet.value(row, code_col)) if not is_blank(sheet.value(row, code_col)) else ""
        if code.lower().startswith("total"):
            continue
        if not code:
            if any(not is_blank(sheet.value(row, c)) for c, _ in date_cols):
                sheet.problem(r, code_col, "the employee code is missing")
            continue
        if code.upper() in row_of:
            sheet.problem(r, code_col, f"duplicate: {code} is also on row {row_of[code.upper()] + 1}")
            continue
        row_of[code.upper()] = r
        employees += 1
        for c, d in date_cols:
            if cols_seen.get(d) != c:
                continue
            _grid_cell(sheet, data, r, c, code, d, sheet.value(row, c), codes, cache, seen)
    data.sheets_read.append(f"{sheet.name} (grid, {employees} employees x {len(cols_seen)} days)")
    return True


def _grid_cell(
    sheet: _Sheet,
    data: WorkbookData,
    r: int,
    c: int,
    code: str,
    day: date,
    value: Any,
    codes: Mapping[str, ShiftCode],
    cache: dict[str, Entry | None | EntryError],
    seen: dict[tuple[str, date], Where],
) -> None:
    where = sheet.where(r, c)
    key = (code.upper(), day)
    if key in seen:  # set by the Shifts sheet or another grid; a blank cell defers to it
        if not is_blank(value):
            sheet.problem(r, c, f"duplicate: {code} on {day.isoformat()} is also at {seen[key]}")
        return
    seen[key] = where
    if is_blank(value):
        data.shifts.append(ShiftRow(code, day, None, where))
        return
    if isinstance(value, float | int) and not isinstance(value, bool):
        sheet.problem(r, c, f'"{to_text(value)}" is not a shift; write 9-17 or 09:00-17:30 or a shift code')
        return
    text = to_text(value)
    parsed = cache.get(text, _BAD)
    if parsed is _BAD:
        try:
            parsed = parse_entry(text, codes)
        except EntryError as exc:
            parsed = exc
        cache[text] = parsed
    if isinstance(parsed, EntryError):
        sheet.problem(r, c, str(parsed))
        return
    if parsed is None:
        data.shifts.append(ShiftRow(code, day, None, where))
        return
    data.shifts.append(
        ShiftRow(
            code,
            day,
            parsed.shift(code, day),  # with its paid breaks
            where,
        )
    )
