"""The audit trail: one append-only row per changed row, hash-chained.

Each row's ``hash`` is SHA-256 over its own columns (id included) and ``prev_hash``, the hash of
the row before it; the first row chains from ``GENESIS``. The newest id and hash are also kept in
the ``change_stamp`` row, updated in the same transaction, so ``verify`` notices rows removed from
the end as well as rows edited, deleted or inserted in the middle (e.g. with the sqlite3 shell).
A chain cannot stop someone with write access from rewriting every row after the one they
change; the head hash printed on locked timesheets and shown by ``deskwfm audit verify`` is what
makes such a rewrite visible to anyone who kept an earlier head.

Rows are written with the driver's executemany: a 3,500-cell paste appends 3,500 rows in a few
milliseconds (bench/bench_audit.py measures it against the same paste without audit).
"""

from __future__ import annotations

import hashlib
from collections.abc import Generator, Sequence
from contextlib import closing
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from deskwfm.core.approvals import Actor
from deskwfm.core.audit_records import AuditEntry, VerifyResult
from deskwfm.core.changes import Applied, Entity
from deskwfm.store.rows import AUDIT, AUDIT_BATCH, STAMP

GENESIS = "0" * 64
_SEP = "\x1f"

# The columns each hash covers: the batch's (who, when, how) and then the row's own.
_BATCH_HASHED = ("id", "at", "actor", "workstation", "db_role", "how", "detail", "reason")
_ROW_HASHED = ("id", "entity", "key", "employee", "day", "before", "after")


def _field(v: object) -> str:
    return "" if v is None else v.isoformat() if isinstance(v, date) else str(v)


def batch_text(values: Sequence[object]) -> str:
    """The batch's part of every row's hashed text (``_BATCH_HASHED`` order)."""
    return _SEP.join(_field(v) for v in values)


def row_hash(row: Sequence[object], batch: str, prev: str) -> str:
    """SHA-256 over a row's own columns (``_ROW_HASHED`` order), its batch's text and the
    previous row's hash."""
    text = _SEP.join(_field(v) for v in row)
    return hashlib.sha256(f"{text}{_SEP}{batch}{_SEP}{prev}".encode()).hexdigest()


def instant_text(at: datetime) -> str:
    """An aware instant as UTC ISO 8601 with microseconds and Z."""
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def now_text() -> str:
    return instant_text(datetime.now(UTC))


def key_text(key: tuple[object, ...]) -> str:
    if len(key) == 2 and isinstance(key[0], str) and isinstance(key[1], date):  # most rows: a cell
        return f"{key[0]}|{key[1].isoformat()}"
    return "|".join(v.isoformat() if isinstance(v, date) else str(v) for v in key)


def _refs(entity: Entity, key: tuple[object, ...]) -> tuple[str | None, date | None]:
    """The employee and day a change is about (for the audit window's filters)."""
    if entity in (Entity.SHIFT, Entity.RATE, Entity.ACTUAL):
        return str(key[0]), key[1] if isinstance(key[1], date) else None
    if entity is Entity.EMPLOYEE:
        return str(key[0]), None
    if entity is Entity.APPROVAL:
        return str(key[1]), key[0] if isinstance(key[0], date) else None
    if entity in (Entity.FORECAST, Entity.PERIOD):
        return None, key[0] if isinstance(key[0], date) else None
    return None, None


def append(
    conn: Connection,
    actor: Actor,
    how: str,
    detail: str,
    reason: str,
    applied: Sequence[Applied],
    texts: Sequence[tuple[str | None, str | None]],
) -> int | None:
    """Append a batch (who, when, how) and one row per applied change (``texts``: its
    before/after as canonical JSON); returns the first row's id. Runs inside the caller's write
    transaction, under the write lock.

    This is on the path of every paste and import, so each row's hashed text is one f-string
    (the same text ``row_hash`` builds from stored values) and the driver gets plain tuples in
    one executemany."""
    if not applied:
        return None
    head = conn.execute(select(STAMP.c.audit_last_id, STAMP.c.audit_hash).where(STAMP.c.id == 1)).one()
    last_id, prev = int(head[0]), head[1] or GENESIS
    at = now_text()
    first = last_id + 1
    batch_values = (first, at, actor.user, actor.workstation, actor.db_role, how, detail, reason)
    batch = batch_text(batch_values)
    conn.execute(insert(AUDIT_BATCH).values(dict(zip(_BATCH_HASHED, batch_values, strict=True))))
    sqlite = conn.dialect.name == "sqlite"
    sha = hashlib.sha256
    days: dict[date, str] = {}
    rows: list[tuple[object, ...]] = []
    shift = Entity.SHIFT
    for i, (a, (before, after)) in enumerate(zip(applied, texts, strict=True), start=first):
        if a.entity is shift:  # nine rows in ten: (employee, day) keys, days shared by many rows
            employee: str | None = str(a.key[0])
            day = a.key[1]
            assert isinstance(day, date)
            day_text = days.get(day) or days.setdefault(day, day.isoformat())
            key = f"{employee}|{day_text}"
        else:
            employee, day = _refs(a.entity, a.key)
            day_text = day.isoformat() if day is not None else ""
            key = key_text(a.key)
        entity = a.entity.value
        h = sha(
            f"{i}{_SEP}{entity}{_SEP}{key}{_SEP}{employee or ''}{_SEP}{day_text}{_SEP}"
            f"{before or ''}{_SEP}{after or ''}{_SEP}{batch}{_SEP}{prev}".encode()
        ).hexdigest()
        stored_day = (day_text or None) if sqlite else day
        rows.append((i, first, entity, key, employee, stored_day, before, after, h))
        prev = h
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    conn.exec_driver_sql(
        'INSERT INTO audit (id, batch, entity, "key", employee, day, "before", "after", hash) '
        f"VALUES ({', '.join([mark] * 9)})",
        rows,
    )
    conn.execute(
        update(STAMP).where(STAMP.c.id == 1).values(audit_last_id=first + len(rows) - 1, audit_hash=prev)
    )
    return first


# ---------------------------------------------------------------- reading and verifying
def _entries_query() -> Any:
    b = AUDIT_BATCH.c
    a = AUDIT.c
    return select(
        a.id,
        b.at,
        b.actor,
        b.workstation,
        b.db_role,
        a.batch,
        b.how,
        b.detail,
        b.reason,
        a.entity,
        a.key,
        a.employee,
        a.day,
        a.before,
        a.after,
    ).join_from(AUDIT, AUDIT_BATCH, a.batch == b.id)


def read_entries(
    conn: Connection,
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
    """Audit rows, newest first, filtered by the day they are about, employee, who, how and
    entity (an exact ``key`` for one cell's history)."""
    q = _entries_query().order_by(AUDIT.c.id.desc())
    if first is not None:
        q = q.where(AUDIT.c.day >= first)
    if last is not None:
        q = q.where(AUDIT.c.day <= last)
    if employee is not None:
        q = q.where(AUDIT.c.employee == employee)
    if actor is not None:
        q = q.where(AUDIT_BATCH.c.actor == actor)
    if how is not None:
        q = q.where(AUDIT_BATCH.c.how == how)
    if entity is not None:
        q = q.where(AUDIT.c.entity == entity)
    if key is not None:
        q = q.where(AUDIT.c.key == key)
    if limit is not None:
        q = q.limit(limit)
    out = []
    for r in conn.execute(q):
        day = r.day if r.day is None or isinstance(r.day, date) else date.fromisoformat(str(r.day))
        out.append(
            AuditEntry(
                r.id,
                r.at,
                r.actor,
                r.workstation,
                r.db_role,
                r.batch,
                r.how,
                r.detail,
                r.reason,
                r.entity,
                r.key,
                r.employee,
                day,
                r.before,
                r.after,
            )
        )
    return out


def walk(conn: Connection) -> Generator[tuple[tuple[object, ...], str, str | None], None, None]:
    """Every row's hashed values, stored hash and its batch's text (None: the batch row is
    gone), oldest first, streamed (closed when the walk stops early)."""
    b, a = AUDIT_BATCH.c, AUDIT.c
    q = (
        select(*[a[n] for n in _ROW_HASHED], a.hash, *[b[n] for n in _BATCH_HASHED])
        .join_from(AUDIT, AUDIT_BATCH, a.batch == b.id, isouter=True)
        .order_by(a.id)
    )
    result = conn.execution_options(yield_per=2000).execute(q)
    n = len(_ROW_HASHED)
    try:
        for r in result:
            values = tuple(r[:n])
            day = values[4]
            if day is not None and not isinstance(day, date):
                values = (*values[:4], date.fromisoformat(str(day)), *values[5:])
            batch = None if r[n + 1] is None else batch_text(r[n + 1 :])
            yield values, r[n], batch
    finally:
        result.close()


def verify(conn: Connection) -> VerifyResult:
    """Walk the chain from its first row and report the first row that was edited, deleted or
    inserted out of band, then check the chain's end against the recorded head."""
    head = conn.execute(select(STAMP.c.audit_last_id, STAMP.c.audit_hash).where(STAMP.c.id == 1)).one()
    last_id, head_hash = int(head[0]), head[1] or GENESIS
    with closing(walk(conn)) as chain:
        prev = GENESIS
        expected_id = 1
        n = 0
        for values, stored, batch in chain:
            rid = int(str(values[0]))
            n += 1
            if rid > last_id:
                return VerifyResult(n, prev, rid, "inserted")
            if rid != expected_id:
                return VerifyResult(n, prev, expected_id, "missing", rid)
            if batch is None or row_hash(values, batch, prev) != stored:
                return VerifyResult(n, prev, rid, "edited")
            prev = stored
            expected_id = rid + 1
    if expected_id - 1 < last_id:
        return VerifyResult(n, prev, expected_id, "missing_end", last_id + 1)
    if prev != head_hash:
        return VerifyResult(n, prev, None, "rewritten")
    return VerifyResult(n, prev)
