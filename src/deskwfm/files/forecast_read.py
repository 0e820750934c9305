"""Read a call forecast from .xlsx (a ``Forecast`` sheet) or .csv with the columns
Date, Interval start, Calls, AHT (s) - or their French names (a ``Prévisions`` sheet with Date,
Début d'intervalle, Appels, DMT (s)), whatever the language chosen.

Every problem is collected, located like ``Forecast!C14: "abc" is not a number of calls``
(for a .csv the file name stands in for the sheet); the caller imports nothing unless the
list is empty. Workbooks pass the hostile-file checks of ``xlsx_safety`` before python-calamine
reads them (formulas by their saved values).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from deskwfm.core.entry import parse_time_of_day
from deskwfm.core.errors import InputError
from deskwfm.core.fields import Field, FieldError
from deskwfm.core.forecast import ForecastInterval, check_aht, check_calls
from deskwfm.core.i18n import LANGUAGES, render
from deskwfm.core.messages import Msg, msg, msg_n
from deskwfm.core.text import fold
from deskwfm.files.csv_rows import CsvBounds, read_csv_rows
from deskwfm.files.xlsx_problems import Problem, Where, sorted_problems
from deskwfm.files.xlsx_safety import (
    check_sheet_size,
    check_workbook_file,
    reader_crashed,
    reader_gave_up,
)

SHEET = msg("Forecast")
HEADERS: tuple[tuple[str, Msg], ...] = (
    ("date", msg("Date")), ("start", msg("Interval start")), ("calls", msg("Calls")), ("aht", msg("AHT (s)")),
)
_HEADER_SCAN_ROWS = 15
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "date": ("date", "day", "workdate", "jour"),
    "start": ("intervalstart", "interval", "start", "starttime", "time", "debutdintervalle", "intervalle",
              "debut", "heure"),
    "calls": ("calls", "forecastcalls", "volume", "offered", "appels", "appelsprevus", "appelsoffert"),
    "aht": ("ahts", "aht", "ahtseconds", "ahtsec", "averagehandletime", "averagehandletimes", "dmts", "dmt",
            "dureemoyennedetraitement", "dureemoyennedetraitements"),
}


@cache
def _aliases() -> dict[str, tuple[str, ...]]:
    """Column -> accepted folded headers: ours in every language, then the synonyms."""
    return {
        key: tuple(dict.fromkeys([fold(render(label, lang)) for lang in LANGUAGES] + list(_SYNONYMS[key])))
        for key, label in HEADERS
    }


@cache
def _sheet_names() -> frozenset[str]:
    ours = {fold(render(SHEET, lang)) for lang in LANGUAGES}
    return frozenset(ours | {"forecast", "previsions", "prevision"})


class _Bad(Exception):
    def __init__(self, message: Msg) -> None:
        super().__init__(message.key)
        self.msg = message


@dataclass
class ForecastFile:
    file_name: str
    intervals: list[ForecastInterval] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def first(self) -> date | None:
        return min((i.work_date for i in self.intervals), default=None)

    @property
    def last(self) -> date | None:
        return max((i.work_date for i in self.intervals), default=None)


def _norm(value: Any) -> str:
    return fold(str(value)) if value is not None else ""


def _shown(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, datetime):
        value = value.isoformat(sep=" ", timespec="minutes")
    elif isinstance(value, time):
        value = value.strftime("%H:%M" if not value.second else "%H:%M:%S")
    elif isinstance(value, date):
        value = value.isoformat()
    text = str(value).strip().replace('"', "'")
    return text if len(text) <= 40 else text[:37] + "..."


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def to_date(value: Any) -> date:
    if isinstance(value, datetime):
        if value.time() != time(0):
            raise _Bad(msg('"{value}" is not a date (it has a time of day)', value=_shown(value)))
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _Bad(msg('"{value}" is not a date; write it like 2026-11-23', value=_shown(value)))


def to_start_minute(value: Any, interval: int) -> int:
    minute: int | None = None
    if isinstance(value, datetime):
        value = value.time()
    if isinstance(value, time):
        if value.second == 0 and value.microsecond == 0:
            minute = value.hour * 60 + value.minute
    elif isinstance(value, timedelta):
        secs = value.total_seconds()
        if 0 <= secs < 86400 and secs % 60 == 0:
            minute = int(secs // 60)
    elif isinstance(value, float | int) and not isinstance(value, bool) and 0 <= value < 1:
        m = round(value * 1440)
        if abs(value * 1440 - m) < 1e-6:  # a time-of-day fraction, as Excel stores times
            minute = m
    elif isinstance(value, str):
        try:
            t = parse_time_of_day(value, Field.TIME)  # the one time-of-day reader
        except FieldError:
            pass
        else:
            minute = t.hour * 60 + t.minute
    if minute is None:
        raise _Bad(
            msg('"{value}" is not a time of day; write the interval start like 09:30', value=_shown(value))
        )
    if minute % interval:
        raise _Bad(msg(
            '"{value}" is not the start of a {n}-minute interval (the site plans staffing in {n}-minute '
            "intervals)", value=_shown(value), n=interval,
        ))
    return minute


def _whole(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    if isinstance(value, str):
        text = value.strip()
        # A comma only as a thousands separator (1,250); "1,5" or "300,5" is a decimal comma
        # and must not silently become 15 or 3005.
        if re.fullmatch(r"\d{1,3}(,\d{3})+", text):
            return int(text.replace(",", ""))
        if re.fullmatch(r"\d+(\.0+)?", text):
            return int(float(text))
    return None


def to_calls(value: Any) -> int:
    n = _whole(value)
    if n is None:
        if isinstance(value, float | int) and not isinstance(value, bool):
            raise _Bad(msg('"{value}" is not a whole number of calls', value=_shown(value)))
        raise _Bad(msg('"{value}" is not a number of calls', value=_shown(value)))
    try:
        return check_calls(n)
    except FieldError as exc:
        raise _Bad(exc.msg) from None


def to_aht(value: Any) -> int:
    n = _whole(value)
    if n is None:
        raise _Bad(msg('"{value}" is not an average handle time in whole seconds', value=_shown(value)))
    try:
        return check_aht(n)
    except FieldError as exc:
        raise _Bad(exc.msg) from None


def read_forecast(path: str | Path, interval_minutes: int) -> ForecastFile:
    """Read a .xlsx or .csv forecast. A file that cannot be read at all raises InputError;
    problems in its content are all listed in ``ForecastFile.problems``."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".csv":
        sheet_name, rows = p.name, _csv_rows(p)
    elif suffix in (".xlsx", ".xlsm"):
        sheet_name, rows = _xlsx_rows(p)
    elif suffix:
        raise InputError(
            msg("{file}: a forecast is read from .xlsx or .csv, not {kind}", file=p.name, kind=suffix)
        )
    else:
        raise InputError(msg("{file}: a forecast is read from .xlsx or .csv, not a file without extension",
                             file=p.name))
    out = ForecastFile(p.name)
    _read_rows(out, sheet_name, rows, interval_minutes)
    out.problems = sorted_problems(out.problems)
    return out


MAX_CSV_LINE = 4_096  # characters; a forecast line is a date, a time and two numbers
MAX_CSV_FIELDS = 32  # kept per line: the four columns must be among the first ones


_CSV = CsvBounds(
    max_line=MAX_CSV_LINE,
    max_fields=MAX_CSV_FIELDS,
    header_scan=_HEADER_SCAN_ROWS,
    delimiters=",;\t",
    too_many_lines=lambda file, limit: msg(
        "{file} has more than {limit:num} lines; a forecast may have at most {limit:num}",
        file=file, limit=limit,
    ),
    line_too_long=lambda file, line, limit: msg(
        "{file}: line {line:num} is longer than {limit:num} characters; a forecast line "
        "holds a date, a time and two numbers",
        file=file, line=line, limit=limit,
    ),
)


def _csv_rows(p: Path) -> list[list[Any]]:
    """The rows of a .csv forecast (bounded: files.csv_rows)."""
    return read_csv_rows(p, _CSV)


def _xlsx_rows(p: Path) -> tuple[str, list[list[Any]]]:
    check_workbook_file(p)
    from python_calamine import CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_path(str(p))
        name = next((n for n in wb.sheet_names if fold(n) in _sheet_names()), None)
        if name is None:
            raise InputError(msg("{file} has no {sheet} sheet (its sheets: {sheets})", file=p.name,
                                 sheet=SHEET, sheets=", ".join(wb.sheet_names)))
        sheet = wb.get_sheet_by_name(name)
        end_row, end_col = sheet.end if sheet.end is not None else (-1, -1)
        check_sheet_size(p.name, name, end_row + 1, end_col + 1)
        rows: list[list[Any]] = sheet.to_python(skip_empty_area=False) if end_row >= 0 else []
    except InputError:
        raise
    except Exception as exc:  # calamine raises several exception types of its own
        why = f"{type(exc).__name__}: {exc}"
        raise InputError(
            msg("{file} cannot be read as an Excel workbook ({reason})", file=p.name, reason=why)
        ) from None
    except BaseException as exc:
        if not reader_crashed(exc):
            raise
        raise reader_gave_up(p.name) from None
    return name, rows


def _read_rows(out: ForecastFile, sheet: str, rows: list[list[Any]], interval: int) -> None:
    header_row, cols = -1, {}
    aliases = _aliases()
    for r, row in enumerate(rows[:_HEADER_SCAN_ROWS]):
        normed = [_norm(v) for v in row]
        if any(n in aliases["date"] for n in normed):
            header_row = r
            for c, n in enumerate(normed):
                for key, names in aliases.items():
                    if n in names and key not in cols:
                        cols[key] = c
            break
    missing = [label for key, label in HEADERS if key not in cols]
    expected = ", ".join(render(label) for _k, label in HEADERS)
    if header_row < 0:
        out.problems.append(Problem(msg("no header row; the header row should read: {expected}",
                                        expected=expected), sheet=sheet))
        return
    if missing:
        listed = ", ".join(f'"{render(m)}"' for m in missing)
        out.problems.append(Problem(msg_n("missing column {names}; the header row should read: {expected}",
                                          "missing columns {names}; the header row should read: {expected}",
                                          len(missing), names=listed, expected=expected), sheet=sheet))
        return
    seen: dict[tuple[date, int], Where] = {}
    convert: list[tuple[str, Callable[[Any], Any], Msg]] = [
        ("date", to_date, msg("a date")),
        ("start", lambda v: to_start_minute(v, interval), msg("an interval start")),
        ("calls", to_calls, msg("the calls")),
        ("aht", to_aht, msg("the average handle time")),
    ]
    for r in range(header_row + 1, len(rows)):
        row = rows[r]
        if all(_blank(v) for v in row):
            continue
        got: dict[str, Any] = {}
        for key, fn, what in convert:
            c = cols[key]
            value = row[c] if c < len(row) else None
            where = Where(sheet, r + 1, c + 1)
            if _blank(value):
                out.problems.append(Problem(msg("{what} is missing", what=what), where))
                continue
            try:
                got[key] = fn(value)
            except _Bad as exc:
                out.problems.append(Problem(exc.msg, where))
        if len(got) != 4:
            continue
        key2 = (got["date"], got["start"])
        here = Where(sheet, r + 1, cols["start"] + 1)
        if key2 in seen:
            first = seen[key2]
            at = time(got["start"] // 60, got["start"] % 60)
            out.problems.append(Problem(
                msg("{day:date} {t:time} is already forecast in row {row}", day=got["date"], t=at,
                    row=first.row),
                here,
            ))
            continue
        seen[key2] = here
        out.intervals.append(ForecastInterval(got["date"], got["start"], got["calls"], got["aht"]))
    if not out.intervals and not out.problems:
        out.problems.append(Problem(msg("has no forecast rows under its header"), sheet=sheet))
