"""Initial schema: site, employees, pay rates, shift codes, shifts.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "site",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("tz", sa.String(64), nullable=False),
        sa.Column("week_start", sa.Integer(), nullable=False),
        sa.Column("pay_period", sa.String(20), nullable=False),
        sa.Column("period_anchor", sa.Date(), nullable=False),
        sa.Column("holiday_region", sa.String(20), nullable=False),
        sa.Column("currency", sa.String(8), nullable=False),
        sa.Column("rules", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_site"),
    )
    op.create_table(
        "employees",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("team", sa.String(100), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("contract_minutes", sa.Integer(), nullable=True),
        sa.Column("max_minutes", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_employees"),
        sa.UniqueConstraint("code", name="uq_employees_code"),
    )
    op.create_table(
        "shift_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(12), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("start_min", sa.Integer(), nullable=True),
        sa.Column("end_min", sa.Integer(), nullable=True),
        sa.Column("break_minutes", sa.Integer(), nullable=False),
        sa.Column("colour", sa.String(9), nullable=False),
        sa.Column("label", sa.String(100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_shift_codes"),
        sa.UniqueConstraint("code", name="uq_shift_codes_code"),
    )
    op.create_table(
        "pay_rates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("hourly_cents", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["employee_id"], ["employees.id"], name="fk_pay_rates_employee_id_employees", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_pay_rates"),
        sa.UniqueConstraint("employee_id", "effective_from", name="uq_pay_rates_employee_id"),
    )
    op.create_table(
        "shifts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.Integer(), nullable=False),
        sa.Column("work_date", sa.Date(), nullable=False),
        sa.Column("start_min", sa.Integer(), nullable=True),
        sa.Column("end_min", sa.Integer(), nullable=True),
        sa.Column("break_minutes", sa.Integer(), nullable=False),
        sa.Column("code_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["code_id"], ["shift_codes.id"], name="fk_shifts_code_id_shift_codes"),
        sa.ForeignKeyConstraint(
            ["employee_id"], ["employees.id"], name="fk_shifts_employee_id_employees", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_shifts"),
        sa.UniqueConstraint("employee_id", "work_date", name="uq_shifts_employee_id"),
    )


def downgrade() -> None:
    op.drop_table("shifts")
    op.drop_table("pay_rates")
    op.drop_table("shift_codes")
    op.drop_table("employees")
    op.drop_table("site")
