"""The audit trail as people read it: filtered lists of changes, a cell's history, an export,
and the chain check (``deskwfm audit verify``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from deskwfm.core.audit_records import AuditEntry, VerifyResult
from deskwfm.core.changes import Entity
from deskwfm.core.i18n import render
from deskwfm.core.messages import Msg, msg, msg_n
from deskwfm.services.workspace import Workspace
from deskwfm.store.audit import key_text

MAX_ROWS = 100_000


@dataclass(frozen=True, slots=True)
class AuditFilter:
    first: date | None = None
    last: date | None = None
    employee: str | None = None
    actor: str | None = None
    how: str | None = None
    limit: int | None = None


def entries(ws: Workspace, f: AuditFilter = AuditFilter()) -> list[AuditEntry]:  # noqa: B008
    """Changes, newest first, filtered by the day they are about, employee, who and how."""
    return ws.store.audit_entries(
        first=f.first,
        last=f.last,
        employee=f.employee,
        actor=f.actor,
        how=f.how,
        limit=f.limit or MAX_ROWS,
    )


def cell_history(ws: Workspace, employee_code: str, work_date: date) -> list[AuditEntry]:
    """Every change of one grid cell, newest first."""
    return ws.store.audit_entries(entity=Entity.SHIFT.value, key=key_text((employee_code, work_date)))


def actors(ws: Workspace) -> list[str]:
    return ws.store.audit_actors()


def local_time(at: str, tz: str) -> datetime:
    """An audit row's UTC instant on the site's clock."""
    return datetime.fromisoformat(at.replace("Z", "+00:00")).astimezone(ZoneInfo(tz))


def value_text(entity: str, text: str | None) -> str:
    """A row's stored before/after as a person reads it (empty for "no row")."""
    if text is None:
        return ""
    v: Any = json.loads(text)
    if entity == Entity.SHIFT.value:
        note = v.get("note")
        return f"{v['entry']} ({note})" if note else str(v["entry"])
    if entity == Entity.RATE.value:
        return render(msg("{rate:rate}/h", rate=v["hourly"]))
    if entity == Entity.EMPLOYEE.value:
        parts = [v["name"]] + ([v["team"]] if v.get("team") else [])
        if not v.get("active", True):
            parts.append(render(msg("inactive")))
        return ", ".join(parts)
    if entity == Entity.FORECAST.value:
        return render(msg_n("{count} call, AHT {aht} s", "{count} calls, AHT {aht} s", int(v["calls"]),
                            aht=v["aht_seconds"]))
    if entity == Entity.APPROVAL.value:
        return render(msg("approved by {who}", who=v["approved_by"]))
    if entity == Entity.PERIOD.value:
        said = render(msg("{status} (lock {n})", status=v["status"], n=v["lock_no"]))
        return said + (f": {v['reason']}" if v.get("reason") else "")
    return json.dumps(v, ensure_ascii=False, sort_keys=True)


def entry_json(e: AuditEntry) -> dict[str, Any]:
    return {
        "id": e.id,
        "at": e.at,
        "actor": e.actor,
        "workstation": e.workstation,
        "db_role": e.db_role,
        "how": e.how,
        "detail": e.detail,
        "reason": e.reason,
        "entity": e.entity,
        "key": e.key,
        "employee": e.employee,
        "day": e.day.isoformat() if e.day else None,
        "before": e.before_value,
        "after": e.after_value,
    }


def verify(ws: Workspace) -> VerifyResult:
    return ws.store.verify_audit()


def verify_message(r: VerifyResult) -> Msg:
    """One line saying whether the chain holds, or which row broke it and how."""
    if r.ok:
        return msg_n("the audit trail holds: {count:num} row, head {head}",
                     "the audit trail holds: {count:num} rows, head {head}", r.rows, head=r.head[:16])
    if r.problem == "edited":
        return msg("audit row {id} was edited outside deskwfm (it no longer matches its hash)", id=r.bad_id)
    if r.problem == "missing":
        return msg(
            "audit rows {id} to {last} were deleted outside deskwfm",
            id=r.bad_id,
            last=(r.resumes_at or 0) - 1,
        )
    if r.problem == "inserted":
        return msg(
            "audit row {id} was inserted outside deskwfm (after the last recorded change)", id=r.bad_id
        )
    if r.problem == "missing_end":
        return msg(
            "the newest audit rows, from {id} to {last}, were deleted outside deskwfm",
            id=r.bad_id,
            last=(r.resumes_at or 0) - 1,
        )
    return msg(
        "the end of the audit trail was rewritten outside deskwfm (it no longer matches the recorded head)"
    )


def export_xlsx(ws: Workspace, rows: list[AuditEntry], path: str | Path) -> Path:
    """The rows as a workbook (Audit sheet), every text cell a string (never a formula)."""
    from deskwfm.files.xlsx_audit import write_audit
    from deskwfm.services.site import get_site

    tz = get_site(ws).tz
    table = [
        [
            local_time(e.at, tz).replace(tzinfo=None),
            e.actor,
            e.workstation,
            e.how,
            e.detail,
            e.reason,
            e.entity,
            e.employee or "",
            e.day,
            value_text(e.entity, e.before),
            value_text(e.entity, e.after),
            e.id,
        ]
        for e in rows
    ]
    return write_audit(Path(path), table, tz)


def now_utc() -> datetime:
    return datetime.now(UTC)
