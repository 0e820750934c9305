"""What the audit trail holds, as read back: one change per row, and the chain check's verdict.

(Written and verified by ``store/audit.py``; shown by ``services.audit`` and the GUI.)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any


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


@dataclass(frozen=True, slots=True)
class VerifyResult:
    """``problem`` is None when the chain holds; else the first bad row's id and what is wrong:
    ``edited`` (the row, or its batch, or — when it was rewritten with a fresh hash — the row
    before it, no longer matches), ``missing`` (rows from ``bad_id`` to ``resumes_at - 1`` were
    deleted), ``inserted`` (a row added outside deskwfm after the last recorded change),
    ``missing_end`` (the newest rows, from ``bad_id``, were deleted) or ``rewritten`` (the chain's
    end no longer matches the recorded head)."""

    rows: int
    head: str
    bad_id: int | None = None
    problem: str | None = None
    resumes_at: int | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None
