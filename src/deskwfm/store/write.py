"""The engine behind ``Store.apply``, the one write path.

Inside the caller's write transaction (SQLite ``BEGIN IMMEDIATE``; PostgreSQL holds the
database-wide writer lock, see ``engine.py``), a change set is applied in four steps:

1. **check**: read every addressed row; any row that no longer holds what the caller expected
   refuses the whole set (``ChangedElsewhere``), compared by content;
2. **lock**: any change that would alter a locked pay period refuses the whole set
   (``PeriodLockedError``, ``core.locks``);
3. **write**: rows that really change are written, one executemany per table and kind;
4. **audit**: one hash-chained audit row per changed row (``store/audit.py``).

A ``follow_up`` (from the services) may then add changes that the first ones imply — clearing the
approval of an employee whose pay changed — applied the same way, in the same transaction.
Each entity has a small handler that knows its table: how to read rows by key, compare them,
write them and describe them for the audit trail.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Protocol

from sqlalchemy import Connection, and_, bindparam, delete, func, insert, select, update

from deskwfm.core.absence import AbsenceCode
from deskwfm.core.actual import ActualDay
from deskwfm.core.actual_entry import format_actual
from deskwfm.core.approvals import Actor, Approval, PeriodState, PeriodStatus
from deskwfm.core.changes import Applied, AppliedSet, Change, ChangeSet, Entity, How
from deskwfm.core.entry import shift_text
from deskwfm.core.errors import InputError, StaleEditError
from deskwfm.core.forecast import ForecastInterval
from deskwfm.core.locks import (
    DateRange,
    PeriodLockedError,
    actual_days,
    first_locked,
    rate_window,
    shift_days,
)
from deskwfm.core.messages import Msg, msg, msg_n
from deskwfm.core.model import Employee, PayRate, Shift, ShiftCode
from deskwfm.core.site import SiteSettings
from deskwfm.store import audit, rows
from deskwfm.store.convert import cents, rules_to_json, timekeeping_to_json
from deskwfm.store.rows import (
    ABSENCE,
    ACTUAL,
    APPROVAL,
    CODE,
    EMP,
    FORECAST,
    PERIOD,
    RATE,
    SHIFT,
    SITE,
    SNAPSHOT,
    same_cell,
)

Key = tuple[object, ...]
FollowUp = Callable[["TxReader", AppliedSet], Sequence[Change]]


class ChangedElsewhere(StaleEditError):
    """Rows no longer hold what the caller saw; nothing was written. ``now`` gives, for each
    such row, its entity, key and current value (None: no such row)."""

    def __init__(self, now: list[tuple[Entity, Key, object | None]]) -> None:
        self.now = now
        first = describe(now[0][0], now[0][1])
        what = (
            first
            if len(now) == 1
            else msg_n(
                "{first} and {count} other row", "{first} and {count} other rows", len(now) - 1, first=first
            )
        )
        super().__init__(what)


def describe(entity: Entity, key: Key) -> Msg:
    """How a message names a row: "the shift of AG014 on Tue 2026-11-24", "employee AG014"."""
    if entity is Entity.SHIFT:
        return msg("the shift of {code} on {day:day}", code=key[0], day=key[1])
    if entity is Entity.EMPLOYEE:
        return msg("employee {code}", code=key[0])
    if entity is Entity.RATE:
        return msg("the pay rate of {code} from {day:date}", code=key[0], day=key[1])
    if entity is Entity.RATE_LIST:
        return msg("the pay rates of {code}", code=key[0])
    if entity is Entity.CODE:
        return msg("shift code {code}", code=key[0])
    if entity is Entity.SITE:
        return msg("the site settings")
    if entity is Entity.FORECAST:
        minute = int(str(key[1]))
        return msg("the forecast of {day:day} {hh:02d}:{mm:02d}", day=key[0], hh=minute // 60, mm=minute % 60)
    if entity is Entity.APPROVAL:
        return msg("the approval of {code} for the pay period from {day:date}", code=key[1], day=key[0])
    if entity is Entity.ACTUAL:
        return msg("the actual time of {code} on {day:day}", code=key[0], day=key[1])
    if entity is Entity.ABSENCE_CODE:
        return msg("absence code {code}", code=key[0])
    return msg("the pay period from {day:date}", day=key[0])


class TxReader:
    """Reads inside the write transaction (for follow-ups): the same queries as the Store's."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def site(self) -> SiteSettings | None:
        return rows.read_site(self.conn)

    def employees(self, codes: Sequence[str]) -> list[Employee]:
        return rows.read_employees(self.conn, codes=codes)

    def rates(self, codes: Sequence[str]) -> dict[str, list[PayRate]]:
        return rows.read_rates(self.conn, codes)

    def shifts(self, start: date, end: date, codes: Sequence[str]) -> list[Shift]:
        return rows.read_shifts(self.conn, start, end, codes)

    def approvals(self, codes: Sequence[str]) -> list[Approval]:
        return rows.read_approvals(self.conn, codes=codes)

    def open_approvals(self) -> list[Approval]:
        """Approvals in periods that are not locked (locked periods keep theirs)."""
        locked = {p.start for p in rows.read_periods(self.conn) if p.locked}
        return [a for a in rows.read_approvals(self.conn) if a.period_start not in locked]

    def periods(self) -> list[PeriodState]:
        return rows.read_periods(self.conn)

    def actual(self, start: date, end: date, codes: Sequence[str]) -> list[ActualDay]:
        return rows.read_actual(self.conn, start, end, codes)

    def absence_codes(self) -> list[AbsenceCode]:
        return rows.read_absence_codes(self.conn)


# ---------------------------------------------------------------- handlers
class Handler(Protocol):
    entity: Entity

    def read(self, tx: _Tx, keys: list[Key]) -> dict[Key, Any]: ...
    def same(self, a: Any, b: Any) -> bool: ...
    def upsert(self, tx: _Tx, items: list[Applied]) -> None: ...
    def remove(self, tx: _Tx, items: list[Applied]) -> None: ...
    def text(self, value: Any) -> str | None: ...


def _json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


@dataclass
class _Tx:
    conn: Connection
    audit_rows: bool = True
    _emp_ids: dict[str, int] | None = None
    _code_ids: dict[str, int] | None = None
    rate_lists: dict[str, list[PayRate]] = field(default_factory=dict)
    absence_ids: dict[str, int] | None = None

    def emp_ids(self, codes: Iterable[str]) -> dict[str, int]:
        wanted = set(codes)
        if self._emp_ids is None or not wanted <= self._emp_ids.keys():
            self._emp_ids = {**(self._emp_ids or {}), **rows.employee_ids(self.conn, wanted)}
        return self._emp_ids

    def code_ids(self) -> dict[str, int]:
        if self._code_ids is None:
            self._code_ids = rows.code_ids(self.conn)
        return self._code_ids

    def absence_code_ids(self) -> dict[str, int]:
        if self.absence_ids is None:
            self.absence_ids = rows.absence_code_ids(self.conn)
        return self.absence_ids

    def many(self, sql: str, params: list[tuple[object, ...]]) -> None:
        """executemany of plain SQL written with ``?`` marks, on either back end."""
        if self.conn.dialect.paramstyle != "qmark":
            sql = sql.replace("?", "%s")
        self.conn.exec_driver_sql(sql, params)

    def day_param(self, d: object) -> object:
        """A date as the driver stores it (ISO text on SQLite, as SQLAlchemy's Date does)."""
        return d.isoformat() if self.conn.dialect.name == "sqlite" and isinstance(d, date) else d


class _SiteHandler:
    entity = Entity.SITE

    def read(self, tx: _Tx, keys: list[Key]) -> dict[Key, Any]:
        site = rows.read_site(tx.conn)
        return {(): site} if site is not None else {}

    def same(self, a: SiteSettings | None, b: SiteSettings | None) -> bool:
        if a is None or b is None:
            return a is b
        return replace(a, version=0) == replace(b, version=0)

    @staticmethod
    def _values(s: SiteSettings) -> dict[str, Any]:
        return {
            "name": s.name,
            "tz": s.tz,
            "week_start": s.week_start,
            "pay_period": s.pay_period.value,
            "period_anchor": s.period_anchor,
            "holiday_region": s.holiday_region,
            "currency": s.currency,
            "rules": rules_to_json(s.rules),
            "sl_target_pct": s.sl_target_pct,
            "sl_target_seconds": s.sl_target_seconds,
            "max_occupancy_pct": s.max_occupancy_pct,
            "shrinkage_pct": s.shrinkage_pct,
            "interval_minutes": s.interval_minutes,
            "timekeeping": timekeeping_to_json(s.timekeeping),
            "auto_starts": ",".join(f"{t:%H:%M}" for t in s.auto_starts),
            "auto_lengths": ",".join(str(n) for n in s.auto_lengths),
        }

    def upsert(self, tx: _Tx, items: list[Applied]) -> None:
        for a in items:
            assert isinstance(a.after, SiteSettings)
            values = self._values(a.after)
            if a.before is None:
                tx.conn.execute(insert(SITE).values(id=1, version=1, **values))
            else:
                stmt = update(SITE).where(SITE.c.id == 1).values(version=SITE.c.version + 1, **values)
                tx.conn.execute(stmt)

    def remove(self, tx: _Tx, items: list[Applied]) -> None:
        raise InputError(msg("the site settings cannot be removed"))

    def text(self, value: SiteSettings | None) -> str | None:
        if value is None:
            return None
        v = self._values(value)
        v["period_anchor"] = value.period_anchor.isoformat()
        v["rules"] = json.loads(v["rules"])
        v["timekeeping"] = json.loads(v["timekeeping"])
        return _json(v)


class _CodeHandler:
    entity = Entity.CODE

    def read(self, tx: _Tx, keys: list[Key]) -> dict[Key, Any]:
        wanted = {str(k[0]).upper() for k in keys}
        return {(c.code.upper(),): c for c in rows.read_codes(tx.conn) if c.code.upper() in wanted}

    def same(self, a: ShiftCode | None, b: ShiftCode | None) -> bool:
        if a is None or b is None:
            return a is b
        return rows.code_values(a) | {"colour": a.colour.lower()} == rows.code_values(b) | {
            "colour": b.colour.lower()
        }

    def upsert(self, tx: _Tx, items: list[Applied]) -> None:
        for a in items:
            assert isinstance(a.after, ShiftCode)
            key = str(a.key[0]).upper()
            if a.before is None:
                tx.conn.execute(insert(CODE).values(code=key, version=1, **rows.code_values(a.after)))
            else:
                tx.conn.execute(
                    update(CODE)
                    .where(CODE.c.code == key)
                    .values(version=CODE.c.version + 1, **rows.code_values(a.after))
                )
        tx._code_ids = None

    def remove(self, tx: _Tx, items: list[Applied]) -> None:
        for a in items:
            key = str(a.key[0]).upper()
            code_id = tx.conn.execute(select(CODE.c.id).where(CODE.c.code == key)).scalar_one()
            used = tx.conn.execute(select(func.count()).where(SHIFT.c.code_id == code_id)).scalar_one()
            if used:
                raise InputError(
                    msg_n(
                        "shift code {code} is used by {count} shift; change it first",
                        "shift code {code} is used by {count} shifts; change those first",
                        int(used),
                        code=key,
                    )
                )
            tx.conn.execute(delete(CODE).where(CODE.c.id == code_id))
        tx._code_ids = None

    def text(self, value: ShiftCode | None) -> str | None:
        if value is None:
            return None
        v = rows.code_values(value)
        return _json(v)


class _EmployeeHandler:
    entity = Entity.EMPLOYEE

    def read(self, tx: _Tx, keys: list[Key]) -> dict[Key, Any]:
        return {(e.code,): e for e in rows.read_employees(tx.conn, codes=[str(k[0]) for k in keys])}

    def same(self, a: Employee | None, b: Employee | None) -> bool:
        if a is None or b is None:
            return a is b
        return bool(rows.employee_values(a) == rows.employee_values(b))

    def upsert(self, tx: _Tx, items: list[Applied]) -> None:
        new_rows = []
        upd_rows = []
        for a in items:
            assert isinstance(a.after, Employee)
            values = rows.employee_values(a.after)
            if a.before is None:
                new_rows.append({"code": a.key[0], "version": 1, **values})
            else:
                upd_rows.append({"b_code": a.key[0], **{f"v_{k}": v for k, v in values.items()}})
        if new_rows:
            tx.conn.execute(insert(EMP), new_rows)
            tx._emp_ids = None
        if upd_rows:
            stmt = (
                update(EMP)
                .where(EMP.c.code == bindparam("b_code"))
                .values(version=EMP.c.version + 1, **rows.set_params(upd_rows[0]))
            )
            tx.conn.execute(stmt, upd_rows)

    def remove(self, tx: _Tx, items: list[Applied]) -> None:
        raise InputError(msg("employees are never deleted; mark them inactive instead"))

    def text(self, value: Employee | None) -> str | None:
        return None if value is None else _json(rows.employee_values(value))


class _RateHandler:
    entity = Entity.RATE

    def read(self, tx: _Tx, keys: list[Key]) -> dict[Key, Any]:
        codes = sorted({str(k[0]) for k in keys})
        tx.rate_lists = rows.read_rates(tx.conn, codes)
        wanted = set(keys)
        return {
            (r.employee_code, r.effective_from): r
            for lst in tx.rate_lists.values()
            for r in lst
            if (r.employee_code, r.effective_from) in wanted
        }

    def same(self, a: PayRate | None, b: PayRate | None) -> bool:
        if a is None or b is None:
            return a is b
        return a.hourly == b.hourly

    def upsert(self, tx: _Tx, items: list[Applied]) -> None:
        ids = tx.emp_ids(str(a.key[0]) for a in items)
        ins, upd = [], []
        for a in items:
            assert isinstance(a.after, PayRate)
            c = cents(a.after.hourly, "pay rate")
            row = {"employee_id": ids[str(a.key[0])], "effective_from": a.key[1], "hourly_cents": c}
            if a.before is None:
                ins.append(row)
            else:
                upd.append({"b_emp": row["employee_id"], "b_eff": a.key[1], "v_hourly_cents": c})
        if ins:
            tx.conn.execute(insert(RATE), ins)
        if upd:
            tx.conn.execute(
                update(RATE)
                .where(RATE.c.employee_id == bindparam("b_emp"), RATE.c.effective_from == bindparam("b_eff"))
                .values(hourly_cents=bindparam("v_hourly_cents")),
                upd,
            )

    def remove(self, tx: _Tx, items: list[Applied]) -> None:
        ids = tx.emp_ids(str(a.key[0]) for a in items)
        for a in items:
            tx.conn.execute(
                delete(RATE).where(
                    RATE.c.employee_id == ids[str(a.key[0])], RATE.c.effective_from == a.key[1]
                )
            )

    def text(self, value: PayRate | None) -> str | None:
        return None if value is None else _json({"hourly": str(value.hourly)})


class _RateListHandler:
    """Check only: an employee's whole list of rates, for a writer whose choice depended on the
    rate in force (an import adding a rate from today). Writing it is a programming error."""

    entity = Entity.RATE_LIST

    def read(self, tx: _Tx, keys: list[Key]) -> dict[Key, Any]:
        lists = rows.read_rates(tx.conn, sorted({str(k[0]) for k in keys}))
        return {k: tuple(lists.get(str(k[0]), ())) for k in keys}

    def same(self, a: Sequence[PayRate] | None, b: Sequence[PayRate] | None) -> bool:
        def key(v: Sequence[PayRate] | None) -> list[tuple[date, object]]:
            return [(r.effective_from, r.hourly) for r in v or ()]

        return key(a) == key(b)

    def upsert(self, tx: _Tx, items: list[Applied]) -> None:
        raise AssertionError("a rate list is only checked; write rates one by one")

    remove = upsert

    def text(self, value: object) -> str | None:
        return None


_CELL = and_(SHIFT.c.employee_id == bindparam("b_emp"), SHIFT.c.work_date == bindparam("b_day"))


class _ShiftHandler:
    entity = Entity.SHIFT

    def read(self, tx: _Tx, keys: list[Key]) -> dict[Key, Any]:
        cells = rows.read_cells(tx.conn, [(str(k[0]), k[1]) for k in keys])  # type: ignore[misc]
        return dict(cells.items())

    def same(self, a: Shift | None, b: Shift | None) -> bool:
        return same_cell(a, b)

    # The hot path of every paste, fill and import: plain SQL and tuples through the driver's
    # executemany (SQLAlchemy's per-row parameter processing was a third of a 3,500-cell paste).
    _INSERT = (
        "INSERT INTO shifts (employee_id, work_date, start_min, end_min, break_minutes, code_id, note, "
        "break_start_min, paid_breaks, paid_break_minutes, paid_break_starts, version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"
    )
    _UPDATE = (
        "UPDATE shifts SET start_min = ?, end_min = ?, break_minutes = ?, code_id = ?, note = ?, "
        "break_start_min = ?, paid_breaks = ?, paid_break_minutes = ?, paid_break_starts = ?, "
        "version = version + 1 WHERE employee_id = ? AND work_date = ?"
    )
    _DELETE = "DELETE FROM shifts WHERE employee_id = ? AND work_date = ?"

    def upsert(self, tx: _Tx, items: list[Applied]) -> None:
        ids = tx.emp_ids(str(a.key[0]) for a in items)
        code_ids = tx.code_ids()
        inserts: list[tuple[object, ...]] = []
        updates: list[tuple[object, ...]] = []
        day = tx.day_param
        for a in items:
            assert isinstance(a.after, Shift)
            v = rows.shift_values(a.after, code_ids)
            values = (
                v["start_min"],
                v["end_min"],
                v["break_minutes"],
                v["code_id"],
                v["note"],
                v["break_start_min"],
                v["paid_breaks"],
                v["paid_break_minutes"],
                v["paid_break_starts"],
            )
            emp = ids[str(a.key[0])]
            if a.before is None:
                inserts.append((emp, day(a.key[1]), *values))
            else:
                updates.append((*values, emp, day(a.key[1])))
        # One executemany per kind: a 3,500-cell paste is two statements, not 3,500.
        if inserts:
            tx.many(self._INSERT, inserts)
        if updates:
            tx.many(self._UPDATE, updates)

    def remove(self, tx: _Tx, items: list[Applied]) -> None:
        ids = tx.emp_ids(str(a.key[0]) for a in items)
        tx.many(self._DELETE, [(ids[str(a.key[0])], tx.day_param(a.key[1])) for a in items])

    _texts: dict[tuple[object, ...], str] = {}

    def text(self, value: Shift | None) -> str | None:
        """``{"entry":"09:00-17:00/30"}`` (plus the note): shifts repeat a few patterns, and an
        entry holds only digits, letters and ``:-/@_+``, so the JSON is built once per pattern."""
        if value is None:
            return None
        key = (value.start, value.end, value.break_minutes, value.code, value.break_start, value.paid_breaks,
               value.paid_break_minutes, value.paid_break_starts)
        base = self._texts.get(key)
        if base is None:
            entry = shift_text(value)
            base = _json({"entry": entry})
            if len(self._texts) < 50_000:
                self._texts[key] = base
        if value.note:
            return _json({"entry": json.loads(base)["entry"], "note": value.note})
        return base


class _AbsenceCodeHandler:
    entity = Entity.ABSENCE_CODE

    def read(self, tx: _Tx, keys: list[Key]) -> dict[Key, Any]:
        wanted = {str(k[0]).upper() for k in keys}
        return {(c.code.upper(),): c for c in rows.read_absence_codes(tx.conn) if c.code.upper() in wanted}

    def same(self, a: AbsenceCode | None, b: AbsenceCode | None) -> bool:
        if a is None or b is None:
            return a is b
        return bool(rows.absence_code_values(a) == rows.absence_code_values(b))

    def upsert(self, tx: _Tx, items: list[Applied]) -> None:
        for a in items:
            assert isinstance(a.after, AbsenceCode)
            key = str(a.key[0]).upper()
            values = rows.absence_code_values(a.after)
            if a.before is None:
                tx.conn.execute(insert(ABSENCE).values(code=key, version=1, **values))
            else:
                tx.conn.execute(
                    update(ABSENCE)
                    .where(ABSENCE.c.code == key)
                    .values(version=ABSENCE.c.version + 1, **values)
                )
        tx.absence_ids = None

    def remove(self, tx: _Tx, items: list[Applied]) -> None:
        for a in items:
            key = str(a.key[0]).upper()
            code_id = tx.conn.execute(select(ABSENCE.c.id).where(ABSENCE.c.code == key)).scalar_one()
            used = tx.conn.execute(
                select(func.count()).where(ACTUAL.c.absence_code_id == code_id)
            ).scalar_one()
            if used:
                raise InputError(
                    msg_n(
                        "absence code {code} is recorded on {count} day; change it first",
                        "absence code {code} is recorded on {count} days; change those first",
                        int(used),
                        code=key,
                    )
                )
            tx.conn.execute(delete(ABSENCE).where(ABSENCE.c.id == code_id))
        tx.absence_ids = None

    def text(self, value: AbsenceCode | None) -> str | None:
        return None if value is None else _json(rows.absence_code_values(value))


class _ActualHandler:
    """One employee-day of actual time; executemany through the driver like shifts (an import
    writes thousands)."""

    entity = Entity.ACTUAL

    def read(self, tx: _Tx, keys: list[Key]) -> dict[Key, Any]:
        cells = rows.read_actual_cells(tx.conn, [(str(k[0]), k[1]) for k in keys])  # type: ignore[misc]
        return dict(cells.items())

    def same(self, a: ActualDay | None, b: ActualDay | None) -> bool:
        if a is None or b is None:
            return a is None and b is None
        return a.same_content(b)

    _INSERT = (
        "INSERT INTO actual_days (employee_id, work_date, segments, break_minutes, absence_code_id, note, "
        "source, source_detail, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)"
    )
    _UPDATE = (
        "UPDATE actual_days SET segments = ?, break_minutes = ?, absence_code_id = ?, note = ?, source = ?, "
        "source_detail = ?, version = version + 1 WHERE employee_id = ? AND work_date = ?"
    )
    _DELETE = "DELETE FROM actual_days WHERE employee_id = ? AND work_date = ?"

    def upsert(self, tx: _Tx, items: list[Applied]) -> None:
        ids = tx.emp_ids(str(a.key[0]) for a in items)
        absence = tx.absence_code_ids()
        inserts: list[tuple[object, ...]] = []
        updates: list[tuple[object, ...]] = []
        for a in items:
            assert isinstance(a.after, ActualDay)
            values = rows.actual_values(a.after, absence)
            emp, day = ids[str(a.key[0])], tx.day_param(a.key[1])
            if a.before is None:
                inserts.append((emp, day, *values))
            else:
                updates.append((*values, emp, day))
        if inserts:
            tx.many(self._INSERT, inserts)
        if updates:
            tx.many(self._UPDATE, updates)

    def remove(self, tx: _Tx, items: list[Applied]) -> None:
        ids = tx.emp_ids(str(a.key[0]) for a in items)
        tx.many(self._DELETE, [(ids[str(a.key[0])], tx.day_param(a.key[1])) for a in items])

    def text(self, value: ActualDay | None) -> str | None:
        if value is None:
            return None
        data: dict[str, Any] = {
            "entry": format_actual(value.segments, value.break_minutes, value.absence),
            "source": value.source.value,
        }
        if value.source_detail:
            data["detail"] = value.source_detail
        if value.note:
            data["note"] = value.note
        return _json(data)


class _ForecastHandler:
    entity = Entity.FORECAST

    def read(self, tx: _Tx, keys: list[Key]) -> dict[Key, Any]:
        got = rows.read_forecast_keys(tx.conn, [(k[0], int(str(k[1]))) for k in keys])  # type: ignore[misc]
        return dict(got.items())

    def same(self, a: ForecastInterval | None, b: ForecastInterval | None) -> bool:
        if a is None or b is None:
            return a is b
        return (a.calls, a.aht_seconds) == (b.calls, b.aht_seconds)

    def upsert(self, tx: _Tx, items: list[Applied]) -> None:
        ins: list[dict[str, object]] = []
        upd: list[dict[str, object]] = []
        for a in items:
            assert isinstance(a.after, ForecastInterval)
            row = {
                "work_date": a.key[0],
                "start_minute": a.key[1],
                "calls": a.after.calls,
                "aht_seconds": a.after.aht_seconds,
            }
            (ins if a.before is None else upd).append(row)
        if ins:
            tx.conn.execute(insert(FORECAST), ins)
        if upd:
            tx.conn.execute(
                update(FORECAST)
                .where(FORECAST.c.work_date == bindparam("b_day"))
                .where(FORECAST.c.start_minute == bindparam("b_min"))
                .values(calls=bindparam("v_calls"), aht_seconds=bindparam("v_aht")),
                [
                    {
                        "b_day": r["work_date"],
                        "b_min": r["start_minute"],
                        "v_calls": r["calls"],
                        "v_aht": r["aht_seconds"],
                    }
                    for r in upd
                ],
            )

    def remove(self, tx: _Tx, items: list[Applied]) -> None:
        tx.conn.execute(
            delete(FORECAST).where(
                FORECAST.c.work_date == bindparam("b_day"), FORECAST.c.start_minute == bindparam("b_min")
            ),
            [{"b_day": a.key[0], "b_min": a.key[1]} for a in items],
        )

    def text(self, value: ForecastInterval | None) -> str | None:
        return None if value is None else _json({"calls": value.calls, "aht_seconds": value.aht_seconds})


class _ApprovalHandler:
    entity = Entity.APPROVAL

    def read(self, tx: _Tx, keys: list[Key]) -> dict[Key, Any]:
        starts = sorted({k[0] for k in keys})  # type: ignore[type-var]
        codes = sorted({str(k[1]) for k in keys})
        wanted = set(keys)
        return {
            (a.period_start, a.employee_code): a
            for a in rows.read_approvals(tx.conn, starts, codes)  # type: ignore[arg-type]
            if (a.period_start, a.employee_code) in wanted
        }

    def same(self, a: Approval | None, b: Approval | None) -> bool:
        if a is None or b is None:
            return a is b
        return (a.approved_by, a.approved_at, a.figures) == (b.approved_by, b.approved_at, b.figures)

    def upsert(self, tx: _Tx, items: list[Applied]) -> None:
        ids = tx.emp_ids(str(a.key[1]) for a in items)
        self.remove(tx, [a for a in items if a.before is not None])
        rows_ = []
        for a in items:
            ap = a.after
            assert isinstance(ap, Approval)
            rows_.append(
                {
                    "period_start": ap.period_start,
                    "period_end": ap.period_end,
                    "employee_id": ids[ap.employee_code],
                    "approved_by": ap.approved_by,
                    "approved_at": audit.instant_text(ap.approved_at),
                    "figures": ap.figures,
                }
            )
        tx.conn.execute(insert(APPROVAL), rows_)

    def remove(self, tx: _Tx, items: list[Applied]) -> None:
        if not items:
            return
        ids = tx.emp_ids(str(a.key[1]) for a in items)
        tx.conn.execute(
            delete(APPROVAL).where(
                APPROVAL.c.period_start == bindparam("b_start"), APPROVAL.c.employee_id == bindparam("b_emp")
            ),
            [{"b_start": a.key[0], "b_emp": ids[str(a.key[1])]} for a in items],
        )

    def text(self, value: Approval | None) -> str | None:
        if value is None:
            return None
        return _json(
            {
                "approved_by": value.approved_by,
                "approved_at": audit.instant_text(value.approved_at),
                "period_end": value.period_end.isoformat(),
                "figures": json.loads(value.figures),
            }
        )


class _PeriodHandler:
    entity = Entity.PERIOD

    def read(self, tx: _Tx, keys: list[Key]) -> dict[Key, Any]:
        wanted = {k[0] for k in keys}
        return {(p.start,): p for p in rows.read_periods(tx.conn) if p.start in wanted}

    def same(self, a: PeriodState | None, b: PeriodState | None) -> bool:
        if a is None or b is None:
            return a is b
        return replace(a, version=0, snapshot=None) == replace(b, version=0, snapshot=None)

    def upsert(self, tx: _Tx, items: list[Applied]) -> None:
        for a in items:
            p = a.after
            assert isinstance(p, PeriodState)
            values = {
                "end": p.end,
                "status": p.status.value,
                "lock_no": p.lock_no,
                "locked_by": p.locked_by,
                "locked_at": audit.instant_text(p.locked_at) if p.locked_at else "",
                "reason": p.reason,
                "audit_head": p.audit_head,
            }
            if a.before is None:
                tx.conn.execute(insert(PERIOD).values(start=p.start, version=1, **values))
            else:
                tx.conn.execute(
                    update(PERIOD)
                    .where(PERIOD.c.start == p.start)
                    .values(version=PERIOD.c.version + 1, **values)
                )
            if p.status is PeriodStatus.LOCKED and p.snapshot is not None:
                tx.conn.execute(
                    insert(SNAPSHOT),
                    [
                        {"period_start": p.start, "lock_no": p.lock_no, "employee_code": code, "data": data}
                        for code, data in sorted(p.snapshot.items())
                    ]
                    or [],
                )

    def remove(self, tx: _Tx, items: list[Applied]) -> None:
        raise InputError(msg("a pay period's history cannot be removed"))

    def text(self, value: PeriodState | None) -> str | None:
        if value is None:
            return None
        return _json(
            {
                "end": value.end.isoformat(),
                "status": value.status.value,
                "lock_no": value.lock_no,
                "locked_by": value.locked_by,
                "locked_at": audit.instant_text(value.locked_at) if value.locked_at else "",
                "reason": value.reason,
                "audit_head": value.audit_head,
                "employees": len(value.snapshot) if value.snapshot is not None else None,
            }
        )


HANDLERS: dict[Entity, Handler] = {
    h.entity: h
    for h in (
        _SiteHandler(),
        _CodeHandler(),
        _EmployeeHandler(),
        _RateListHandler(),
        _RateHandler(),
        _ShiftHandler(),
        _AbsenceCodeHandler(),
        _ActualHandler(),
        _ForecastHandler(),
        _ApprovalHandler(),
        _PeriodHandler(),
    )
}
ORDER: tuple[Entity, ...] = tuple(HANDLERS)  # upserts in this order, removals in reverse


# ---------------------------------------------------------------- applying
def _normal_key(c: Change) -> Key:
    if c.entity in (Entity.CODE, Entity.ABSENCE_CODE):
        return (str(c.key[0]).upper(),)
    return c.key


def _locked_ranges(tx: _Tx, applied: list[Applied]) -> list[DateRange]:
    out: list[DateRange] = []
    for a in applied:
        if a.entity is Entity.SHIFT:
            out += shift_days(a.before if isinstance(a.before, Shift) else None)
            out += shift_days(a.after if isinstance(a.after, Shift) else None)
        elif a.entity is Entity.RATE:
            code, eff = str(a.key[0]), a.key[1]
            assert isinstance(eff, date)
            others = [r.effective_from for r in tx.rate_lists.get(code, []) if r.effective_from != eff]
            out.append(rate_window(eff, others))
        elif a.entity is Entity.ACTUAL:
            out += actual_days(a.before if isinstance(a.before, ActualDay) else None)
            out += actual_days(a.after if isinstance(a.after, ActualDay) else None)
        elif a.entity is Entity.APPROVAL:
            ap = a.after if isinstance(a.after, Approval) else a.before
            assert isinstance(ap, Approval)
            out.append((ap.period_start, ap.period_end))
    return out


def apply_changes(
    conn: Connection,
    actor: Actor,
    cs: ChangeSet,
    follow_up: FollowUp | None = None,
    *,
    audit_rows: bool = True,
) -> AppliedSet:
    """Check, lock-check, write and audit ``cs`` inside the caller's write transaction.
    (``audit_rows=False`` exists for bench/bench_audit.py's same-run baseline only.)"""
    tx = _Tx(conn, audit_rows=audit_rows)
    applied, first_id = _apply_one(tx, actor, cs)
    result = AppliedSet(applied, first_id)
    if follow_up is not None and applied:
        more = follow_up(TxReader(conn), result)
        if more:
            detail = cs.how.value if not cs.detail else f"{cs.how.value}: {cs.detail}"
            extra, _ = _apply_one(tx, actor, ChangeSet(more, How.UNAPPROVE, detail))
            result = AppliedSet(applied + extra, first_id)
    return result


def _apply_one(tx: _Tx, actor: Actor, cs: ChangeSet) -> tuple[list[Applied], int | None]:
    by_entity: dict[Entity, list[Change]] = {}
    seen: set[tuple[Entity, Key]] = set()
    for c in cs.changes:
        key = _normal_key(c)
        if (c.entity, key) in seen:
            raise InputError(msg("{what} is changed twice in one edit", what=describe(c.entity, key)))
        seen.add((c.entity, key))
        by_entity.setdefault(c.entity, []).append(replace(c, key=key) if key != c.key else c)

    # 1. check what the caller expected, and keep only rows that really change
    applied: list[Applied] = []
    stale: list[tuple[Entity, Key, object | None]] = []
    for entity in ORDER:
        changes = by_entity.get(entity)
        if not changes:
            continue
        h = HANDLERS[entity]
        current = h.read(tx, [c.key for c in changes])
        for c in changes:
            before = current.get(c.key)
            if c.checked and not h.same(before, c.expected):
                stale.append((entity, c.key, before))
                continue
            after = c.after
            if c.keep_note and isinstance(after, Shift) and isinstance(before, Shift):
                after = replace(after, note=before.note)
            if not h.same(before, after):
                applied.append(Applied(entity, c.key, before, after))
    if stale:
        raise ChangedElsewhere(stale)
    if not applied:
        return [], None

    # 2. locked pay periods
    periods = rows.read_periods(tx.conn)
    if any(p.locked for p in periods):
        hit = first_locked(_locked_ranges(tx, applied), periods)
        if hit is not None:
            raise PeriodLockedError(hit)

    # 3. write: upserts in dependency order, removals in reverse
    groups: dict[Entity, list[Applied]] = {}
    for a in applied:
        groups.setdefault(a.entity, []).append(a)
    for entity in ORDER:
        items = [a for a in groups.get(entity, []) if a.after is not None]
        if items:
            HANDLERS[entity].upsert(tx, items)
    for entity in reversed(ORDER):
        items = [a for a in groups.get(entity, []) if a.after is None]
        if items:
            HANDLERS[entity].remove(tx, items)

    # 4. audit: one row per changed row
    if not tx.audit_rows:
        return applied, None
    texts = [(HANDLERS[a.entity].text(a.before), HANDLERS[a.entity].text(a.after)) for a in applied]
    first_id = audit.append(tx.conn, actor, cs.how.value, cs.detail, cs.reason, applied, texts)
    return applied, first_id
