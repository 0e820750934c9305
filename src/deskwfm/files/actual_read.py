"""Read agent login/logout reports — the phone system's or time clock's export of who was logged
in when — from .csv or .xlsx, one row per session (no database here).

Real exports the reader understands without help (header names matched case, space and
punctuation blind):
- Avaya: *Agent Login Id*, *Login Timestamp*, *Logout Timestamp* (Experience Platform "Agent
  Login/Logout Summary"); CMS: *Login ID*, *Login Date*, *Login Time*, *Logout Date*, *Logout Time*;
- Cisco Unified CCX "Agent Login Logout Activity": *Agent Name*, *Extension*, *Login Time*,
  *Logout Time*, *Logout Reason Code*, *Logged-In Duration*;
- Five9 "Agent Login-Logout": *AGENT*, *LOGIN TIMESTAMP*, *LOGOUT TIMESTAMP* (its *LOGIN TIME* is a
  duration and is not taken for the login);
- Genesys Cloud "Agent Login/Logout Details": *User*, *Start Time*, *End Time*, *Duration*;
- time clocks: *Employee ID*, *Date*, *Time In*, *Time Out* (or Clock In/Out, Punch In/Out);
- the same in French, whatever the language chosen (*ID de connexion*, *Heure de connexion*,
  *Heure de déconnexion*; *Matricule*, *Date*, *Entrée*, *Sortie*; accents ignored).
The login and logout columns are found as a pair (Login Timestamp/Logout Timestamp before Login
Time/Logout Time before Login/Logout...), so a duration column named like a time is left alone;
``--columns "id=Login ID,in=Login Time,out=Logout Time[,date=Date][,outdate=Logout Date]"`` names
them when the headers differ.

Values: timestamps as Excel date-times, ISO text (``2026-11-23T08:58:12``, ``2026-11-23
08:58:12``, with an optional ``Z`` or ``+hh:mm`` offset), ``MM/DD/YYYY hh:mm[:ss] AM/PM`` or 24-hour
``MM/DD/YYYY HH:MM[:SS]``, Excel serial numbers; or times of day with a date column (a logout
earlier than the login is on the next day, unless a logout date column says otherwise). A blank,
``N/A`` or ``-`` logout is a session with no logout recorded. Naive timestamps are the site's
wall-clock time (converted in ``core.sessions``).

Tolerated: extra columns, title rows above the header, blank rows, and totals (rows whose ID
starts with Total or Summary, or with no login time at all). Every problem is located like
``sessions.csv!C14: "25:00" is not a login time`` (for a .csv the file name stands for the sheet);
the caller writes nothing unless the list is empty. Workbooks pass ``xlsx_safety`` first; a .csv is
read a line at a time with bounds on line length and count.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

from deskwfm.core.errors import InputError
from deskwfm.core.messages import msg, verbatim
from deskwfm.core.text import fold
from deskwfm.files.csv_rows import CsvBounds, read_csv_rows
from deskwfm.files.xlsx_cells import is_blank, shown, to_text
from deskwfm.files.xlsx_problems import Problem, Where, sorted_problems
from deskwfm.files.xlsx_safety import (
    check_sheet_size,
    check_workbook_file,
    reader_crashed,
    reader_gave_up,
)

MAX_CSV_LINE = 16_384
MAX_CSV_FIELDS = 64
_HEADER_SCAN_ROWS = 30
_EXCEL_EPOCH = datetime(1899, 12, 30)

# (login, logout) header pairs, most specific first.
IN_OUT_PAIRS: tuple[tuple[str, str], ...] = (
    ("logintimestamp", "logouttimestamp"),
    ("logindatetime", "logoutdatetime"),
    ("logintime", "logouttime"),
    ("logontime", "logofftime"),
    ("login", "logout"),
    ("logon", "logoff"),
    ("signin", "signout"),
    ("starttime", "endtime"),
    ("start", "end"),
    ("timein", "timeout"),
    ("clockin", "clockout"),
    ("punchin", "punchout"),
    ("in", "out"),
    # French exports and time clocks
    ("horodatagedeconnexion", "horodatagededeconnexion"),
    ("heuredeconnexion", "heurededeconnexion"),
    ("connexion", "deconnexion"),
    ("ouverturedesession", "fermeturedesession"),
    ("heurededebut", "heuredefin"),
    ("debut", "fin"),
    ("heuredentree", "heuredesortie"),
    ("entree", "sortie"),
    ("pointageentree", "pointagesortie"),
)
ID_HEADERS: tuple[str, ...] = (
    "loginid",
    "agentloginid",
    "agentid",
    "logonid",
    "userid",
    "employeeid",
    "employeecode",
    "badgeid",
    "badge",
    "agentlogin",
    "username",
    "user",
    "agent",
    "extension",
    "ext",
    "employee",
    "id",
    "iddeconnexion",
    "identifiantdeconnexion",
    "idconnexion",
    "idagent",
    "iddagent",
    "matricule",
    "codeemploye",
    "identifiant",
    "utilisateur",
    "agent",
    "poste",
    "employe",
)
DATE_HEADERS: tuple[str, ...] = (
    "date",
    "logindate",
    "logondate",
    "workdate",
    "shiftdate",
    "day",
    "reportdate",
    "datedeconnexion",
    "jour",
    "datedetravail",
    "datedequart",
)
OUT_DATE_HEADERS: tuple[str, ...] = ("logoutdate", "logoffdate", "enddate", "datededeconnexion", "datedefin")
_TOTAL = re.compile(r"^(grand\s*)?(sub)?total|^summary", re.IGNORECASE)
_NONE = {"n/a", "na", "-", "--", "none", "null"}
_NONE_OR_BLANK = _NONE | {""}
_YMD = re.compile(
    r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([ap]\.?m\.?)?)?"
    r"\s*(z|[+-]\d{2}:?\d{2})?$",
    re.IGNORECASE,
)
_MDY = re.compile(
    r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([ap]\.?m\.?)?)?$",
    re.IGNORECASE,
)
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([ap]\.?m\.?)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Places:
    """The sheet and the 1-based columns of a report's ID, login and logout."""

    sheet: str
    id: int
    login: int
    logout: int


@dataclass(frozen=True, slots=True)
class SessionRow:
    """One login session as the file gives it: the login ID as text, the login and logout as
    naive (site wall clock) or aware datetimes, and where each came from (``where_*``)."""

    login_id: str
    login: datetime
    logout: datetime | None
    places: _Places
    line: int  # 1-based row

    @property
    def where_id(self) -> Where:
        return Where(self.places.sheet, self.line, self.places.id)

    @property
    def where_in(self) -> Where:
        return Where(self.places.sheet, self.line, self.places.login)

    @property
    def where_out(self) -> Where:
        return Where(self.places.sheet, self.line, self.places.logout)


@dataclass
class SessionFile:
    file_name: str
    sheet: str = ""
    rows: list[SessionRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # role -> the header used
    skipped: int = 0  # totals and other rows without a session


class _Bad(Exception):
    pass


def norm(text: Any) -> str:
    return fold(to_text(text)) if not is_blank(text) else ""


def parse_columns(spec: str) -> dict[str, str]:
    """``id=Login ID,in=Login Time,out=Logout Time,date=Date`` -> role -> header; InputError
    naming what is wrong."""
    roles = {"id", "in", "out", "date", "outdate"}
    out: dict[str, str] = {}
    for part in spec.split(","):
        if not part.strip():
            continue
        role, eq, header = part.partition("=")
        role = role.strip().lower()
        if not eq or role not in roles or not header.strip():
            raise InputError(
                msg(
                    '--columns "{spec}": write it like "id=Login ID,in=Login Time,out=Logout Time" '
                    "(roles: id, in, out, date, outdate)",
                    spec=spec,
                )
            )
        if role in out:
            raise InputError(msg('--columns "{spec}": {role}= is given twice', spec=spec, role=role))
        out[role] = header.strip()
    missing = [r for r in ("id", "in", "out") if r not in out]
    if missing:
        raise InputError(
            msg('--columns "{spec}": {roles}= must be given', spec=spec, roles="=, ".join(missing))
        )
    return out


# ---------------------------------------------------------------- values
def _hour(h: int, meridiem: str | None) -> int:
    if not meridiem:
        if h > 23:
            raise _Bad
        return h
    if not 1 <= h <= 12:
        raise _Bad
    return h % 12 + (12 if meridiem.lower().startswith("p") else 0)


def _zone(text: str | None) -> timezone | None:
    if not text:
        return None
    if text.lower() == "z":
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _stamp(
    y: int,
    mo: int,
    d: int,
    hh: str | None,
    mm: str | None,
    ss: str | None,
    mer: str | None,
    tz: timezone | None = None,
) -> datetime:
    try:
        if hh is None:
            return datetime(y, mo, d)
        return datetime(y, mo, d, _hour(int(hh), mer), int(mm or 0), int(ss or 0), tzinfo=tz)
    except ValueError:
        raise _Bad from None


def to_moment(value: Any) -> datetime | date | time:
    """A cell as a timestamp, a date or a time of day; _Bad otherwise."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date | time):
        return value
    if isinstance(value, timedelta):
        secs = value.total_seconds()
        if 0 <= secs < 86400:
            return (datetime.min + value).time()
        raise _Bad
    if isinstance(value, bool):
        raise _Bad
    if isinstance(value, int | float):
        if 0 <= value < 1:  # a time of day as Excel stores it
            return (datetime.min + timedelta(seconds=round(value * 86400))).time()
        if 20_000 <= value <= 80_000:  # an Excel serial date-time
            return _EXCEL_EPOCH + timedelta(seconds=round(value * 86400))
        raise _Bad
    text = str(value).strip()
    m = _YMD.match(text)
    if m:
        y, mo, d, hh, mm, ss, mer, zone = m.groups()
        return _stamp(int(y), int(mo), int(d), hh, mm, ss, mer, _zone(zone))
    m = _MDY.match(text)
    if m:
        mo, d, y, hh, mm, ss, mer = m.groups()
        return _stamp(int(y), int(mo), int(d), hh, mm, ss, mer)
    m = _TIME.match(text)
    if m:
        hh, mm, ss, mer = m.groups()
        if int(mm) > 59 or int(ss or 0) > 59:
            raise _Bad
        return time(_hour(int(hh), mer), int(mm), int(ss or 0))
    try:
        number = float(text)
    except ValueError:
        raise _Bad from None
    return to_moment(number)


def _none(value: Any) -> bool:
    """Blank, or a report's way of saying "no value" (N/A, -)."""
    if value is None:
        return True
    if value.__class__ is str:
        return len(value) <= 4 and value.strip().lower() in _NONE_OR_BLANK
    return False


def _login_id(value: Any) -> str:
    if value.__class__ is str:
        return str(value).strip()
    return to_text(int(value) if isinstance(value, float) and value.is_integer() else value)


# ---------------------------------------------------------------- rows
def read_sessions(path: str | Path, columns: Mapping[str, str] | None = None) -> SessionFile:
    """Read a .csv or .xlsx login/logout report. A file that cannot be read at all raises
    InputError; problems in its content are listed in ``SessionFile.problems``."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".csv" or suffix == ".txt":
        sheets = [(p.name, _csv_rows(p))]
    elif suffix in (".xlsx", ".xlsm"):
        sheets = _xlsx_sheets(p)
    else:
        kind = suffix or "a file without extension"
        raise InputError(
            msg(
                "{file}: a login/logout report is read from .csv or .xlsx, not {kind}", file=p.name, kind=kind
            )
        )
    out = SessionFile(p.name)
    for name, rows in sheets:
        found = _header(rows, columns)
        if found is not None:
            out.sheet = name
            _read_rows(out, name, rows, *found)
            out.problems = sorted_problems(out.problems)
            return out
    wanted = (
        verbatim(", ".join(f"{k}={v}" for k, v in columns.items()))
        if columns
        else msg("a login ID and login/logout columns (like Login ID, Login Time, Logout Time)")
    )
    out.problems.append(
        Problem(
            msg('no header row with {wanted} in the first {n} rows; name the columns with --columns '
                '"id=...,in=...,out=..."', wanted=wanted, n=_HEADER_SCAN_ROWS),
            sheet=sheets[0][0] if sheets else p.name,
        )
    )
    return out


def first_rows(path: str | Path, limit: int = _HEADER_SCAN_ROWS) -> list[list[str]]:
    """The first ``limit`` rows of a report (of its first sheet with any), each cell as the text
    a user would recognise: what a person picks the columns from when the headers are not
    recognised. InputError as ``read_sessions`` for a file that cannot be read."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        sheets = [rows for _name, rows in _xlsx_sheets(p) if rows]
        rows = sheets[0][:limit] if sheets else []
    else:
        rows = _csv_rows(p, limit)
    return [[shown(v) if not is_blank(v) else "" for v in row] for row in rows]


def _header(rows: list[list[Any]], columns: Mapping[str, str] | None) -> tuple[int, dict[str, int]] | None:
    for r, row in enumerate(rows[:_HEADER_SCAN_ROWS]):
        normed = [norm(v) for v in row]
        cols = _given_columns(normed, columns) if columns else _known_columns(normed)
        if cols is not None:
            return r, cols
    return None


def _given_columns(normed: list[str], columns: Mapping[str, str]) -> dict[str, int] | None:
    out: dict[str, int] = {}
    for role, header in columns.items():
        key = norm(header)
        if key not in normed:
            return None
        out[role] = normed.index(key)
    return out


def _known_columns(normed: list[str]) -> dict[str, int] | None:
    pair = next(((a, b) for a, b in IN_OUT_PAIRS if a in normed and b in normed), None)
    if pair is None:
        return None
    cols = {"in": normed.index(pair[0]), "out": normed.index(pair[1])}
    ident = next((h for h in ID_HEADERS if h in normed and normed.index(h) not in cols.values()), None)
    if ident is None:
        return None
    cols["id"] = normed.index(ident)
    for role, names in (("date", DATE_HEADERS), ("outdate", OUT_DATE_HEADERS)):
        hit = next((h for h in names if h in normed and normed.index(h) not in cols.values()), None)
        if hit is not None:
            cols[role] = normed.index(hit)
    return cols


def _cell(row: list[Any], col: int | None) -> Any:
    return row[col] if col is not None and col < len(row) else None


def _read_rows(
    out: SessionFile, sheet: str, rows: list[list[Any]], header: int, cols: dict[str, int]
) -> None:
    heads = rows[header]
    out.columns = {role: to_text(heads[c]) for role, c in cols.items()}
    c_id, c_in, c_out = cols["id"], cols["in"], cols["out"]
    c_date, c_outdate = cols.get("date"), cols.get("outdate")
    places = _Places(sheet, c_id + 1, c_in + 1, c_out + 1)
    moment = _Memo()
    for r in range(header + 1, len(rows)):
        row = rows[r]
        width = len(row)
        raw_id = row[c_id] if c_id < width else None
        raw_in = row[c_in] if c_in < width else None
        raw_out = row[c_out] if c_out < width else None
        ident = _login_id(raw_id) if raw_id is not None else ""
        no_in, no_out = _none(raw_in), _none(raw_out)
        if (no_in and no_out) or (ident and _TOTAL.match(ident)):
            if any(not is_blank(v) for v in row):
                out.skipped += 1
            continue
        line = r + 1
        if not ident:
            out.problems.append(Problem(msg("the login ID is missing"), Where(sheet, line, c_id + 1)))
            continue
        day = out_day = None
        if c_date is not None:
            day = out_day = _date_cell(out, moment, row, c_date, sheet, line)
            if day is None:
                continue
        if c_outdate is not None and not _none(_cell(row, c_outdate)):
            out_day = _date_cell(out, moment, row, c_outdate, sheet, line)
            if out_day is None:
                continue
        if no_in:
            out.problems.append(Problem(msg("the login time is missing"), Where(sheet, line, c_in + 1)))
            continue
        login, _ = _when(out, moment, raw_in, day, Where(sheet, line, c_in + 1), logout=False)
        logout = None
        if not no_out:
            at = Where(sheet, line, c_out + 1)
            logout, time_only = _when(out, moment, raw_out, out_day, at, logout=True)
            if logout is None:
                continue
            if login is not None and time_only and out_day == day and logout < login:
                logout += timedelta(days=1)  # a time-only logout before the login is the next day
        if login is None:
            continue
        out.rows.append(SessionRow(ident, login, logout, places, line))


class _Memo:
    """``to_moment`` of each distinct cell value once (reports repeat dates and times a lot)."""

    def __init__(self) -> None:
        self.seen: dict[Any, datetime | date | time | None] = {}

    def __call__(self, value: Any) -> datetime | date | time:
        key = (value.__class__, value)
        try:
            got = self.seen[key]
        except KeyError:
            try:
                got = to_moment(value)
            except _Bad:
                got = None
            self.seen[key] = got
        if got is None:
            raise _Bad
        return got


def _date_cell(
    out: SessionFile, moment: _Memo, row: list[Any], col: int, sheet: str, line: int
) -> date | None:
    """The date in a Date column, or None after recording the problem."""
    value = _cell(row, col)
    try:
        got = moment(value)
        if isinstance(got, datetime):
            if got.time() != time(0):
                raise _Bad
            return got.date()
        if isinstance(got, date):
            return got
        raise _Bad
    except _Bad:
        problem = msg('"{value}" is not a date', value=shown(value))
        out.problems.append(Problem(problem, Where(sheet, line, col + 1)))
        return None


def _when(
    out: SessionFile, moment: _Memo, value: Any, day: date | None, where: Where, *, logout: bool
) -> tuple[datetime | None, bool]:
    """The timestamp of a login or logout cell, and whether the cell held a time of day only."""
    v = shown(value)
    try:
        got = moment(value)
    except _Bad:
        out.problems.append(Problem(
            msg('"{value}" is not a logout time; write it like 2026-11-23 08:58:12 or 11/23/2026 8:58:12 AM',
                value=v) if logout else
            msg('"{value}" is not a login time; write it like 2026-11-23 08:58:12 or 11/23/2026 8:58:12 AM',
                value=v),
            where,
        ))
        return None, False
    if isinstance(got, datetime):
        return got, False
    if isinstance(got, time):
        if day is None:
            out.problems.append(
                Problem(msg('"{value}" has no date, and the file has no Date column', value=v), where)
            )
            return None, True
        return datetime.combine(day, got), True
    out.problems.append(Problem(
        msg('"{value}" is a date without a logout time', value=v) if logout
        else msg('"{value}" is a date without a login time', value=v),
        where,
    ))
    return None, False


# ---------------------------------------------------------------- files
_CSV = CsvBounds(
    max_line=MAX_CSV_LINE,
    max_fields=MAX_CSV_FIELDS,
    header_scan=_HEADER_SCAN_ROWS,
    delimiters=",;\t|",
    too_many_lines=lambda file, limit: msg(
        "{file} has more than {limit:num} lines; split the report", file=file, limit=limit
    ),
    line_too_long=lambda file, line, limit: msg(
        "{file}: line {line:num} is longer than {limit:num} characters", file=file, line=line, limit=limit
    ),
)


def _csv_rows(p: Path, limit: int | None = None) -> list[list[Any]]:
    """A .csv's rows (the first ``limit`` lines)."""
    return read_csv_rows(p, _CSV, limit)


def _xlsx_sheets(p: Path) -> list[tuple[str, list[list[Any]]]]:
    check_workbook_file(p)
    from python_calamine import CalamineWorkbook

    out: list[tuple[str, list[list[Any]]]] = []
    try:
        wb = CalamineWorkbook.from_path(str(p))
        for name in wb.sheet_names:
            sheet = wb.get_sheet_by_name(name)
            end_row, end_col = sheet.end if sheet.end is not None else (-1, -1)
            check_sheet_size(p.name, name, end_row + 1, end_col + 1)
            out.append((name, sheet.to_python(skip_empty_area=False) if end_row >= 0 else []))
    except InputError:
        raise
    except Exception as exc:  # calamine raises several exception types of its own
        why = f"{type(exc).__name__}: {exc}"
        raise InputError(
            msg("{file} cannot be read as an Excel workbook ({why})", file=p.name, why=why)
        ) from None
    except BaseException as exc:
        if not reader_crashed(exc):
            raise
        raise reader_gave_up(p.name) from None
    return out
