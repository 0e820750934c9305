"""Table definitions (SQLAlchemy Core). Only ``deskwfm.store`` imports this.

Storage rules: money as integer cents, durations as integer minutes, times of day as minutes
after midnight (0..1439), dates as DATE. Every row that a user edits carries a ``version``
counter that each update increments; an update naming an older version is refused.

Core ``Table`` objects rather than ORM classes: the store never maps rows to objects (it builds
core objects itself, ``store/rows.py``), and importing ``sqlalchemy.orm`` would add about 70 ms
to every start of the window. The Alembic migrations in ``migrations/versions`` must produce
exactly this schema (``tests/store/test_migrations.py`` compares them).
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)


def _id() -> Column[int]:
    return Column("id", Integer, primary_key=True)


def _version() -> Column[int]:
    """The row's edit counter (see the module docstring)."""
    return Column("version", Integer, nullable=False, default=1)


# The one site of a database (id 1). ``rules`` is the RuleSet as JSON text.
SITE = Table(
    "site",
    metadata,
    _id(),
    Column("name", String(200), nullable=False),
    Column("tz", String(64), nullable=False),
    Column("week_start", Integer, nullable=False),
    Column("pay_period", String(20), nullable=False),
    Column("period_anchor", Date, nullable=False),
    Column("holiday_region", String(20), nullable=False),
    Column("currency", String(8), nullable=False),
    Column("rules", Text, nullable=False),
    _version(),
    # Erlang C staffing targets (revision 0003)
    Column("sl_target_pct", Integer, nullable=False, server_default="80"),
    Column("sl_target_seconds", Integer, nullable=False, server_default="20"),
    Column("max_occupancy_pct", Integer, nullable=False, server_default="90"),
    Column("shrinkage_pct", Integer, nullable=False, server_default="30"),
    Column("interval_minutes", Integer, nullable=False, server_default="30"),
    # actual time: pay basis, rounding, session gap, grace periods as JSON (revision 0007)
    Column("timekeeping", Text, nullable=False, server_default="{}"),
    # automatic scheduling shapes (revision 0008): "07:00,07:30" and minutes "510,600"
    Column("auto_starts", String(400), nullable=False, server_default=""),
    Column("auto_lengths", String(100), nullable=False, server_default=""),
)

EMPLOYEES = Table(
    "employees",
    metadata,
    _id(),
    Column("code", String(40), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("team", String(100), nullable=False, default=""),
    Column("active", Boolean, nullable=False, default=True),
    Column("contract_minutes", Integer, nullable=True),
    Column("max_minutes", Integer, nullable=True),
    _version(),
    # the phone system's ID for this person (revision 0007); "" for none
    Column("login_id", String(100), nullable=False, server_default=""),
    # availability (revision 0008), in core.availability's text form
    Column("availability", String(200), nullable=False, server_default=""),
    Column("dates_off", Text, nullable=False, server_default=""),
)

PAY_RATES = Table(
    "pay_rates",
    metadata,
    _id(),
    Column("employee_id", Integer, ForeignKey("employees.id", ondelete="CASCADE"), nullable=False),
    Column("effective_from", Date, nullable=False),
    Column("hourly_cents", Integer, nullable=False),
    UniqueConstraint("employee_id", "effective_from"),
)

SHIFT_CODES = Table(
    "shift_codes",
    metadata,
    _id(),
    Column("code", String(12), nullable=False, unique=True),
    Column("kind", String(20), nullable=False),
    Column("start_min", Integer, nullable=True),
    Column("end_min", Integer, nullable=True),
    Column("break_minutes", Integer, nullable=False, default=0),
    Column("colour", String(9), nullable=False),
    Column("label", String(100), nullable=False, default=""),
    _version(),
    # paid breaks (revision 0008): how many, and minutes each
    Column("paid_breaks", Integer, nullable=False, server_default="0"),
    Column("paid_break_minutes", Integer, nullable=False, server_default="0"),
)

# One grid cell: at most one shift per employee and work date. Its kind is its code's kind
# (plain time entries are work), read through the join, never stored twice.
SHIFTS = Table(
    "shifts",
    metadata,
    _id(),
    Column("employee_id", Integer, ForeignKey("employees.id", ondelete="CASCADE"), nullable=False),
    Column("work_date", Date, nullable=False),
    Column("start_min", Integer, nullable=True),
    Column("end_min", Integer, nullable=True),
    Column("break_minutes", Integer, nullable=False, default=0),
    Column("code_id", Integer, ForeignKey("shift_codes.id"), nullable=True),
    Column("note", Text, nullable=False, default="", server_default=""),
    _version(),
    # minutes after midnight the unpaid break starts; NULL = centred on the shift
    Column("break_start_min", Integer, nullable=True),
    # paid breaks (revision 0008): how many, minutes each, and their starts as minutes after
    # midnight ("615,900"; "" = the default places)
    Column("paid_breaks", Integer, nullable=False, server_default="0"),
    Column("paid_break_minutes", Integer, nullable=False, server_default="0"),
    Column("paid_break_starts", String(100), nullable=False, server_default=""),
    UniqueConstraint("employee_id", "work_date"),
    Index("ix_shifts_work_date", "work_date"),
)

# Forecast calls and average handle time of one interval (``start_minute`` after local
# midnight of ``work_date``; the interval length is the site's ``interval_minutes``).
FORECAST = Table(
    "forecast",
    metadata,
    _id(),
    Column("work_date", Date, nullable=False),
    Column("start_minute", Integer, nullable=False),
    Column("calls", Integer, nullable=False),
    Column("aht_seconds", Integer, nullable=False),
    UniqueConstraint("work_date", "start_minute"),
)

# One row (id 1): bumped by every committed write (``Store.change_stamp``), and the head of
# the audit chain (the last audit row's id and hash, revision 0006), written in the same
# transaction as the audit rows.
CHANGE_STAMP = Table(
    "change_stamp",
    metadata,
    _id(),
    Column("stamp", Integer, nullable=False),
    Column("audit_last_id", Integer, nullable=False, server_default="0"),
    Column("audit_hash", String(64), nullable=False, server_default=""),
)

# Who made one change set, when and how (revision 0006). Its rows are in ``audit``.
AUDIT_BATCHES = Table(
    "audit_batches",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("at", String(32), nullable=False),  # UTC, ISO 8601 with microseconds and Z
    Column("actor", String(100), nullable=False),
    Column("workstation", String(200), nullable=False),
    Column("db_role", String(100), nullable=False, server_default=""),
    Column("how", String(40), nullable=False),
    Column("detail", Text, nullable=False, server_default=""),
    Column("reason", Text, nullable=False, server_default=""),
)

# One changed row, append-only and hash-chained (revision 0006, see ``store/audit.py``).
# ``id`` is assigned by the writer under the write lock (no gaps, no reuse); ``hash`` covers
# this row's columns, its batch's columns and the previous row's hash. ``employee`` and
# ``day`` are copies of the key's parts for the audit window's filters and a cell's history.
# No secondary index: each would cost more on every paste and import (bench/bench_audit.py)
# than a scan costs the rare history look-up.
AUDIT = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("batch", Integer, ForeignKey("audit_batches.id"), nullable=False),
    Column("entity", String(20), nullable=False),
    Column("key", String(200), nullable=False),
    Column("employee", String(40), nullable=True),
    Column("day", Date, nullable=True),
    Column("before", Text, nullable=True),
    Column("after", Text, nullable=True),
    Column("hash", String(64), nullable=False),
)

# A pay period that has been approved, locked or reopened (revision 0006). Periods never
# touched have no row and are open.
PAY_PERIODS = Table(
    "pay_periods",
    metadata,
    Column("start", Date, primary_key=True),
    Column("end", Date, nullable=False),
    Column("status", String(10), nullable=False),  # open | locked
    Column("lock_no", Integer, nullable=False, server_default="0"),  # how many times locked
    Column("locked_by", String(200), nullable=False, server_default=""),
    Column("locked_at", String(32), nullable=False, server_default=""),
    Column("reason", Text, nullable=False, server_default=""),  # of the last unlock
    Column("audit_head", String(64), nullable=False, server_default=""),  # chain head when locked
    _version(),
)

# One employee's approval of a pay period, with the pay figures approved (JSON).
APPROVALS = Table(
    "approvals",
    metadata,
    _id(),
    Column("period_start", Date, nullable=False),
    Column("period_end", Date, nullable=False),
    Column("employee_id", Integer, ForeignKey("employees.id", ondelete="CASCADE"), nullable=False),
    Column("approved_by", String(200), nullable=False),
    Column("approved_at", String(32), nullable=False),
    Column("figures", Text, nullable=False),
    UniqueConstraint("period_start", "employee_id"),
)

# The payroll of one employee for a pay period as it stood when the period was locked
# (``lock_no``-th lock; earlier locks' rows stay for the differences report).
PERIOD_SNAPSHOTS = Table(
    "period_snapshots",
    metadata,
    _id(),
    Column("period_start", Date, nullable=False),
    Column("lock_no", Integer, nullable=False),
    Column("employee_code", String(40), nullable=False),
    Column("data", Text, nullable=False),
    UniqueConstraint("period_start", "lock_no", "employee_code"),
)

# A site's absence or exception code for actual time (revision 0007, ``core.absence``).
ABSENCE_CODES = Table(
    "absence_codes",
    metadata,
    _id(),
    Column("code", String(12), nullable=False, unique=True),
    Column("label", String(100), nullable=False, server_default=""),
    Column("pay", String(12), nullable=False),  # unpaid | scheduled | fixed
    Column("paid_minutes", Integer, nullable=False, server_default="0"),
    Column("reasonable_cause", Boolean, nullable=False),
    Column("counts_as_worked", Boolean, nullable=False),
    _version(),
)

# Actual time of one employee on one work date (revision 0007, ``core.actual``): at most one
# row per employee and date, beside the schedule's shift, never over it. ``segments`` holds the
# worked times as ``start-end`` wall minutes from the work date's midnight, ``;``-separated
# (``538-723;753-1023``; an empty end is a missing logout).
ACTUAL_DAYS = Table(
    "actual_days",
    metadata,
    _id(),
    Column("employee_id", Integer, ForeignKey("employees.id", ondelete="CASCADE"), nullable=False),
    Column("work_date", Date, nullable=False),
    Column("segments", Text, nullable=False, server_default=""),
    Column("break_minutes", Integer, nullable=False, server_default="0"),
    Column("absence_code_id", Integer, ForeignKey("absence_codes.id"), nullable=True),
    Column("note", Text, nullable=False, server_default=""),
    Column("source", String(12), nullable=False),  # typed | import | confirmed
    Column("source_detail", String(260), nullable=False, server_default=""),
    _version(),
    UniqueConstraint("employee_id", "work_date"),
    Index("ix_actual_days_work_date", "work_date"),
)
