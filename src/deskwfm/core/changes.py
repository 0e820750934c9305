"""Change sets: the one shape in which anything is written.

Every change a user makes — a cell, a paste, an import, an employee, a rate, a shift code, the
site, the forecast, a note, an approval, a lock — is a ``ChangeSet`` built by a service and
applied by the store's single entry (``Store.apply``) in one transaction that checks what the
caller expected, checks pay-period locks, writes, and appends hash-chained audit rows.

A ``Change`` names one row by its entity and natural key and gives the value it should hold
afterwards (``None`` removes it). ``expected`` is what the caller saw (``None``: no such row);
when given, the write is refused with ``StaleEditError`` unless the row still holds it, compared
by content (versions are bookkeeping). ``ANY`` skips the check (an import is the authority for
the rows it writes once its preview has been checked).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final

from deskwfm.core.messages import Msg, msg


class Entity(StrEnum):
    """What a change is about; the key each entity is addressed by is in the comment."""

    SITE = "site"  # ()
    CODE = "code"  # (code,) upper-case
    EMPLOYEE = "employee"  # (code,)
    RATE = "rate"  # (employee_code, effective_from)
    RATE_LIST = "rate list"  # (employee_code,) check only: an employee's whole list of rates
    SHIFT = "shift"  # (employee_code, work_date)
    FORECAST = "forecast"  # (work_date, start_minute)
    APPROVAL = "approval"  # (period_start, employee_code)
    PERIOD = "period"  # (period_start,) a pay period's lock state
    ACTUAL = "actual"  # (employee_code, work_date) actual time worked that day (core.actual)
    ABSENCE_CODE = "absence code"  # (code,) upper-case (core.absence)


class How(StrEnum):
    """How a change was made (shown in the audit trail and the History of a cell)."""

    GRID_EDIT = "grid edit"
    PASTE = "paste"
    FILL = "fill"
    CLEAR = "clear"
    CODE = "shift code applied"
    COPY_WEEK = "copy week"
    NOTE = "note"
    UNDO = "undo"
    REDO = "redo"
    IMPORT = "import"
    FORECAST_IMPORT = "forecast import"
    CLI = "command line"
    DIALOG = "settings dialog"
    INIT = "new database"
    DEMO = "demo centre"
    APPROVE = "approve"
    UNAPPROVE = "approval cleared"
    LOCK = "lock"
    UNLOCK = "unlock"
    ACTUAL_IMPORT = "actual time import"
    CONFIRM = "confirmed as scheduled"
    AUTO_SCHEDULE = "automatic schedule"


# What people read for each (the values are stored in the audit trail, in English, for good).
ENTITY_LABELS: dict[Entity, Msg] = {
    Entity.SITE: msg("site"),
    Entity.CODE: msg("shift code"),
    Entity.EMPLOYEE: msg("employee"),
    Entity.RATE: msg("pay rate"),
    Entity.RATE_LIST: msg("rate list"),
    Entity.SHIFT: msg("shift"),
    Entity.FORECAST: msg("forecast"),
    Entity.APPROVAL: msg("approval"),
    Entity.PERIOD: msg("pay period"),
    Entity.ACTUAL: msg("actual time"),
    Entity.ABSENCE_CODE: msg("absence code"),
}
HOW_LABELS: dict[How, Msg] = {
    How.GRID_EDIT: msg("grid edit"),
    How.PASTE: msg("paste"),
    How.FILL: msg("fill"),
    How.CLEAR: msg("clear"),
    How.CODE: msg("shift code applied"),
    How.COPY_WEEK: msg("copy week"),
    How.NOTE: msg("note"),
    How.UNDO: msg("undo"),
    How.REDO: msg("redo"),
    How.IMPORT: msg("import"),
    How.FORECAST_IMPORT: msg("forecast import"),
    How.CLI: msg("command line"),
    How.DIALOG: msg("settings dialog"),
    How.INIT: msg("new database"),
    How.DEMO: msg("demo centre"),
    How.APPROVE: msg("approve"),
    How.UNAPPROVE: msg("approval cleared"),
    How.LOCK: msg("lock"),
    How.UNLOCK: msg("unlock"),
    How.ACTUAL_IMPORT: msg("actual time import"),
    How.CONFIRM: msg("confirmed as scheduled"),
    How.AUTO_SCHEDULE: msg("automatic schedule"),
}


def how_label(value: str) -> Msg:
    """An audit row's *how* as people read it (a value from an older or newer program: as is)."""
    from deskwfm.core.messages import verbatim

    try:
        return HOW_LABELS[How(value)]
    except ValueError:
        return verbatim(value)


def entity_label(value: str) -> Msg:
    """An audit row's *what* as people read it."""
    from deskwfm.core.messages import verbatim

    try:
        return ENTITY_LABELS[Entity(value)]
    except ValueError:
        return verbatim(value)


class _Any:
    """The ``expected`` of a change that is not compared (see the module docstring)."""

    _instance: _Any | None = None

    def __new__(cls) -> _Any:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "ANY"


ANY: Final = _Any()


@dataclass(frozen=True, slots=True)
class Change:
    """Make the row ``entity``/``key`` hold ``after`` (None: remove it).

    ``keep_note`` (shifts only): a replaced shift keeps the note the cell had."""

    entity: Entity
    key: tuple[object, ...]
    after: object | None
    expected: object | None = ANY
    keep_note: bool = False

    @property
    def checked(self) -> bool:
        return self.expected is not ANY


@dataclass(frozen=True, slots=True)
class ChangeSet:
    """Changes written together (all or nothing) and recorded as one step of the audit trail.

    ``how``: the kind of action; ``detail``: e.g. the imported file's name or the command line;
    ``reason``: asked of the user for some actions (unlocking a pay period)."""

    changes: Sequence[Change]
    how: How
    detail: str = ""
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Applied:
    """One row that changed: what it held before and holds now (None: no row)."""

    entity: Entity
    key: tuple[object, ...]
    before: object | None
    after: object | None


@dataclass(frozen=True, slots=True)
class AppliedSet:
    """What a committed change set did: the rows that changed (unchanged rows are left out)."""

    applied: list[Applied] = field(default_factory=list)
    first_audit_id: int | None = None

    def of(self, entity: Entity) -> list[Applied]:
        return [a for a in self.applied if a.entity is entity]

    def __len__(self) -> int:
        return len(self.applied)


def inverse(applied: Sequence[Applied]) -> list[Change]:
    """The changes that put rows back as they were (undo), each checked against what the
    change left there, so an edit made meanwhile elsewhere is never silently undone."""
    return [Change(a.entity, a.key, a.before, expected=a.after) for a in applied]


def replay(applied: Sequence[Applied]) -> list[Change]:
    """The changes that redo ``applied``, checked against what undo left."""
    return [Change(a.entity, a.key, a.after, expected=a.before) for a in applied]
