"""``Store``: the only place that knows SQL, connections and transactions.

Reads run in ``BEGIN`` (one consistent snapshot each). There is exactly one way to write:
``Store.apply(change_set)``, which in one transaction checks that every row the caller addressed
still holds what the caller saw, checks pay-period locks, writes, and appends hash-chained audit
rows naming who did it (``store/write.py``, ``store/audit.py``). Writers are serialised: SQLite's
``BEGIN IMMEDIATE`` takes the database's write lock up front; on PostgreSQL every write
transaction first takes one transaction-level advisory lock, so the compare and the write are
atomic under READ COMMITTED too, and a row inserted by another workstation a moment earlier is
seen (reported as changed elsewhere, never as a duplicate-key error).
"""

from __future__ import annotations

import getpass
import socket
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import Connection, Engine, func, select, text, update
from sqlalchemy.exc import DatabaseError, DataError, IntegrityError, OperationalError

from deskwfm.core.absence import AbsenceCode
from deskwfm.core.actual import ActualDay
from deskwfm.core.approvals import Actor, Approval, PeriodState
from deskwfm.core.audit_records import AuditEntry, VerifyResult
from deskwfm.core.changes import AppliedSet, ChangeSet
from deskwfm.core.errors import DeskwfmError, InputError, NotFoundError
from deskwfm.core.forecast import ForecastInterval
from deskwfm.core.messages import msg
from deskwfm.core.model import Employee, PayRate, Shift, ShiftCode
from deskwfm.core.site import SiteSettings
from deskwfm.store import audit, rows
from deskwfm.store.backup import backup_connection
from deskwfm.store.engine import WRITE_OPTION, Target, create_sqlite_file, make_engine, resolve_target
from deskwfm.store.migrate import MigrationReport, ensure_schema
from deskwfm.store.rows import CODE, EMP, FORECAST, RATE, SHIFT, SITE, STAMP, CellKey, same_cell
from deskwfm.store.write import ChangedElsewhere, FollowUp, apply_changes

__all__ = ["CellKey", "ChangedElsewhere", "RangeData", "Store", "same_cell"]

# Any fixed 64-bit number: the one advisory lock every deskwfm writer takes on PostgreSQL.
PG_WRITER_LOCK = 0x6465736B77666D  # "deskwfm"


def local_actor() -> Actor:
    """The operating-system login and this workstation's name."""
    try:
        user = getpass.getuser()
    except Exception:  # no login name (some containers, services)
        user = "unknown"
    return Actor(user[:100], (socket.gethostname() or "unknown")[:200])


@dataclass(frozen=True, slots=True)
class RangeData:
    """One consistent snapshot for the grid or the payroll (see ``Store.load_range``)."""

    site: SiteSettings | None
    employees: list[Employee]
    codes: list[ShiftCode]
    rates: dict[str, list[PayRate]]
    shifts: list[Shift]
    # with ``load_range(..., actual=True)``: actual time over the same dates and the absence codes
    actual: list[ActualDay] = field(default_factory=list)
    absence_codes: list[AbsenceCode] = field(default_factory=list)


class Store:
    def __init__(
        self, engine: Engine, target: Target, migration: MigrationReport | None = None,
        actor: Actor | None = None,
    ) -> None:
        self.engine = engine
        self.target = target
        self.migration = migration  # what opening did to the schema (None: already current)
        self.actor = actor or local_actor()
        self._role_known = target.is_sqlite
        self.audit_enabled = True  # bench/bench_audit.py alone turns it off, to measure its cost
        # The change stamps this Store's own commits set (each commit moves the stamp by one),
        # so a window can tell its own writes from another workstation's (``moved_elsewhere``).
        self._own_stamps: set[int] = set()

    # ----------------------------------------------------------------- opening
    @classmethod
    def open(cls, target: str | Path | None | Target = None, *, create: bool = False) -> Store:
        """Open a database, creating it (mode 0600) only with ``create``, and bring its schema to
        the newest revision (an older SQLite database is backed up first)."""
        t = target if isinstance(target, Target) else resolve_target(target)
        created = False
        if t.path is not None:
            if t.path.is_dir():
                raise InputError(msg("{file} is a folder, not a database file", file=str(t.path)))
            if not t.path.exists():
                if not create:
                    how = "deskwfm init" if target is None else f'deskwfm --db "{t.path}" init'
                    raise NotFoundError(msg("no deskwfm database at {file}; create one with: {command}",
                                            file=str(t.path), command=how))
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
                    raise InputError(msg("{db} is not a deskwfm database", db=t.display)) from None
                detail = (str(orig or exc).strip().splitlines() or ["?"])[0]
                raise DeskwfmError(msg("cannot open {db}: {reason}", db=t.display, reason=detail)) from None
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
        """One write transaction holding the writers' lock (see the module docstring); every
        commit moves the change stamp on. Driver errors become one user-readable line."""
        try:
            with self.engine.connect().execution_options(**{WRITE_OPTION: True}) as conn, conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_WRITER_LOCK})
                yield conn
                # Every committed write moves the stamp on (another window's cheap "anything new?").
                conn.execute(update(STAMP).where(STAMP.c.id == 1).values(stamp=STAMP.c.stamp + 1))
                stamp = int(conn.execute(select(STAMP.c.stamp).where(STAMP.c.id == 1)).scalar_one())
            # committed: recorded after the commit, so a failed write is never taken for our own
            self._own_stamps.add(stamp)
        except OperationalError as exc:
            raise self._driver_error(exc) from None
        except DataError:
            raise InputError(
                msg("a value is too large or of the wrong kind for the database; nothing was changed")
            ) from None
        except IntegrityError:
            raise InputError(msg("that would break a database rule; nothing was changed")) from None

    def _driver_error(self, exc: OperationalError) -> DeskwfmError:
        """One line for an operational failure; never SQL, parameters or a driver's traceback."""
        reason = str(exc.orig).lower()
        where = self.target.display
        if "disk is full" in reason or "no space" in reason or "disk full" in reason:
            return DeskwfmError(msg("the disk holding {file} is full; nothing was changed", file=where))
        if "locked" in reason or "busy" in reason:
            return DeskwfmError(msg("the database is busy (another workstation is saving); try again"))
        if "readonly" in reason or "read-only" in reason or "permission" in reason:
            return DeskwfmError(
                msg("{file} cannot be written (read-only or no permission); nothing was changed", file=where)
            )
        return DeskwfmError(msg("writing to {file} failed ({reason}); nothing was changed", file=where,
                                reason=(str(exc.orig).strip().splitlines() or ["?"])[0][:200]))

    # ----------------------------------------------------------------- the one write path
    def apply(self, changes: ChangeSet, follow_up: FollowUp | None = None) -> AppliedSet:
        """Apply a change set in ONE transaction: check what the caller expected (refused with
        ``ChangedElsewhere``), check pay-period locks (``PeriodLockedError``), write, and append
        the audit rows. ``follow_up`` may add the changes these imply (cleared approvals), in the
        same transaction. Returns the rows that changed, with their before and after."""
        from dataclasses import replace as _replace

        with self._write() as conn:
            if not self._role_known:
                role = conn.execute(text("SELECT current_user")).scalar()
                self.actor = _replace(self.actor, db_role=str(role or ""))
                self._role_known = True
            result = apply_changes(conn, self.actor, changes, follow_up, audit_rows=self.audit_enabled)
        return result

    # ----------------------------------------------------------------- backup
    def backup(self, dest: Path) -> Path:
        """Online backup of a SQLite database into the new file ``dest``."""
        if not self.target.is_sqlite:
            raise InputError(
                msg("{db} is not a SQLite file; back up PostgreSQL with pg_dump", db=self.target.display)
            )
        with self.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert isinstance(raw, sqlite3.Connection)
            return backup_connection(raw, dest)

    # ----------------------------------------------------------------- site
    def get_site(self) -> SiteSettings | None:
        with self._read() as conn:
            return rows.read_site(conn)

    # ----------------------------------------------------------------- snapshot
    def load_range(
        self,
        start: date,
        end: date,
        *,
        employee_codes: Sequence[str] | None = None,
        team: str | None = None,
        include_inactive: bool = False,
        actual: bool = False,
    ) -> RangeData:
        """Site, employees (ordered by team, code), codes, their rates and their shifts with work
        dates in start..end, read in one transaction (5 queries); with ``actual`` also their
        actual time over the same dates and the absence codes."""
        with self._read() as conn:
            employees = rows.read_employees(
                conn, include_inactive=include_inactive, codes=employee_codes, team=team
            )
            filtered = employee_codes is not None or team is not None or not include_inactive
            codes = [e.code for e in employees] if filtered else None
            shifts = rows.read_shifts(conn, start, end, codes)
            data = RangeData(
                rows.read_site(conn), employees, rows.read_codes(conn), rows.read_rates(conn, codes), shifts
            )
            if actual:
                data.actual.extend(rows.read_actual(conn, start, end, codes))
                data.absence_codes.extend(rows.read_absence_codes(conn))
            return data

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
            raise NotFoundError(msg("no employee with code {code}", code=code))
        return rows.employee_of(row)

    def teams(self) -> list[str]:
        with self._read() as conn:
            return list(conn.execute(select(EMP.c.team).distinct().order_by(EMP.c.team)).scalars())

    # ----------------------------------------------------------------- rates
    def rates(self, employee_codes: Sequence[str] | None = None) -> dict[str, list[PayRate]]:
        """Rates per employee code, each list sorted by effective_from."""
        with self._read() as conn:
            return rows.read_rates(conn, employee_codes)

    # ----------------------------------------------------------------- shift codes
    def list_codes(self) -> list[ShiftCode]:
        with self._read() as conn:
            return rows.read_codes(conn)

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

    # ----------------------------------------------------------------- actual time
    def actual_between(
        self, start: date, end: date, employee_codes: Sequence[str] | None = None
    ) -> list[ActualDay]:
        """Actual time with work dates in start..end, ordered by employee code and date."""
        with self._read() as conn:
            return rows.read_actual(conn, start, end, employee_codes)

    def actual_cells(self, keys: Sequence[CellKey]) -> dict[CellKey, ActualDay]:
        with self._read() as conn:
            return rows.read_actual_cells(conn, keys)

    def absence_codes(self) -> list[AbsenceCode]:
        with self._read() as conn:
            return rows.read_absence_codes(conn)

    # ----------------------------------------------------------------- forecast
    def forecast_count(self) -> int:
        with self._read() as conn:
            return int(conn.execute(select(func.count()).select_from(FORECAST)).scalar_one())

    def forecast_between(self, start: date, end: date) -> list[ForecastInterval]:
        """Forecast intervals with dates in start..end, ordered by date and start minute."""
        with self._read() as conn:
            return rows.read_forecast(conn, start, end)

    # ----------------------------------------------------------------- pay periods
    def periods(self) -> list[PeriodState]:
        """Pay periods that were ever approved, locked or reopened (others are open)."""
        with self._read() as conn:
            return rows.read_periods(conn)

    def approvals(
        self, period_starts: Sequence[date] | None = None, codes: Sequence[str] | None = None
    ) -> list[Approval]:
        with self._read() as conn:
            return rows.read_approvals(conn, period_starts, codes)

    def snapshots(self, period_start: date, lock_no: int) -> dict[str, str]:
        """Employee code -> payroll JSON stored by the ``lock_no``-th lock of a period."""
        with self._read() as conn:
            return rows.read_snapshots(conn, period_start, lock_no)

    # ----------------------------------------------------------------- audit
    def audit_entries(
        self,
        *,
        first: date | None = None,
        last: date | None = None,
        employee: str | None = None,
        actor: str | None = None,
        how: str | None = None,
        entity: str | None = None,
        key: str | None = None,
        limit: int | None = None,
    ) -> list[AuditEntry]:
        """Audit rows, newest first (filters: the day a change is about, employee, who, how,
        entity, an exact key)."""
        with self._read() as conn:
            return audit.read_entries(
                conn, first=first, last=last, employee=employee, actor=actor, how=how, entity=entity,
                key=key, limit=limit,
            )

    def audit_actors(self) -> list[str]:
        with self._read() as conn:
            q = select(rows.AUDIT_BATCH.c.actor).distinct().order_by(rows.AUDIT_BATCH.c.actor)
            return list(conn.execute(q).scalars())

    def verify_audit(self) -> VerifyResult:
        """Walk the audit chain (see ``store/audit.py``)."""
        with self._read() as conn:
            return audit.verify(conn)

    def audit_head(self) -> tuple[int, str]:
        """The newest audit row's id and hash (the chain's head)."""
        with self._read() as conn:
            row = conn.execute(select(STAMP.c.audit_last_id, STAMP.c.audit_hash).where(STAMP.c.id == 1)).one()
            return int(row[0]), str(row[1] or audit.GENESIS)

    # ----------------------------------------------------------------- misc
    def change_stamp(self) -> int:
        """A number that changes whenever any workstation commits a change (one cheap read)."""
        with self._read() as conn:
            return int(conn.execute(select(STAMP.c.stamp).where(STAMP.c.id == 1)).scalar_one())

    def moved_elsewhere(self, since: int) -> tuple[int, bool]:
        """The change stamp now, and whether a commit other than this Store's own moved it
        past ``since`` (another workstation, or another program on this one). A stamp that went
        back (the file was restored from a backup) moved elsewhere too."""
        now = self.change_stamp()
        return now, now < since or any(s not in self._own_stamps for s in range(since + 1, now + 1))

    def counts(self) -> dict[str, int]:
        """Row counts per table (status lines, tests)."""
        with self._read() as conn:
            return {
                t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
                for t in (EMP, RATE, CODE, SHIFT, SITE, FORECAST, rows.AUDIT, rows.ACTUAL, rows.ABSENCE)
            }
