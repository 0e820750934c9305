"""Shift notes, and an index on shifts.work_date for range loads (grid, payroll).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("shifts") as batch:
        batch.add_column(sa.Column("note", sa.Text(), nullable=False, server_default=""))
    op.create_index("ix_shifts_work_date", "shifts", ["work_date"])


def downgrade() -> None:
    op.drop_index("ix_shifts_work_date", table_name="shifts")
    with op.batch_alter_table("shifts") as batch:
        batch.drop_column("note")
