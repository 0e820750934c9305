"""Read an import workbook into core objects plus located problems (no database here).

Sheets and columns are recognised by name in English or French whatever the language chosen
(case, spaces, punctuation and accents ignored): the template's own headers in both languages
(taken from the catalog, so a translated template always reads back) and common synonyms.

Sheets understood (by name):
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

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from deskwfm.core.employees import check_employee, validate_employee_code
from deskwfm.core.entry import Entry, break_problem, check_break_minutes, parse_entry
from deskwfm.core.errors import EntryError, InputError
from deskwfm.core.fields import Field, FieldError
from deskwfm.core.i18n import LANGUAGES, render
from deskwfm.core.messages import Msg, msg, msg_n
from deskwfm.core.model import Employee, Shift, ShiftCode, ShiftKind
from deskwfm.core.shift_codes import check_code_key, parse_colour, parse_kind, validate_code
from deskwfm.core.text import check_label, check_name, check_note, check_team, fold
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
    sheets_read: list[Msg] = field(default_factory=list)
    sheets_ignored: list[str] = field(default_factory=list)


def _norm(text: Any) -> str:
    return fold(to_text(text)) if not is_blank(text) else ""


# The template's sheets and columns (``deskwfm template`` writes them in the reader's language).
SHEET_NAMES: dict[str, Msg] = {
    "employees": msg("Employees"), "shifts": msg("Shifts"), "codes": msg("ShiftCodes"),
}
TEMPLATE_COLUMNS: dict[str, tuple[tuple[str, Msg], ...]] = {
    "employees": (
        ("code", msg("Code")), ("name", msg("Name")), ("team", msg("Team")), ("rate", msg("Hourly rate")),
        ("rate_from", msg("Rate from")), ("contract", msg("Contract hours/week")),
        ("max", msg("Max hours/week")), ("active", msg("Active")), ("login_id", msg("Login ID")),
    ),
    "shifts": (
        ("employee", msg("Employee code")), ("date", msg("Date")), ("start", msg("Start")),
        ("end", msg("End")),
        ("break", msg("Unpaid break (min)")), ("code", msg("Code")), ("note", msg("Note")),
        ("break_start", msg("Break start")),
    ),
    "codes": (
        ("code", msg("Code")), ("start", msg("Start")), ("end", msg("End")),
        ("break", msg("Unpaid break (min)")), ("kind", msg("Kind")), ("colour", msg("Colour")),
    ),
}
_REQUIRED = {"employees": ("code", "name"), "shifts": ("employee", "date"), "codes": ("code", "kind")}

# Other names people give these sheets and columns, English and French (folded).
_SHEET_SYNONYMS = {
    "employees": ("employees", "staff", "employes", "personnel", "agents"),
    "shifts": ("shifts", "quarts", "quartsdetravail"),
    "codes": ("shiftcodes", "codes", "codesdequart", "codesquarts", "codesdequarts"),
}
_SKIP_SHEETS = {"instructions", "readme", "help", "problems", "lisezmoi", "aide", "problemes"}
_COLUMN_SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "employees": {
        "code": ("code", "employeecode", "employee", "id", "matricule", "codeemploye", "codedemploye",
                 "employe"),
        "name": ("name", "employeename", "fullname", "nom", "nomcomplet", "nomemploye", "nomdelemploye"),
        "team": ("team", "group", "equipe", "groupe"),
        "rate": ("hourlyrate", "rate", "payrate", "hourly", "tauxhoraire", "taux", "salairehoraire"),
        "rate_from": ("ratefrom", "rateeffective", "effectivefrom", "ratefromdate", "tauxapartirdu",
                      "tauxdepuis", "envigueurle", "envigueurdu"),
        "contract": ("contracthoursweek", "contracthours", "contracthoursperweek", "heurescontratsemaine",
                     "heuresaucontratsemaine", "heuresaucontrat", "heurescontrat"),
        "max": ("maxhoursweek", "maxhours", "maxhoursperweek", "maximumhoursweek", "heuresmaxsemaine",
                "heuresmaximumsemaine", "maximumheuressemaine", "heuresmax"),
        "active": ("active", "actif", "active"),
        "login_id": ("loginid", "agentid", "agentloginid", "phoneid", "acdid", "idconnexion",
                     "identifiantdeconnexion", "idagent", "iddeconnexion"),
    },
    "shifts": {
        "employee": ("employeecode", "employee", "emp", "agent", "matricule", "codeemploye", "codedemploye",
                     "employe"),
        "date": ("date", "workdate", "day", "jour", "datedetravail"),
        "start": ("start", "from", "starttime", "debut", "heurededebut", "heuredebut", "de"),
        "end": ("end", "to", "endtime", "finish", "fin", "heuredefin", "heurefin"),
        "break": ("unpaidbreakmin", "unpaidbreak", "break", "breakmin", "breakminutes", "pausenonpayeemin",
                  "pausenonpayee", "pause", "pausemin"),
        "code": ("code", "shiftcode", "codedequart", "codequart"),
        "note": ("note", "notes", "comment", "commentaire", "remarque"),
        "break_start": ("breakstart", "breakstarttime", "breakat", "breakfrom", "debutdelapause",
                        "debutdepause", "debutpause"),
    },
    "codes": {
        "code": ("code", "shiftcode", "codedequart", "codequart"),
        "start": ("start", "starttime", "debut", "heurededebut"),
        "end": ("end", "endtime", "fin", "heuredefin"),
        "break": ("unpaidbreakmin", "unpaidbreak", "break", "breakmin", "pausenonpayeemin", "pausenonpayee",
                  "pause"),
        "kind": ("kind", "type", "genre", "sorte"),
        "colour": ("colour", "color", "couleur"),
        "label": ("label", "description", "name", "libelle", "nom", "etiquette"),
    },
}
# A grid's column of employee codes
_GRID_CODE_HEADERS = ("code", "employeecode", "employee", "emp", "id", "agent", "matricule", "codeemploye",
                      "employe")


@cache
def _sheet_kinds() -> dict[str, str]:
    """Folded sheet name -> kind: the template's names in every language, and the synonyms."""
    out = {name: kind for kind, names in _SHEET_SYNONYMS.items() for name in names}
    for kind, label in SHEET_NAMES.items():
        for lang in LANGUAGES:
            out.setdefault(fold(render(label, lang)), kind)
    return out


@cache
def columns_of(kind: str) -> dict[str, tuple[str, ...]]:
    """Field -> accepted folded header texts of a sheet kind (template headers in every language
    first, then synonyms)."""
    out = {f: list(names) for f, names in _COLUMN_SYNONYMS[kind].items()}
    for fieldname, label in TEMPLATE_COLUMNS[kind]:
        for lang in LANGUAGES:
            folded = fold(render(label, lang))
            if folded not in out[fieldname]:
                out[fieldname].insert(0, folded)
    return {f: tuple(names) for f, names in out.items()}


def template_headers(kind: str, lang: str | None = None) -> list[str]:
    """The template's header row of a sheet kind, in ``lang`` (default: the current language)."""
    return [render(label, lang) for _f, label in TEMPLATE_COLUMNS[kind]]
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

    def problem(self, row0: int, col0: int, message: Msg) -> None:
        self.problems.append(Problem(message, self.where(row0, col0)))

    def refused(self, row0: int, cols: dict[str, int], columns: Mapping[Field, str], exc: FieldError,
                fallback: str) -> None:
        """A core rule's refusal, located at the column of the field it names."""
        col = cols.get(columns.get(exc.field, fallback), cols[fallback])
        self.problem(row0, col, exc.msg)

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
        raise InputError(
            msg("{file} cannot be read as an Excel workbook ({reason})", file=p.name, reason=str(exc))
        ) from None
    except Exception as exc:  # calamine raises a few exception types of its own
        raise InputError(msg("{file} cannot be read as an Excel workbook ({reason})", file=p.name,
                             reason=f"{type(exc).__name__}: {exc}")) from None
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
        by_kind[_sheet_kinds().get(norm, "other")].append(sheet)
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
            Problem(msg(
                "{file} has nothing to import: no {employees}, {shifts} or {codes} sheet and no sheet with "
                "a header row of dates (see `deskwfm template`)",
                file=p.name, employees=SHEET_NAMES["employees"], shifts=SHEET_NAMES["shifts"],
                codes=SHEET_NAMES["codes"],
            ))
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


def _header_or_problem(sheet: _Sheet, kind: str) -> tuple[int, dict[str, int]]:
    columns = columns_of(kind)
    key = _REQUIRED[kind][0]
    header_row, cols = _find_header(sheet, columns, key)
    if header_row < 0 and not any(any(not is_blank(v) for v in row) for row in sheet.rows):
        return -1, {}
    labels = dict(TEMPLATE_COLUMNS[kind])
    missing = [labels[fieldname] for fieldname in _REQUIRED[kind] if fieldname not in cols]
    if missing:
        sheet.problems.append(Problem(_missing_columns(missing, kind), sheet=sheet.name))
        return -1, {}
    return header_row, cols


def _missing_columns(missing: list[Msg], kind: str) -> Msg:
    names = msg('"{column}"', column=missing[0])
    for m in missing[1:]:
        names = msg('{first}, "{column}"', first=names, column=m)
    return msg_n(
        "missing column {names}; the header row should read: {expected}",
        "missing columns {names}; the header row should read: {expected}",
        len(missing), names=names, expected=_header_list(kind),
    )


def _header_list(kind: str) -> Msg:
    """The template's header row as one message ("Code, Name, Team, ...")."""
    labels = [label for _f, label in TEMPLATE_COLUMNS[kind]]
    text = labels[0]
    for label in labels[1:]:
        text = msg("{first}, {next}", first=text, next=label)
    return text


class _Err:
    """A cached conversion failure (the message) for one distinct cell value."""

    __slots__ = ("message",)

    def __init__(self, message: Msg) -> None:
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
                result = _Err(exc.msg)
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
    header_row, cols = _header_or_problem(sheet, "employees")
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
            sheet.problem(r, cols["code"], msg("the employee code is missing"))
            continue
        if code is _BAD:
            continue
        if not name:
            sheet.refused(r, cols, _EMPLOYEE_FIELDS, _refusal(check_name, ""), "name")
        if code.upper() in seen:
            sheet.problem(r, cols["code"], msg("duplicate employee {code}: also on {cell}", code=code,
                                               cell=seen[code.upper()].cell))
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
    data.sheets_read.append(msg_n("{sheet} ({count:num} employee)", "{sheet} ({count:num} employees)", count,
                                  sheet=sheet.name))


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
    header_row, cols = _header_or_problem(sheet, "codes")
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
            sheet.problem(r, cols["code"], msg("the shift code is missing"))
            continue
        if code is _BAD:
            continue
        if code in seen:
            sheet.problem(r, cols["code"], msg("duplicate shift code {code}: also on {cell}", code=code,
                                               cell=seen[code].cell))
            continue
        seen[code] = sheet.where(r, cols["code"])
        if kind is None:
            sheet.problem(
                r, cols["kind"], msg("the kind is missing; expected work, paid leave, unpaid leave or off")
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
    data.sheets_read.append(msg_n("{sheet} ({count:num} shift code)", "{sheet} ({count:num} shift codes)",
                                  count, sheet=sheet.name))


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
    header_row, cols = _header_or_problem(sheet, "shifts")
    if header_row < 0:
        return
    if "code" not in cols and not ("start" in cols and "end" in cols):
        labels = dict(TEMPLATE_COLUMNS["shifts"])
        sheet.problems.append(
            Problem(
                msg('missing columns "{start}" and "{end}" (or "{code}"); the header row should read: '
                    "{expected}", start=labels["start"], end=labels["end"], code=labels["code"],
                    expected=_header_list("shifts")),
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
            sheet.problem(r, cols["employee"], msg("the employee code is missing"))
            continue
        if day is None:
            sheet.problem(r, cols["date"], msg("the date is missing"))
            continue
        if _BAD in (emp, day, start, end, brk, code_text, note, break_at):
            continue
        where = sheet.where(r, cols["employee"])
        key = (emp.upper(), day)
        if key in seen:
            problem = msg("duplicate: {code} on {day:date} is also at {where}", code=emp, day=day,
                          where=str(seen[key]))
            sheet.problem(r, cols["employee"], problem)
            continue
        seen[key] = where
        shift = _shift_from_row(sheet, r, cols, emp, day, start, end, brk, code_text, note, codes, break_at)
        if shift is not _BAD:
            data.shifts.append(ShiftRow(emp, day, shift, where, has_note="note" in cols))
    data.sheets_read.append(
        msg_n("{sheet} ({count:num} shift row)", "{sheet} ({count:num} shift rows)", count, sheet=sheet.name)
    )


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
                msg('"{code}" is not a shift code; known codes: {known}', code=code_text, known=known)
                if known else msg('"{code}" is not a shift code', code=code_text),
            )
            return _BAD
        if code.kind is ShiftKind.OFF:
            return None
    if (start is None) != (end is None):
        sheet.problem(r, cols["start" if start is None else "end"],
                      msg("give both Start and End, or neither"))
        return _BAD
    if start is None:
        if code is None:
            sheet.problem(r, cols.get("start", cols["employee"]), msg("give a Start and an End, or a Code"))
            return _BAD
        start, end = code.start, code.end
        if "break" not in cols or is_blank(sheet.value(sheet.rows[r], cols.get("break"))):
            brk = code.break_minutes
    if start is not None and start == end:
        sheet.problem(r, cols.get("end", cols["employee"]), msg("the shift has zero length (Start = End)"))
        return _BAD
    try:
        check_break_minutes(brk, start, end)
    except FieldError as exc:
        sheet.refused(r, cols, _SHIFT_FIELDS, exc, "employee")
        return _BAD
    if break_at is not None:
        problem = (
            msg("a break start needs times and an unpaid break")
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
        if len(found) >= 2 or (found and labels & set(_GRID_CODE_HEADERS)):
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
            if _norm(header[c]) in _GRID_CODE_HEADERS
        ),
        None,
    )
    if code_col is None:
        code_col = label_cols[0] if label_cols else (first_date_col - 1 if first_date_col else None)
    if code_col is None:
        sheet.problems.append(
            Problem(msg("a grid needs the employee codes in a column left of the dates"), sheet=sheet.name)
        )
        data.sheets_read.append(msg("{sheet} (grid)", sheet=sheet.name))
        return True
    cols_seen: dict[date, int] = {}
    for c, d in date_cols:
        if d in cols_seen:
            sheet.problem(
                header_row,
                c,
                msg("{day:date} is also the date of column {column}", day=d,
                    column=Where(sheet.name, 1, cols_seen[d] + 1).cell[:-1]),
            )
        else:
            cols_seen[d] = c
    try:
        for _c, d in date_cols:
            to_date(d)
    except CellError as exc:
        sheet.problems.append(
            Problem(msg("header row {row}: {problem}", row=header_row + 1, problem=exc.msg), sheet=sheet.name)
        )
        data.sheets_read.append(msg("{sheet} (grid)", sheet=sheet.name))
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
                sheet.problem(r, code_col, msg("the employee code is missing"))
            continue
        if code.upper() in row_of:
            sheet.problem(r, code_col, msg("duplicate: {code} is also on row {row}", code=code,
                                           row=row_of[code.upper()] + 1))
            continue
        row_of[code.upper()] = r
        employees += 1
        for c, d in date_cols:
            if cols_seen.get(d) != c:
                continue
            _grid_cell(sheet, data, r, c, code, d, sheet.value(row, c), codes, cache, seen)
    data.sheets_read.append(msg(
        "{sheet} (grid, {employees} × {days})", sheet=sheet.name,
        employees=msg_n("{count:num} employee", "{count:num} employees", employees),
        days=msg_n("{count} day", "{count} days", len(cols_seen)),
    ))
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
            sheet.problem(r, c, msg("duplicate: {code} on {day:date} is also at {where}", code=code, day=day,
                                    where=str(seen[key])))
        return
    seen[key] = where
    if is_blank(value):
        data.shifts.append(ShiftRow(code, day, None, where))
        return
    if isinstance(value, float | int) and not isinstance(value, bool):
        sheet.problem(r, c, msg('"{value}" is not a shift; write 9-17 or 09:00-17:30 or a shift code',
                                value=to_text(value)))
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
        sheet.problem(r, c, parsed.msg)
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
