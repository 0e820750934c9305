"""The audit trail (append-only, hash-chained), pay periods with approvals, locks and the payroll
stored at each lock.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Audit rows are append-only. The triggers stop accidents (an UPDATE typed in a database shell);
# the hash chain (deskwfm audit verify) is what proves nothing was changed.
_SQLITE_TRIGGERS = tuple(
    f"CREATE TRIGGER {table}_append_only_{op_} BEFORE {op_.upper()} ON {table} "
    "BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END"
    for table in ("audit", "audit_batches") for op_ in ("update", "delete")
)
_PG_TRIGGERS = (
    "CREATE FUNCTION deskwfm_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION 'audit rows are append-only'; END $$",
    *(
        f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION deskwfm_audit_append_only()"
        for table in ("audit", "audit_batches")
    ),
)


def upgrade() -> None:
    with op.batch_alter_table("change_stamp") as batch:
        batch.add_column(sa.Column("audit_last_id", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("audit_hash", sa.String(64), nullable=False, server_default=""))
    op.create_table(
        "audit_batches",
        sa.Column("id", sa.Integer(), nullable=False, autoincrement=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("workstation", sa.String(200), nullable=False),
        sa.Column("db_role", sa.String(100), nullable=False, server_default=""),
        sa.Column("how", sa.String(40), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False, server_default=""),
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name="pk_audit_batches"),
    )
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), nullable=False, autoincrement=False),
        sa.Column("batch", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(20), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("employee", sa.String(40), nullable=True),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(["batch"], ["audit_batches.id"], name="fk_audit_batch_audit_batches"),
        sa.PrimaryKeyConstraint("id", name="pk_audit"),
    )
    op.create_table(
        "pay_periods",
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("lock_no", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("locked_by", sa.String(200), nullable=False, server_default=""),
        sa.Column("locked_at", sa.String(32), nullable=False, server_default=""),
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("audit_head", sa.String(64), nullable=False, server_default=""),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("start", name="pk_pay_periods"),
    )
    op.create_table(
        "approvals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("approved_by", sa.String(200), nullable=False),
        sa.Column("approved_at", sa.String(32), nullable=False),
        sa.Column("figures", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["employee_id"], ["employees.id"], name="fk_approvals_employee_id_employees",
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_approvals"),
        sa.UniqueConstraint("period_start", "employee_id", name="uq_approvals_period_start"),
    )
    op.create_table(
        "period_snapshots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("lock_no", sa.Integer(), nullable=False),
        sa.Column("employee_code", sa.String(40), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_period_snapshots"),
        sa.UniqueConstraint(
            "period_start", "lock_no", "employee_code", name="uq_period_snapshots_period_start"
        ),
    )
    triggers = _SQLITE_TRIGGERS if op.get_bind().dialect.name == "sqlite" else _PG_TRIGGERS
    for statement in triggers:
        op.execute(statement)


def downgrade() -> None:
    for table in ("audit", "audit_batches"):
        if op.get_bind().dialect.name == "sqlite":
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only_update")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only_delete")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
    if op.get_bind().dialect.name != "sqlite":
        op.execute("DROP FUNCTION IF EXISTS deskwfm_audit_append_only()")
    op.drop_table("period_snapshots")
    op.drop_table("approvals")
    op.drop_table("pay_periods")
    op.drop_table("audit")
    op.drop_table("audit_batches")
    with op.batch_alter_table("change_stamp") as batch:
        batch.drop_column("audit_hash")
        batch.drop_column("audit_last_id")
