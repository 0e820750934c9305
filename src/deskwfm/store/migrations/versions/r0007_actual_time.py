"""Actual time worked: one row per employee and work date beside the schedule, the site's absence
codes, employees' login IDs and the site's timekeeping settings. A database that already holds a
centre gets the default absence codes (a new one gets them from ``deskwfm init``, audited).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# The defaults of this revision, as data (core.absence.DEFAULT_ABSENCE_CODES may change later).
_DEFAULT_CODES = (
    # code, label, pay, reasonable cause, counts as worked
    ("SICK", "Sick (unpaid)", "unpaid", True, False),
    ("SICKP", "Sick (paid)", "scheduled", True, False),
    ("NS", "No-show (no reasonable cause)", "unpaid", False, False),
    ("LATE", "Late or left early with reason", "unpaid", True, False),
    ("BRV", "Bereavement", "scheduled", True, False),
    ("PERS", "Personal emergency (unpaid)", "unpaid", True, False),
    ("TRN", "Training off the phones", "scheduled", True, True),
)


def upgrade() -> None:
    with op.batch_alter_table("employees") as batch:
        batch.add_column(sa.Column("login_id", sa.String(100), nullable=False, server_default=""))
    with op.batch_alter_table("site") as batch:
        batch.add_column(sa.Column("timekeeping", sa.Text(), nullable=False, server_default="{}"))
    codes = op.create_table(
        "absence_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(12), nullable=False),
        sa.Column("label", sa.String(100), nullable=False, server_default=""),
        sa.Column("pay", sa.String(12), nullable=False),
        sa.Column("paid_minutes", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("reasonable_cause", sa.Boolean(), nullable=False),
        sa.Column("counts_as_worked", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_absence_codes"),
        sa.UniqueConstraint("code", name="uq_absence_codes_code"),
    )
    op.create_table(
        "actual_days",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("work_date", sa.Date(), nullable=False),
        sa.Column("segments", sa.Text(), nullable=False, server_default=""),
        sa.Column("break_minutes", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("absence_code_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("source", sa.String(12), nullable=False),
        sa.Column("source_detail", sa.String(260), nullable=False, server_default=""),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["employee_id"], ["employees.id"], name="fk_actual_days_employee_id_employees", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["absence_code_id"], ["absence_codes.id"], name="fk_actual_days_absence_code_id_absence_codes"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_actual_days"),
        sa.UniqueConstraint("employee_id", "work_date", name="uq_actual_days_employee_id"),
    )
    op.create_index("ix_actual_days_work_date", "actual_days", ["work_date"])
    has_site = op.get_bind().execute(sa.text("SELECT COUNT(*) FROM site")).scalar()
    if has_site:
        op.bulk_insert(
            codes,
            [
                {
                    "code": c, "label": label, "pay": pay, "paid_minutes": 0, "reasonable_cause": cause,
                    "counts_as_worked": worked, "version": 1,
                }
                for c, label, pay, cause, worked in _DEFAULT_CODES
            ],
        )


def downgrade() -> None:
    op.drop_index("ix_actual_days_work_date", table_name="actual_days")
    op.drop_table("actual_days")
    op.drop_table("absence_codes")
    with op.batch_alter_table("site") as batch:
        batch.drop_column("timekeeping")
    with op.batch_alter_table("employees") as batch:
        batch.drop_column("login_id")
