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
import json
from collections.abc import Generator, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from deskwfm.core.approvals import Actor
from deskwfm.core.changes import Applied, Entity
from deskwfm.store.rows import AUDIT, STAMP

GENESIS = "0" * 64
_SEP = "\x1f"

# Columns in the order the hash covers them.
_HASHED = (
    "id", "at", "actor", "workstation", "db_role", "batch", "how", "detail", "reason", "entity", "key",
    "employee", "day", "before", "after", "prev_hash",
)


def row_hash(row: Sequence[object]) -> str:
    """SHA-256 of the hashed columns (``_HASHED`` order; None as an empty field)."""
    text = _SEP.join("" if v is None else v.isoformat() if isinstance(v, date) else str(v) for v in row)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def instant_text(at: datetime) -> str:
    """An aware instant as UTC ISO 8601 with microseconds and Z."""
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def now_text() -> str:
    return instant_text(datetime.now(UTC))


def key_text(key: tuple[object, ...]) -> str:
    return "|".join(v.isoformat() if isinstance(v, date) else str(v) for v in key)


def _refs(entity: Entity, key: tuple[object, ...]) -> tuple[str | None, date | None]:
    """The employee and day a change is about (for the audit window's filters)."""
    if entity in (Entity.SHIFT, Entity.RATE):
        return str(key[0]), key[1] if isinstance(key[1], date) else None
    if entity is Entity.EMPLOYEE:
        return str(key[0]), None
    if entity is Entity.APPROVAL:
        return str(key[1]), key[0] if isinstance(key[0], date) else None
    if entity in (Entity.FORECAST, Entity.PERIOD):
        return None, key[0] if isinstance(key[0], date) else None
    return None, None


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: str
    actor: str
    workstation: str
    db_role: str
    batch: int
    how: str
    detail: str
    reason: str
    entity: str
    key: str
    employee: str | None
    day: date | None
    before: str | None
    after: str | None

    @property
    def before_value(self) -> Any:
        return None if self.before is None else json.loads(self.before)

    @property
    def after_value(self) -> Any:
        return None if self.after is None else json.loads(self.after)


def append(
    conn: Connection,
    actor: Actor,
    how: str,
    detail: str,
    reason: str,
    applied: Sequence[Applied],
    texts: Sequence[tuple[str | None, str | None]],
) -> int | None:
    """Append one row per applied change (``texts``: its before/after as canonical JSON); returns
    the first row's id. Runs inside the caller's write transaction, under the write lock."""
    if not applied:
        return None
    head = conn.execute(select(STAMP.c.audit_last_id, STAMP.c.audit_hash).where(STAMP.c.id == 1)).one()
    last_id, prev = int(head[0]), head[1] or GENESIS
    at = now_text()
    batch = last_id + 1
    rows: list[dict[str, Any]] = []
    for i, (a, (before, after)) in enumerate(zip(applied, texts, strict=True), start=batch):
        employee, day = _refs(a.entity, a.key)
        values = (
            i, at, actor.user, actor.workstation, actor.db_role, batch, how, detail, reason,
            a.entity.value, key_text(a.key), employee, day, before, after, prev,
        )
        h = row_hash(values)
        rows.append({**dict(zip(_HASHED, values, strict=True)), "hash": h})
        prev = h
    conn.execute(insert(AUDIT), rows)
    conn.execute(
        update(STAMP).where(STAMP.c.id == 1).values(audit_last_id=batch + len(rows) - 1, audit_hash=prev)
    )
    return batch


# ---------------------------------------------------------------- reading and verifying
_COLUMNS = [AUDIT.c[n] for n in _HASHED[:-1]]


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
    q = select(*_COLUMNS).order_by(AUDIT.c.id.desc())
    if first is not None:
        q = q.where(AUDIT.c.day >= first)
    if last is not None:
        q = q.where(AUDIT.c.day <= last)
    if employee is not None:
        q = q.where(AUDIT.c.employee == employee)
    if actor is not None:
        q = q.where(AUDIT.c.actor == actor)
    if how is not None:
        q = q.where(AUDIT.c.how == how)
    if entity is not None:
        q = q.where(AUDIT.c.entity == entity)
    if key is not None:
        q = q.where(AUDIT.c.key == key)
    if limit is not None:
        q = q.limit(limit)
    out = []
    for r in conn.execute(q):
        day = r.day if r.day is None or isinstance(r.day, date) else date.fromisoformat(str(r.day))
        out.append(AuditEntry(
            r.id, r.at, r.actor, r.workstation, r.db_role, r.batch, r.how, r.detail, r.reason, r.entity,
            r.key, r.employee, day, r.before, r.after,
        ))
    return out


@dataclass(frozen=True, slots=True)
class VerifyResult:
    """``problem`` is None when the chain holds; else the first bad row's id and what is wrong:
    ``edited`` (its content no longer matches its hash, or it was rewritten with a new hash so
    the next row no longer chains from it), ``missing`` (rows from ``bad_id`` were deleted),
    ``inserted`` (a row added outside deskwfm, after the last recorded change), ``missing_end``
    (the newest rows, from ``bad_id``, were deleted) or ``rewritten`` (the chain's end no longer
    matches the recorded head)."""

    rows: int
    head: str
    bad_id: int | None = None
    problem: str | None = None
    # For "missing" / "missing_end": the first id present again after the gap (rows bad_id to
    # resumes_at - 1 are gone).
    resumes_at: int | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def walk(conn: Connection) -> Generator[tuple[tuple[object, ...], str], None, None]:
    """Every row's hashed values and stored hash, oldest first, streamed (closed when the walk
    stops early)."""
    q = select(*[AUDIT.c[n] for n in _HASHED], AUDIT.c.hash).order_by(AUDIT.c.id)
    result = conn.execution_options(yield_per=2000).execute(q)
    try:
        for r in result:
            values = tuple(r[:-1])
            day = values[12]
            if day is not None and not isinstance(day, date):
                values = (*values[:12], date.fromisoformat(str(day)), *values[13:])
            yield values, r[-1]
    finally:
        result.close()


def verify(conn: Connection) -> VerifyResult:
    """Walk the chain from its first row and report the first row that was edited, deleted or
    inserted out of band, then check the chain's end against the recorded head."""
    head = conn.execute(select(STAMP.c.audit_last_id, STAMP.c.audit_hash).where(STAMP.c.id == 1)).one()
    last_id, head_hash = int(head[0]), head[1] or GENESIS
    with closing(walk(conn)) as chain:
        return _check_chain(chain, last_id, head_hash)


def _check_chain(
    chain: Iterator[tuple[tuple[object, ...], str]], last_id: int, head_hash: str
) -> VerifyResult:
    prev = GENESIS
    expected_id = 1
    n = 0
    for values, stored in chain:
        rid = int(str(values[0]))
        n += 1
        if rid > last_id:
            return VerifyResult(n, prev, rid, "inserted")
        if rid != expected_id:
            return VerifyResult(n, prev, expected_id, "missing", rid)
        if row_hash(values) != stored:
            return VerifyResult(n, prev, rid, "edited")
        if values[-1] != prev:
            return VerifyResult(n, prev, rid - 1, "edited")  # rewritten together with its hash
        prev = stored
        expected_id = rid + 1
    if expected_id - 1 < last_id:
        return VerifyResult(n, prev, expected_id, "missing_end", last_id + 1)
    if prev != head_hash:
        return VerifyResult(n, prev, None, "rewritten")
    return VerifyResult(n, prev)
