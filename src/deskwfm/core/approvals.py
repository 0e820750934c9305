"""Pay-period sign-off: per-employee approvals and the period lock (values only; the rules that
decide what a lock refuses live in ``core.locks``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class PeriodStatus(StrEnum):
    OPEN = "open"
    LOCKED = "locked"


@dataclass(frozen=True, slots=True)
class Actor:
    """Who makes a change: the operating-system login, the workstation, and on PostgreSQL the
    database role as well."""

    user: str
    workstation: str
    db_role: str = ""

    @property
    def label(self) -> str:
        """``ana@FRONTDESK-2`` (``ana@FRONTDESK-2 (role clerk)`` when the role differs)."""
        base = f"{self.user}@{self.workstation}"
        return f"{base} (role {self.db_role})" if self.db_role and self.db_role != self.user else base


@dataclass(frozen=True, slots=True)
class Approval:
    """An employee's pay for a period, approved by someone at a time, with the figures approved
    (canonical JSON of the pay lines and minutes, see ``core.pay_snapshot``)."""

    period_start: date
    period_end: date
    employee_code: str
    approved_by: str
    approved_at: datetime
    figures: str


@dataclass(frozen=True, slots=True)
class PeriodState:
    """A pay period's lock state. ``snapshot`` (employee code -> stored payroll JSON) is given
    when locking and written with the lock; it is not read back with the state."""

    start: date
    end: date
    status: PeriodStatus = PeriodStatus.OPEN
    lock_no: int = 0
    locked_by: str = ""
    locked_at: datetime | None = None
    reason: str = ""
    audit_head: str = ""
    snapshot: Mapping[str, str] | None = field(default=None, compare=False)
    version: int = 0

    @property
    def locked(self) -> bool:
        return self.status is PeriodStatus.LOCKED
