"""Row <-> core object conversion and the read queries the ``Store`` runs inside its
transactions. Functions here take an open ``Connection``; they never commit."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import fields
from datetime import date, datetime, time
from operator import attrgetter
from typing import Any

from sqlalchemy import Connection, String, bindparam, select, type_coerce

from deskwfm.core.absence import AbsenceCode, AbsencePay
from deskwfm.core.actual import ActualDay, Source
from deskwfm.core.approvals import Approval, PeriodState, PeriodStatus
from deskwfm.core.availability import ALWAYS, Availability, parse_availability
from deskwfm.core.errors import NotFoundError
from deskwfm.core.forecast import ForecastInterval
from deskwfm.core.messages import msg
from deskwfm.core.model import Employee, PayPeriodKind, PayRate, Shift, ShiftCode, ShiftKind
from deskwfm.core.site import SiteSettings
from deskwfm.store import schema
from deskwfm.store.convert import (
    TIMES,
    minutes_of,
    money,
    rules_from_json,
    segments_of,
    segments_text,
    time_of,
    timekeeping_from_json,
)

EMP, RATE, CODE, SHIFT, SITE, FORECAST, STAMP = (
    schema.EMPLOYEES, schema.PAY_RATES, schema.SHIFT_CODES, schema.SHIFTS, schema.SITE, schema.FORECAST,
    schema.CHANGE_STAMP,
)
AUDIT, AUDIT_BATCH, PERIOD, APPROVAL, SNAPSHOT = (
    schema.AUDIT, schema.AUDIT_BATCHES, schema.PAY_PERIODS, schema.APPROVALS, schema.PERIOD_SNAPSHOTS,
)
ACTUAL, ABSENCE = schema.ACTUAL_DAYS, schema.ABSENCE_CODES
KINDS = {k.value: k for k in ShiftKind}
CellKey = tuple[str, date]
CHUNK = 900  # bound parameters per IN (...) list, well under SQLite's limit
FEW = 64  # up to this many employees, shift reads use an IN list; beyond, a filtered range scan


def as_dict(obj: Any) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in fields(obj)}


def set_params(sample: dict[str, Any]) -> dict[str, Any]:
    """SET clause of an executemany UPDATE: column -> bindparam("v_column")."""
    return {k[2:]: bindparam(k) for k in sample if k.startswith("v_")}


def same_cell(a: Shift | None, b: Shift | None) -> bool:
    """Whether two cell states hold the same shift (versions and kind ignored)."""
    if a is None or b is None:
        return a is None and b is None
    return (a.start, a.end, a.break_minutes, a.code.upper(), a.note, break_start_of(a), _paid_of(a)) == (
        b.start, b.end, b.break_minutes, b.code.upper(), b.note, break_start_of(b), _paid_of(b),
    )


def _paid_of(s: Shift) -> tuple[int, int, tuple[time, ...]]:
    """The paid breaks that are stored: none unless both a count and a length."""
    if not s.paid_breaks or not s.paid_break_minutes:
        return (0, 0, ())
    return (s.paid_breaks, s.paid_break_minutes, s.paid_break_starts)


def break_start_of(s: Shift) -> time | None:
    """The break start that is stored: none without a break."""
    return s.break_start if s.break_minutes else None



# ---------------------------------------------------------------- site
def read_site(conn: Connection) -> SiteSettings | None:
    row = conn.execute(select(SITE).where(SITE.c.id == 1)).mappings().first()
    if row is None:
        return None
    return SiteSettings(
        name=row["name"],
        tz=row["tz"],
        week_start=row["week_start"],
        pay_period=PayPeriodKind(row["pay_period"]),
        period_anchor=row["period_anchor"],
        rules=rules_from_json(row["rules"]),
        holiday_region=row["holiday_region"],
        currency=row["currency"],
        sl_target_pct=row["sl_target_pct"],
        sl_target_seconds=row["sl_target_seconds"],
        max_occupancy_pct=row["max_occupancy_pct"],
        shrinkage_pct=row["shrinkage_pct"],
        interval_minutes=row["interval_minutes"],
        version=row["version"],
        timekeeping=timekeeping_from_json(row["timekeeping"]),
        auto_starts=starts_of(row["auto_starts"]),
        auto_lengths=tuple(int(x) for x in row["auto_lengths"].split(",") if x),
    )


# ---------------------------------------------------------------- employees
def employee_of(row: Any) -> Employee:
    return Employee(
        code=row.code,
        name=row.name,
        team=row.team,
        active=bool(row.active),
        contract_minutes=row.contract_minutes,
        max_minutes=row.max_minutes,
        version=row.version,
        login_id=row.login_id,
        availability=availability_of(row.availability, row.dates_off),
    )


def availability_of(weekly: str, dates_off: str) -> Availability:
    """Stored availability texts (written by this program in canonical form) as the core value."""
    if not weekly and not dates_off:
        return ALWAYS
    return parse_availability(weekly, dates_off)


def employee_values(e: Employee) -> dict[str, Any]:
    return {
        "name": e.name,
        "team": e.team,
        "active": e.active,
        "contract_minutes": e.contract_minutes,
        "max_minutes": e.max_minutes,
        "login_id": e.login_id,
        "availability": e.availability.weekly_text,
        "dates_off": e.availability.off_text,
    }


def read_employees(
    conn: Connection,
    *,
    include_inactive: bool = True,
    codes: Sequence[str] | None = None,
    team: str | None = None,
) -> list[Employee]:
    q = select(EMP).order_by(EMP.c.team, EMP.c.code)
    if not include_inactive:
        q = q.where(EMP.c.active.is_(True))
    if team is not None:
        q = q.where(EMP.c.team == team)
    if codes is None:
        return [employee_of(r) for r in conn.execute(q)]
    out: list[Employee] = []
    wanted = sorted(set(codes))
    for i in range(0, len(wanted), CHUNK):
        out.extend(employee_of(r) for r in conn.execute(q.where(EMP.c.code.in_(wanted[i : i + CHUNK]))))
    out.sort(key=lambda e: (e.team, e.code))
    return out


def employee_ids(conn: Connection, codes: Iterable[str]) -> dict[str, int]:
    """code -> row id; NotFoundError naming up to five unknown codes."""
    wanted = sorted(set(codes))
    found: dict[str, int] = {}
    for i in range(0, len(wanted), CHUNK):
        chunk = wanted[i : i + CHUNK]
        found.update(conn.execute(select(EMP.c.code, EMP.c.id).where(EMP.c.code.in_(chunk))).tuples().all())
    missing = [c for c in wanted if c not in found]
    if missing:
        shown = ", ".join(missing[:5]) + (" …" if len(missing) > 5 else "")
        raise NotFoundError(msg("no employee with code {code}", code=shown))
    return found


# ---------------------------------------------------------------- rates
def read_rates(conn: Connection, employee_codes: Sequence[str] | None = None) -> dict[str, list[PayRate]]:
    """Rates per employee code, each list sorted by effective_from."""
    q = (
        select(EMP.c.code, RATE.c.effective_from, RATE.c.hourly_cents)
        .join_from(RATE, EMP, RATE.c.employee_id == EMP.c.id)
        .order_by(EMP.c.code, RATE.c.effective_from)
    )
    rows: list[Any] = []
    if employee_codes is None:
        rows = list(conn.execute(q))
    else:
        wanted = sorted(set(employee_codes))
        for i in range(0, len(wanted), CHUNK):
            rows.extend(conn.execute(q.where(EMP.c.code.in_(wanted[i : i + CHUNK]))))
    out: dict[str, list[PayRate]] = {}
    for code, eff, c in rows:
        out.setdefault(code, []).append(PayRate(code, eff, money(c)))
    return out


# ---------------------------------------------------------------- shift codes
def code_of(row: Any) -> ShiftCode:
    return ShiftCode(
        code=row.code,
        kind=KINDS[row.kind],
        start=time_of(row.start_min),
        end=time_of(row.end_min),
        break_minutes=row.break_minutes,
        colour=row.colour,
        label=row.label,
        version=row.version,
        paid_breaks=row.paid_breaks,
        paid_break_minutes=row.paid_break_minutes,
    )


def code_values(c: ShiftCode) -> dict[str, Any]:
    return {
        "kind": c.kind.value,
        "start_min": minutes_of(c.start),
        "end_min": minutes_of(c.end),
        "break_minutes": c.break_minutes,
        "colour": c.colour,
        "label": c.label,
        "paid_breaks": c.paid_breaks,
        "paid_break_minutes": c.paid_break_minutes,
    }


def read_codes(conn: Connection) -> list[ShiftCode]:
    return [code_of(r) for r in conn.execute(select(CODE).order_by(CODE.c.id))]


def code_ids(conn: Connection) -> dict[str, int]:
    return dict(conn.execute(select(CODE.c.code, CODE.c.id)).tuples().all())


# ---------------------------------------------------------------- shifts
def shifts_of(
    rows: Iterable[Any], emp_codes: dict[int, str], codes: dict[int, tuple[str, str]]
) -> list[Shift]:
    """Shifts from (employee_id, work_date, start_min, end_min, break, code_id, note, version,
    break_start_min) rows. This is the hot loop of every grid and payroll load, hence the local lookups: dates
    arrive raw (ISO text on SQLite) and are parsed once per distinct value, times come from a
    shared table, code ids map straight to (code, kind)."""
    times = TIMES
    work = ShiftKind.WORK
    by_id = {cid: (c, KINDS[k]) for cid, (c, k) in codes.items()}
    plain = ("", work)
    days: dict[Any, date] = {}
    out: list[Shift] = []
    append = out.append
    for emp, d, s, e, b, cid, n, v, bs, pn, pm, ps in rows:
        day = days.get(d)
        if day is None:
            day = days[d] = d if isinstance(d, date) else date.fromisoformat(d)
        c, k = by_id[cid] if cid is not None else plain
        start = None if s is None else times[s]
        append(Shift(
            emp_codes[emp], day, start, None if e is None else times[e], b, c, k, n, v,
            None if bs is None else times[bs], pn, pm, starts_of(ps) if ps else (),
        ))
    return out


def starts_of(text: str) -> tuple[time, ...]:
    """``"615,900"`` (minutes after midnight, as stored) -> times; also reads ``"10:15,15:00"``."""
    out: list[time] = []
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        if ":" in part:
            h, m = part.split(":")
            out.append(TIMES[int(h) * 60 + int(m)])
        else:
            out.append(TIMES[int(part)])
    return tuple(out)


def starts_text(starts: tuple[time, ...]) -> str:
    return ",".join(str(t.hour * 60 + t.minute) for t in starts)


def read_shifts(
    conn: Connection, start: date, end: date, employee_codes: Sequence[str] | None = None
) -> list[Shift]:
    """Shifts with work dates in start..end, ordered by employee code and date. The shift
    table is read on its own (a range scan of ``ix_shifts_work_date``); employee codes and the
    codes' kinds are joined in Python from two small lookups, which is about a third faster
    than the SQL join and sort for a 25,000-shift grid."""
    emp_codes: dict[int, str] = dict(conn.execute(select(EMP.c.id, EMP.c.code)).tuples().all())
    codes = {i: (c, k) for i, c, k in conn.execute(select(CODE.c.id, CODE.c.code, CODE.c.kind)).tuples()}
    q = select(
        SHIFT.c.employee_id,
        type_coerce(SHIFT.c.work_date, String),
        SHIFT.c.start_min,
        SHIFT.c.end_min,
        SHIFT.c.break_minutes,
        SHIFT.c.code_id,
        SHIFT.c.note,
        SHIFT.c.version,
        SHIFT.c.break_start_min,
        SHIFT.c.paid_breaks,
        SHIFT.c.paid_break_minutes,
        SHIFT.c.paid_break_starts,
    ).where(SHIFT.c.work_date >= start, SHIFT.c.work_date <= end)
    # Dates in index order (no sort step in SQLite); the stable sort by employee code below
    # then gives (code, date) order.
    q = q.order_by(SHIFT.c.work_date)
    rows: Sequence[Any]
    if employee_codes is None:
        rows = conn.execute(q).tuples().all()
    else:
        by_code = {c: i for i, c in emp_codes.items()}
        ids = sorted({by_code[c] for c in employee_codes if c in by_code})
        if len(ids) <= FEW:
            rows = conn.execute(q.where(SHIFT.c.employee_id.in_(ids))).tuples().all() if ids else []
        else:  # many employees: one range scan, filtered here (no huge IN lists)
            wanted = set(ids)
            rows = [r for r in conn.execute(q).tuples().all() if r[0] in wanted]
    out = shifts_of(rows, emp_codes, codes)
    out.sort(key=attrgetter("employee_code"))  # stable: dates stay in order within an employee
    return out


def read_cells(conn: Connection, keys: Sequence[CellKey]) -> dict[CellKey, Shift]:
    if not keys:
        return {}
    codes = {k[0] for k in keys}
    lo, hi = min(k[1] for k in keys), max(k[1] for k in keys)
    wanted = set(keys)
    return {
        (s.employee_code, s.work_date): s
        for s in read_shifts(conn, lo, hi, sorted(codes))
        if (s.employee_code, s.work_date) in wanted
    }


def shift_values(s: Shift, ids: dict[str, int]) -> dict[str, Any]:
    code_id = None
    if s.code:
        code_id = ids.get(s.code.upper())
        if code_id is None:
            raise NotFoundError(msg("no shift code {code}", code=s.code))
    return {
        "start_min": minutes_of(s.start),
        "end_min": minutes_of(s.end),
        "break_minutes": s.break_minutes,
        "code_id": code_id,
        "note": s.note,
        "break_start_min": minutes_of(break_start_of(s)),
        "paid_breaks": s.paid_breaks if s.paid_break_minutes else 0,
        "paid_break_minutes": s.paid_break_minutes if s.paid_breaks else 0,
        "paid_break_starts": starts_text(s.paid_break_starts) if _paid_of(s)[0] else "",
    }


# ---------------------------------------------------------------- forecast
def read_forecast(conn: Connection, start: date, end: date) -> list[ForecastInterval]:
    q = (
        select(
            type_coerce(FORECAST.c.work_date, String), FORECAST.c.start_minute, FORECAST.c.calls,
            FORECAST.c.aht_seconds,
        )
        .where(FORECAST.c.work_date >= start, FORECAST.c.work_date <= end)
        .order_by(FORECAST.c.work_date, FORECAST.c.start_minute)
    )
    days: dict[Any, date] = {}
    out: list[ForecastInterval] = []
    for d, m, calls, aht in conn.execute(q).tuples():
        day = days.get(d)
        if day is None:
            day = days[d] = d if isinstance(d, date) else date.fromisoformat(str(d)[:10])
        out.append(ForecastInterval(day, m, calls, aht))
    return out


def read_forecast_keys(
    conn: Connection, keys: Sequence[tuple[date, int]]
) -> dict[tuple[date, int], ForecastInterval]:
    if not keys:
        return {}
    wanted = set(keys)
    lo, hi = min(k[0] for k in keys), max(k[0] for k in keys)
    return {
        (f.work_date, f.start_minute): f
        for f in read_forecast(conn, lo, hi)
        if (f.work_date, f.start_minute) in wanted
    }


# ---------------------------------------------------------------- pay periods
def _as_date(v: Any) -> date:
    return v if isinstance(v, date) else date.fromisoformat(str(v)[:10])


def _as_instant(text: str) -> datetime | None:
    if not text:
        return None
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def read_periods(conn: Connection) -> list[PeriodState]:
    """Every pay period that was ever approved, locked or reopened, by start date."""
    out = []
    for r in conn.execute(select(PERIOD).order_by(PERIOD.c.start)):
        out.append(PeriodState(
            _as_date(r.start), _as_date(r.end), PeriodStatus(r.status), r.lock_no, r.locked_by,
            _as_instant(r.locked_at), r.reason, r.audit_head, None, r.version,
        ))
    return out


def read_approvals(
    conn: Connection, period_starts: Sequence[date] | None = None, codes: Sequence[str] | None = None
) -> list[Approval]:
    q = (
        select(APPROVAL, EMP.c.code)
        .join_from(APPROVAL, EMP, APPROVAL.c.employee_id == EMP.c.id)
        .order_by(APPROVAL.c.period_start, EMP.c.code)
    )
    if period_starts is not None:
        q = q.where(APPROVAL.c.period_start.in_(sorted(set(period_starts))))
    if codes is not None:
        q = q.where(EMP.c.code.in_(sorted(set(codes))))
    out = []
    for r in conn.execute(q):
        at = _as_instant(r.approved_at)
        assert at is not None
        out.append(Approval(
            _as_date(r.period_start), _as_date(r.period_end), r.code, r.approved_by, at, r.figures,
        ))
    return out


def read_snapshots(conn: Connection, period_start: date, lock_no: int) -> dict[str, str]:
    """Employee code -> stored payroll JSON of one lock of a period."""
    q = select(SNAPSHOT.c.employee_code, SNAPSHOT.c.data).where(
        SNAPSHOT.c.period_start == period_start, SNAPSHOT.c.lock_no == lock_no
    )
    return {code: data for code, data in conn.execute(q).tuples()}


# ---------------------------------------------------------------- absence codes
def absence_code_of(row: Any) -> AbsenceCode:
    return AbsenceCode(
        row.code, row.label, AbsencePay(row.pay), row.paid_minutes, bool(row.reasonable_cause),
        bool(row.counts_as_worked), row.version,
    )


def absence_code_values(c: AbsenceCode) -> dict[str, Any]:
    return {
        "label": c.label,
        "pay": c.pay.value,
        "paid_minutes": c.paid_minutes,
        "reasonable_cause": c.reasonable_cause,
        "counts_as_worked": c.counts_as_worked,
    }


def read_absence_codes(conn: Connection) -> list[AbsenceCode]:
    return [absence_code_of(r) for r in conn.execute(select(ABSENCE).order_by(ABSENCE.c.id))]


def absence_code_ids(conn: Connection) -> dict[str, int]:
    return dict(conn.execute(select(ABSENCE.c.code, ABSENCE.c.id)).tuples().all())


# ---------------------------------------------------------------- actual time
SOURCES = {s.value: s for s in Source}


def read_actual(
    conn: Connection, start: date, end: date, employee_codes: Sequence[str] | None = None
) -> list[ActualDay]:
    """Actual time with work dates in start..end, by employee code and date (employee codes and
    absence codes joined in Python from two small look-ups, as for shifts)."""
    emp_codes: dict[int, str] = dict(conn.execute(select(EMP.c.id, EMP.c.code)).tuples().all())
    absence = {i: c for c, i in absence_code_ids(conn).items()}
    q = (
        select(
            ACTUAL.c.employee_id, type_coerce(ACTUAL.c.work_date, String), ACTUAL.c.segments,
            ACTUAL.c.break_minutes, ACTUAL.c.absence_code_id, ACTUAL.c.note, ACTUAL.c.source,
            ACTUAL.c.source_detail, ACTUAL.c.version,
        )
        .where(ACTUAL.c.work_date >= start, ACTUAL.c.work_date <= end)
        .order_by(ACTUAL.c.employee_id, ACTUAL.c.work_date)
    )
    rows: Sequence[Any]
    if employee_codes is None:
        rows = conn.execute(q).tuples().all()
    else:
        by_code = {c: i for i, c in emp_codes.items()}
        wanted = {by_code[c] for c in employee_codes if c in by_code}
        if len(wanted) <= FEW:
            ids = sorted(wanted)
            rows = conn.execute(q.where(ACTUAL.c.employee_id.in_(ids))).tuples().all() if ids else []
        else:
            rows = [r for r in conn.execute(q).tuples().all() if r[0] in wanted]
    days: dict[Any, date] = {}
    out: list[ActualDay] = []
    for emp, d, segs, brk, code_id, note, source, detail, version in rows:
        day = days.get(d)
        if day is None:
            day = days[d] = d if isinstance(d, date) else date.fromisoformat(str(d)[:10])
        code = absence.get(code_id, "") if code_id is not None else ""
        out.append(ActualDay(
            emp_codes[emp], day, segments_of(segs), brk, code, note, SOURCES[source], detail, version,
        ))
    out.sort(key=attrgetter("employee_code"))
    return out


def read_actual_cells(conn: Connection, keys: Sequence[CellKey]) -> dict[CellKey, ActualDay]:
    if not keys:
        return {}
    wanted = set(keys)
    lo, hi = min(k[1] for k in keys), max(k[1] for k in keys)
    return {
        (d.employee_code, d.work_date): d
        for d in read_actual(conn, lo, hi, sorted({k[0] for k in keys}))
        if (d.employee_code, d.work_date) in wanted
    }


def actual_values(d: ActualDay, absence_ids: dict[str, int]) -> tuple[object, ...]:
    """(segments, break_minutes, absence_code_id, note, source, source_detail) of a row."""
    code_id = None
    if d.absence:
        code_id = absence_ids.get(d.absence.upper())
        if code_id is None:
            raise NotFoundError(msg("no absence code {code}", code=d.absence))
    return (segments_text(d.segments), d.break_minutes, code_id, d.note, d.source.value, d.source_detail)
