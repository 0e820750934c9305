"""``Store``: the only place that knows SQL, connections and transactions.

Every public method is one transaction and takes/returns core objects (``deskwfm.core.model``).
Reads run in ``BEGIN`` (a consistent snapshot), writes in ``BEGIN IMMEDIATE`` on SQLite.
Rows carry a ``version``; updates of employees, shift codes and the site name the version the
caller read, and a mismatch raises ``StaleEditError`` instead of overwriting another
workstation's change. Grid cells are checked by content (see ``CellWrite``).

Bulk API for importers (one transaction, all or nothing)::

    store.apply_bulk(employees=[Employee...], rates=[PayRate...], codes=[ShiftCode...],
                     shifts_set=[Shift...], shifts_clear=[(employee_code, work_date)...])
    -> BulkResult(employees_added, employees_updated, rates_set, codes_added, codes_updated,
                  shifts_set, shifts_cleared)

Upsert keys: employee ``code``; rate ``(employee_code, effective_from)``; shift code ``code``
(upper-cased); shift ``(employee_code, work_date)``. Incoming ``version`` fields are ignored
(the import is the authority); updated rows get version + 1. Employees referenced by rates or
shifts must exist in the database or in the same call, shift codes likewise (NotFoundError).
With ``expected=BulkRows(...)`` (what the caller saw of each row it writes) the write is refused
with ``BulkStaleError`` (a StaleEditError) and nothing is written if any of those rows changed;
that check runs in the write transaction itself, under the write lock (see ``store/bulk.py``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sqlalchemy import Connection, Engine, and_, bindparam, delete, func, insert, select, update
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError

from deskwfm.core.errors import DeskwfmError, InputError, NotFoundError, StaleEditError
from deskwfm.core.forecast import ForecastInterval
from deskwfm.core.model import Employee, PayRate, Shift, ShiftCode
from deskwfm.core.site import SiteSettings
from deskwfm.store import rows
from deskwfm.store.backup import backup_connection
from deskwfm.store.bulk import BulkResult, BulkRows, BulkStaleError, apply_bulk, upsert_rate
from deskwfm.store.convert import cents, money, rules_to_json
from deskwfm.store.engine import WRITE_OPTION, Target, create_sqlite_file, make_engine, resolve_target
from deskwfm.store.migrate import MigrationReport, ensure_schema
from deskwfm.store.rows import CODE, EMP, FORECAST, RATE, SHIFT, SITE, STAMP, CellKey, same_cell

_CELL_WHERE = and_(SHIFT.c.employee_id == bindparam("b_emp"), SHIFT.c.work_date == bindparam("b_day"))

__all__ = [
    "BulkResult", "BulkRows", "BulkStaleError", "CellKey", "CellResult", "CellWrite", "RangeData", "Store",
    "same_cell",
]


@dataclass(frozen=True, slots=True)
class CellWrite:
    """Set one grid cell to ``new`` (None clears it).

    With ``check`` the cell must still hold ``expected`` (same times, break, code and note;
    None = empty), else the whole write is refused with StaleEditError: undo/redo use this.
    With ``keep_note`` a replaced shift keeps the note the cell had.
    """

    employee_code: str
    work_date: date
    new: Shift | None
    check: bool = False
    expected: Shift | None = None
    keep_note: bool = False


@dataclass(frozen=True, slots=True)
class CellResult:
    employee_code: str
    work_date: date
    before: Shift | None
    after: Shift | None


@dataclass(frozen=True, slots=True)
class RangeData:
    """One consistent snapshot for the grid or the payroll (see ``Store.load_range``)."""

    site: SiteSettings | None
    employees: list[Employee]
    codes: list[ShiftCode]
    rates: dict[str, list[PayRate]]
    shifts: list[Shift]


class Store:
    def __init__(self, engine: Engine, target: Target, migration: MigrationReport | None = None) -> None:
        self.engine = engine
        self.target = target
        self.migration = migration  # what opening did to the schema (None: already current)

    # ----------------------------------------------------------------- opening
    @classmethod
    def open(cls, target: str | Path | None | Target = None, *, create: bool = False) -> Store:
        """Open a database, creating it (mode 0600) only with ``create``, and bring its schema to
        the newest revision (an older SQLite database is backed up first)."""
        t = target if isinstance(target, Target) else resolve_target(target)
        created = False
        if t.path is not None:
            if t.path.is_dir():
                raise InputError(f"{t.path} is a folder, not a database file")
            if not t.path.exists():
                if not create:
                    how = "deskwfm init" if target is None else f'deskwfm --db "{t.path}" init'
                    raise NotFoundError(f"no deskwfm database at {t.path}; create one with: {how}")
                if target is None:  # the default folder is created; any other must exist
                    t.path.parent.mkdir(parents=True, exist_ok=True)
                create_sqlite_file(t.path)
                created = True
        engine = make_engine(t)
        try:
            report = ensure_schema(engine, t)
        except BaseException as exc:
            engine.dispose()
            if created and t.path is not None:
                t.path.unlink(missing_ok=True)
            if isinstance(exc, DatabaseError):
                orig = getattr(exc, "orig", None)
                if isinstance(orig, sqlite3.DatabaseError) and "not a database" in str(orig):
                    raise InputError(f"{t.display} is not a deskwfm database") from None
                detail = (str(orig or exc).strip().splitlines() or ["unknown error"])[0]
                raise DeskwfmError(f"cannot open {t.display}: {detail}") from None
            raise
        return cls(engine, t, report)

    def close(self) -> None:
        self.engine.dispose()

    # ----------------------------------------------------------------- transactions
    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        try:
            with self.engine.connect().execution_options(**{WRITE_OPTION: True}) as conn, conn.begin():
                yield conn
                # Every committed write moves the stamp on (another window's cheap "anything new?").
                conn.execute(update(STAMP).where(STAMP.c.id == 1).values(stamp=STAMP.c.stamp + 1))
        except OperationalError as exc:
            if "locked" in str(exc.orig) or "busy" in str(exc.orig):
                raise DeskwfmError(
                    "the database is busy (another workstation is saving); try again"
                ) from None
            raise
        except IntegrityError as exc:
            raise InputError(f"that would break a database rule: {exc.orig}") from None

    # ----------------------------------------------------------------- backup
    def backup(self, dest: Path) -> Path:
        """Online backup of a SQLite database into the new file ``dest``."""
        if not self.target.is_sqlite:
            raise InputError(f"{self.target.display} is not a SQLite file; back up PostgreSQL with pg_dump")
        with self.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert isinstance(raw, sqlite3.Connection)
            return backup_connection(raw, dest)

    # ----------------------------------------------------------------- site
    def get_site(self) -> SiteSettings | None:
        with self._read() as conn:
            return rows.read_site(conn)

    def save_site(self, site: SiteSettings) -> SiteSettings:
        """Insert (``site.version == 0``, only into a database without one) or update checked."""
        values = {
            "name": site.name,
            "tz": site.tz,
            "week_start": site.week_start,
            "pay_period": site.pay_period.value,
            "period_anchor": site.period_anchor,
            "holiday_region": site.holiday_region,
            "currency": site.currency,
            "rules": rules_to_json(site.rules),
            "sl_target_pct": site.sl_target_pct,
            "sl_target_seconds": site.sl_target_seconds,
            "max_occupancy_pct": site.max_occupancy_pct,
            "shrinkage_pct": site.shrinkage_pct,
            "interval_minutes": site.interval_minutes,
        }
        with self._write() as conn:
            current = conn.execute(select(SITE.c.version).where(SITE.c.id == 1)).scalar()
            if site.version != (current or 0):
                raise StaleEditError("the site settings")
            if current is None:
                conn.execute(insert(SITE).values(id=1, version=1, **values))
            else:
                conn.execute(update(SITE).where(SITE.c.id == 1).values(version=current + 1, **values))
        return site.with_changes(version=(current or 0) + 1)

    # ----------------------------------------------------------------- snapshot
    def load_range(
        self,
        start: date,
        end: date,
        *,
        employee_codes: Sequence[str] | None = None,
        team: str | None = None,
        include_inactive: bool = False,
    ) -> RangeData:
        """Site, employees (ordered by team, code), codes, their rates and their shifts with work
        dates in start..end, read in one transaction (5 queries)."""
        with self._read() as conn:
            employees = rows.read_employees(
                conn, include_inactive=include_inactive, codes=employee_codes, team=team
            )
            filtered = employee_codes is not None or team is not None or not include_inactive
            codes = [e.code for e in employees] if filtered else None
            shifts = rows.read_shifts(conn, start, end, codes)
            return RangeData(
                rows.read_site(conn), employees, rows.read_codes(conn), rows.read_rates(conn, codes), shifts
            )

    # ----------------------------------------------------------------- employees
    def list_employees(
        self, *, include_inactive: bool = True, codes: Sequence[str] | None = None, team: str | None = None
    ) -> list[Employee]:
        """Ordered by team, then code."""
        with self._read() as conn:
            return rows.read_employees(conn, include_inactive=include_inactive, codes=codes, team=team)

    def get_employee(self, code: str) -> Employee:
        with self._read() as conn:
            row = conn.execute(select(EMP).where(EMP.c.code == code)).first()
        if row is None:
            raise NotFoundError(f"no employee with code {code}")
        return rows.employee_of(row)

    def teams(self) -> list[str]:
        with self._read() as conn:
            return list(conn.execute(select(EMP.c.team).distinct().order_by(EMP.c.team)).scalars())

    def add_employee(self, employee: Employee, rate: PayRate | None = None) -> Employee:
        """Insert a new employee (and a first rate). InputError if the code is taken."""
        with self._write() as conn:
            if conn.execute(select(EMP.c.id).where(EMP.c.code == employee.code)).first():
                raise InputError(f"employee code {employee.code} is already used")
            res = conn.execute(
                insert(EMP).values(code=employee.code, version=1, **rows.employee_values(employee))
            )
            if rate is not None:
                emp_id = res.inserted_primary_key[0]  # type: ignore[index]
                upsert_rate(conn, emp_id, rate.effective_from, cents(rate.hourly, "pay rate"))
        return replace(employee, version=1)

    def update_employee(self, employee: Employee) -> Employee:
        """Update by code, refused with StaleEditError unless ``employee.version`` is current."""
        with self._write() as conn:
            res = conn.execute(
                update(EMP)
                .where(EMP.c.code == employee.code, EMP.c.version == employee.version)
                .values(version=EMP.c.version + 1, **rows.employee_values(employee))
            )
            if res.rowcount == 0:
                rows.raise_missing_or_stale(conn, EMP, employee.code, f"employee {employee.code}")
        return replace(employee, version=employee.version + 1)

    # ----------------------------------------------------------------- rates
    def rates(self, employee_codes: Sequence[str] | None = None) -> dict[str, list[PayRate]]:
        """Rates per employee code, each list sorted by effective_from."""
        with self._read() as conn:
            return rows.read_rates(conn, employee_codes)

    def set_rate(self, rate: PayRate) -> PayRate:
        """Add a rate, replacing one of the same employee and date."""
        c = cents(rate.hourly, "pay rate")
        with self._write() as conn:
            emp_id = rows.employee_ids(conn, [rate.employee_code])[rate.employee_code]
            upsert_rate(conn, emp_id, rate.effective_from, c)
        return PayRate(rate.employee_code, rate.effective_from, money(c))

    def delete_rate(self, employee_code: str, effective_from: date) -> None:
        with self._write() as conn:
            emp_id = rows.employee_ids(conn, [employee_code])[employee_code]
            n = conn.execute(select(func.count()).where(RATE.c.employee_id == emp_id)).scalar_one()
            match = and_(RATE.c.employee_id == emp_id, RATE.c.effective_from == effective_from)
            if conn.execute(select(RATE.c.id).where(match)).first() is None:
                raise NotFoundError(f"{employee_code} has no rate from {effective_from.isoformat()}")
            if n <= 1:
                raise InputError(f"{employee_code} must keep at least one pay rate")
            conn.execute(delete(RATE).where(match))

    # ----------------------------------------------------------------- shift codes
    def list_codes(self) -> list[ShiftCode]:
        with self._read() as conn:
            return rows.read_codes(conn)

    def save_code(self, code: ShiftCode) -> ShiftCode:
        """``version == 0``: insert (InputError if the code exists); else update, version-checked."""
        key = code.code.upper()
        with self._write() as conn:
            if code.version == 0:
                if conn.execute(select(CODE.c.id).where(CODE.c.code == key)).first():
                    raise InputError(f"shift code {key} already exists")
                conn.execute(insert(CODE).values(code=key, version=1, **rows.code_values(code)))
            else:
                res = conn.execute(
                    update(CODE)
                    .where(CODE.c.code == key, CODE.c.version == code.version)
                    .values(version=CODE.c.version + 1, **rows.code_values(code))
                )
                if res.rowcount == 0:
                    rows.raise_missing_or_stale(conn, CODE, key, f"shift code {key}")
        return replace(code, code=key, version=code.version + 1)

    def delete_code(self, code: str) -> None:
        """InputError if shifts use it (naming how many)."""
        key = code.upper()
        with self._write() as conn:
            code_id = conn.execute(select(CODE.c.id).where(CODE.c.code == key)).scalar()
            if code_id is None:
                raise NotFoundError(f"no shift code {key}")
            used = conn.execute(select(func.count()).where(SHIFT.c.code_id == code_id)).scalar_one()
            if used:
                raise InputError(f"shift code {key} is used by {used} shift(s); change those first")
            conn.execute(delete(CODE).where(CODE.c.id == code_id))

    # ----------------------------------------------------------------- shifts
    def shifts_between(
        self, start: date, end: date, employee_codes: Sequence[str] | None = None
    ) -> list[Shift]:
        """Shifts with work dates in start..end (inclusive), ordered by employee code and date;
        the kind comes from the shift's code through a join (plain times are work)."""
        with self._read() as conn:
            return rows.read_shifts(conn, start, end, employee_codes)

    def cells(self, keys: Sequence[CellKey]) -> dict[CellKey, Shift]:
        with self._read() as conn:
            return rows.read_cells(conn, keys)

    def write_cells(self, writes: Sequence[CellWrite]) -> list[CellResult]:
        """Set grid cells in one transaction; returns before/after of the cells that changed."""
        if not writes:
            return []
        keys = [(w.employee_code, w.work_date) for w in writes]
        if len(set(keys)) != len(keys):
            raise InputError("the same cell is set twice in one edit")
        with self._write() as conn:
            emp_ids = rows.employee_ids(conn, {k[0] for k in keys})
            code_ids = rows.code_ids(conn)
            current = rows.read_cells(conn, keys)
            for w in writes:
                if w.check and not same_cell(current.get((w.employee_code, w.work_date)), w.expected):
                    raise StaleEditError(f"the shift of {w.employee_code} on {w.work_date:%a %Y-%m-%d}")
            changed: list[tuple[CellKey, Shift | None]] = []
            deletes: list[dict[str, object]] = []
            inserts: list[dict[str, object]] = []
            updates: list[dict[str, object]] = []
            for w, key in zip(writes, keys, strict=True):
                before = current.get(key)
                new = w.new
                if new is not None and w.keep_note and before is not None:
                    new = replace(new, note=before.note)
                if same_cell(before, new):
                    continue
                where = {"b_emp": emp_ids[w.employee_code], "b_day": w.work_date}
                if new is None:
                    deletes.append(where)
                elif before is None:
                    values = rows.shift_values(new, code_ids)
                    row = {"employee_id": where["b_emp"], "work_date": w.work_date, "version": 1}
                    inserts.append({**row, **values})
                else:
                    values = rows.shift_values(new, code_ids)
                    updates.append({**where, **{f"b_{k}": v for k, v in values.items()}})
                changed.append((key, before))
            # One executemany per kind: a 3,500-cell paste is three statements, not 3,500.
            if deletes:
                conn.execute(delete(SHIFT).where(_CELL_WHERE), deletes)
            if inserts:
                conn.execute(insert(SHIFT), inserts)
            if updates:
                cols = [k[2:] for k in updates[0] if k not in ("b_emp", "b_day")]
                stmt = (
                    update(SHIFT)
                    .where(_CELL_WHERE)
                    .values(version=SHIFT.c.version + 1, **{c: bindparam(f"b_{c}") for c in cols})
                )
                conn.execute(stmt, updates)
            after = rows.read_cells(conn, [k for k, _ in changed])
            results = [CellResult(k[0], k[1], before, after.get(k)) for k, before in changed]
        return results

    def apply_bulk(
        self,
        employees: Sequence[Employee] = (),
        rates: Sequence[PayRate] = (),
        codes: Sequence[ShiftCode] = (),
        shifts_set: Sequence[Shift] = (),
        shifts_clear: Sequence[CellKey] = (),
        *,
        expected: BulkRows | None = None,
    ) -> BulkResult:
        """Upsert everything in ONE transaction (keys in the module docstring). With
        ``expected``, BulkStaleError unless those rows still hold it, checked in that same
        transaction before anything is written."""
        with self._write() as conn:
            return apply_bulk(conn, employees, rates, codes, shifts_set, shifts_clear, expected)

    # ----------------------------------------------------------------- forecast
    def replace_forecast(self, start: date, end: date, intervals: Sequence[ForecastInterval]) -> int:
        """Make ``intervals`` the whole forecast of start..end (inclusive), in one transaction:
        every stored interval of those dates is removed first. Returns how many were stored."""
        outside = [i for i in intervals if not start <= i.work_date <= end]
        if outside:
            raise InputError(f"forecast for {outside[0].work_date.isoformat()} is outside "
                             f"{start.isoformat()}..{end.isoformat()}")
        keys = {(i.work_date, i.start_minute) for i in intervals}
        if len(keys) != len(intervals):
            raise InputError("the forecast has the same interval twice")
        with self._write() as conn:
            conn.execute(delete(FORECAST).where(FORECAST.c.work_date >= start, FORECAST.c.work_date <= end))
            if intervals:
                conn.execute(insert(FORECAST), [
                    {"work_date": i.work_date, "start_minute": i.start_minute, "calls": i.calls,
                     "aht_seconds": i.aht_seconds}
                    for i in intervals
                ])
        return len(intervals)

    def clear_forecast(self) -> int:
        """Delete every stored forecast interval; how many there were."""
        with self._write() as conn:
            return int(conn.execute(delete(FORECAST)).rowcount or 0)

    def forecast_count(self) -> int:
        with self._read() as conn:
            return int(conn.execute(select(func.count()).select_from(FORECAST)).scalar_one())

    def forecast_between(self, start: date, end: date) -> list[ForecastInterval]:
        """Forecast intervals with dates in start..end, ordered by date and start minute."""
        with self._read() as conn:
            return rows.read_forecast(conn, start, end)

    # ----------------------------------------------------------------- misc
    def change_stamp(self) -> int:
        """A number that changes whenever any workstation commits a change (one cheap read)."""
        with self._read() as conn:
            return int(conn.execute(select(STAMP.c.stamp).where(STAMP.c.id == 1)).scalar_one())

    def counts(self) -> dict[str, int]:
        """Row counts per table (status lines, tests)."""
        with self._read() as conn:
            return {
                t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
                for t in (EMP, RATE, CODE, SHIFT, SITE, FORECAST)
            }
