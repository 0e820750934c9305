"""Table mappings (SQLAlchemy 2 typed declarative). Only ``deskwfm.store`` imports this.

Storage rules: money as integer cents, durations as integer minutes, times of day as minutes
after midnight (0..1439), dates as DATE. Every row that a user edits carries a ``version``
counter that each update increments; an update naming an older version is refused.

The Alembic migrations in ``migrations/versions`` must produce exactly this schema
(``tests/store/test_migrations.py`` compares them).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class SiteRow(Base):
    """The one site of a database (id 1). ``rules`` is the RuleSet as JSON text."""

    __tablename__ = "site"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    tz: Mapped[str] = mapped_column(String(64))
    week_start: Mapped[int] = mapped_column(Integer)
    pay_period: Mapped[str] = mapped_column(String(20))
    period_anchor: Mapped[date] = mapped_column(Date)
    holiday_region: Mapped[str] = mapped_column(String(20))
    currency: Mapped[str] = mapped_column(String(8))
    rules: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Erlang C staffing targets (revision 0003)
    sl_target_pct: Mapped[int] = mapped_column(Integer, server_default="80")
    sl_target_seconds: Mapped[int] = mapped_column(Integer, server_default="20")
    max_occupancy_pct: Mapped[int] = mapped_column(Integer, server_default="90")
    shrinkage_pct: Mapped[int] = mapped_column(Integer, server_default="30")
    interval_minutes: Mapped[int] = mapped_column(Integer, server_default="30")
    # actual time: pay basis, rounding, session gap, grace periods as JSON (revision 0007)
    timekeeping: Mapped[str] = mapped_column(Text, server_default="{}")
    # automatic scheduling shapes (revision 0008): "07:00,07:30" and minutes "510,600"
    auto_starts: Mapped[str] = mapped_column(String(400), server_default="")
    auto_lengths: Mapped[str] = mapped_column(String(100), server_default="")


class EmployeeRow(Base):
    __tablename__ = "employees"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    team: Mapped[str] = mapped_column(String(100), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    contract_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    max_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # the phone system's ID for this person (revision 0007); "" for none
    login_id: Mapped[str] = mapped_column(String(100), server_default="")
    # availability (revision 0008), in core.availability's text form
    availability: Mapped[str] = mapped_column(String(200), server_default="")
    dates_off: Mapped[str] = mapped_column(Text, server_default="")


class PayRateRow(Base):
    __tablename__ = "pay_rates"
    __table_args__ = (UniqueConstraint("employee_id", "effective_from"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id", ondelete="CASCADE"))
    effective_from: Mapped[date] = mapped_column(Date)
    hourly_cents: Mapped[int] = mapped_column(Integer)


class ShiftCodeRow(Base):
    __tablename__ = "shift_codes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    start_min: Mapped[int | None] = mapped_column(Integer, nullable=True)
    end_min: Mapped[int | None] = mapped_column(Integer, nullable=True)
    break_minutes: Mapped[int] = mapped_column(Integer, default=0)
    colour: Mapped[str] = mapped_column(String(9))
    label: Mapped[str] = mapped_column(String(100), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    # paid breaks (revision 0008): how many, and minutes each
    paid_breaks: Mapped[int] = mapped_column(Integer, server_default="0")
    paid_break_minutes: Mapped[int] = mapped_column(Integer, server_default="0")


class ShiftRow(Base):
    """One grid cell: at most one shift per employee and work date. Its kind is its code's kind
    (plain time entries are work), read through the join, never stored twice."""

    __tablename__ = "shifts"
    __table_args__ = (
        UniqueConstraint("employee_id", "work_date"),
        Index("ix_shifts_work_date", "work_date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id", ondelete="CASCADE"))
    work_date: Mapped[date] = mapped_column(Date)
    start_min: Mapped[int | None] = mapped_column(Integer, nullable=True)
    end_min: Mapped[int | None] = mapped_column(Integer, nullable=True)
    break_minutes: Mapped[int] = mapped_column(Integer, default=0)
    code_id: Mapped[int | None] = mapped_column(ForeignKey("shift_codes.id"), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    # minutes after midnight the unpaid break starts; NULL = centred on the shift
    break_start_min: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # paid breaks (revision 0008): how many, minutes each, and their starts as minutes after
    # midnight ("615,900"; "" = the default places)
    paid_breaks: Mapped[int] = mapped_column(Integer, server_default="0")
    paid_break_minutes: Mapped[int] = mapped_column(Integer, server_default="0")
    paid_break_starts: Mapped[str] = mapped_column(String(100), server_default="")


class ForecastRow(Base):
    """Forecast calls and average handle time of one interval (``start_minute`` after local
    midnight of ``work_date``; the interval length is the site's ``interval_minutes``)."""

    __tablename__ = "forecast"
    __table_args__ = (UniqueConstraint("work_date", "start_minute"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    work_date: Mapped[date] = mapped_column(Date)
    start_minute: Mapped[int] = mapped_column(Integer)
    calls: Mapped[int] = mapped_column(Integer)
    aht_seconds: Mapped[int] = mapped_column(Integer)


class ChangeStampRow(Base):
    """One row (id 1): bumped by every committed write (``Store.change_stamp``), and the head of
    the audit chain (the last audit row's id and hash, revision 0006), written in the same
    transaction as the audit rows."""

    __tablename__ = "change_stamp"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    stamp: Mapped[int] = mapped_column(Integer)
    audit_last_id: Mapped[int] = mapped_column(Integer, server_default="0")
    audit_hash: Mapped[str] = mapped_column(String(64), server_default="")


class AuditBatchRow(Base):
    """Who made one change set, when and how (revision 0006). Its rows are in ``audit``."""

    __tablename__ = "audit_batches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(32))  # UTC, ISO 8601 with microseconds and Z
    actor: Mapped[str] = mapped_column(String(100))
    workstation: Mapped[str] = mapped_column(String(200))
    db_role: Mapped[str] = mapped_column(String(100), server_default="")
    how: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text, server_default="")
    reason: Mapped[str] = mapped_column(Text, server_default="")


class AuditRow(Base):
    """One changed row, append-only and hash-chained (revision 0006, see ``store/audit.py``).

    ``id`` is assigned by the writer under the write lock (no gaps, no reuse); ``hash`` covers
    this row's columns, its batch's columns and the previous row's hash. ``employee`` and
    ``day`` are copies of the key's parts for the audit window's filters and a cell's history.
    No secondary index: each would cost more on every paste and import (bench/bench_audit.py)
    than a scan costs the rare history look-up."""

    __tablename__ = "audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    batch: Mapped[int] = mapped_column(ForeignKey("audit_batches.id"))
    entity: Mapped[str] = mapped_column(String(20))
    key: Mapped[str] = mapped_column(String(200))
    employee: Mapped[str | None] = mapped_column(String(40), nullable=True)
    day: Mapped[date | None] = mapped_column(Date, nullable=True)
    before: Mapped[str | None] = mapped_column(Text, nullable=True)
    after: Mapped[str | None] = mapped_column(Text, nullable=True)
    hash: Mapped[str] = mapped_column(String(64))


class PeriodRow(Base):
    """A pay period that has been approved, locked or reopened (revision 0006). Periods never
    touched have no row and are open."""

    __tablename__ = "pay_periods"

    start: Mapped[date] = mapped_column(Date, primary_key=True)
    end: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10))  # open | locked
    lock_no: Mapped[int] = mapped_column(Integer, server_default="0")  # how many times locked
    locked_by: Mapped[str] = mapped_column(String(200), server_default="")
    locked_at: Mapped[str] = mapped_column(String(32), server_default="")
    reason: Mapped[str] = mapped_column(Text, server_default="")  # of the last unlock
    audit_head: Mapped[str] = mapped_column(String(64), server_default="")  # chain head when locked
    version: Mapped[int] = mapped_column(Integer, default=1)


class ApprovalRow(Base):
    """One employee's approval of a pay period, with the pay figures approved (JSON)."""

    __tablename__ = "approvals"
    __table_args__ = (UniqueConstraint("period_start", "employee_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id", ondelete="CASCADE"))
    approved_by: Mapped[str] = mapped_column(String(200))
    approved_at: Mapped[str] = mapped_column(String(32))
    figures: Mapped[str] = mapped_column(Text)


class SnapshotRow(Base):
    """The payroll of one employee for a pay period as it stood when the period was locked
    (``lock_no``-th lock; earlier locks' rows stay for the differences report)."""

    __tablename__ = "period_snapshots"
    __table_args__ = (UniqueConstraint("period_start", "lock_no", "employee_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period_start: Mapped[date] = mapped_column(Date)
    lock_no: Mapped[int] = mapped_column(Integer)
    employee_code: Mapped[str] = mapped_column(String(40))
    data: Mapped[str] = mapped_column(Text)


class AbsenceCodeRow(Base):
    """A site's absence or exception code for actual time (revision 0007, ``core.absence``)."""

    __tablename__ = "absence_codes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)
    label: Mapped[str] = mapped_column(String(100), server_default="")
    pay: Mapped[str] = mapped_column(String(12))  # unpaid | scheduled | fixed
    paid_minutes: Mapped[int] = mapped_column(Integer, server_default="0")
    reasonable_cause: Mapped[bool] = mapped_column(Boolean)
    counts_as_worked: Mapped[bool] = mapped_column(Boolean)
    version: Mapped[int] = mapped_column(Integer, default=1)


class ActualDayRow(Base):
    """Actual time of one employee on one work date (revision 0007, ``core.actual``): at most one
    row per employee and date, beside the schedule's shift, never over it. ``segments`` holds the
    worked times as ``start-end`` wall minutes from the work date's midnight, ``;``-separated
    (``538-723;753-1023``; an empty end is a missing logout)."""

    __tablename__ = "actual_days"
    __table_args__ = (
        UniqueConstraint("employee_id", "work_date"),
        Index("ix_actual_days_work_date", "work_date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id", ondelete="CASCADE"))
    work_date: Mapped[date] = mapped_column(Date)
    segments: Mapped[str] = mapped_column(Text, server_default="")
    break_minutes: Mapped[int] = mapped_column(Integer, server_default="0")
    absence_code_id: Mapped[int | None] = mapped_column(ForeignKey("absence_codes.id"), nullable=True)
    note: Mapped[str] = mapped_column(Text, server_default="")
    source: Mapped[str] = mapped_column(String(12))  # typed | import | confirmed
    source_detail: Mapped[str] = mapped_column(String(260), server_default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
