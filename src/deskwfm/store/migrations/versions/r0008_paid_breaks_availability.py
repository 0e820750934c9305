"""Paid breaks on shift codes and shifts, employee availability, automatic-scheduling shapes.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("shift_codes") as batch:
        batch.add_column(sa.Column("paid_breaks", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(sa.Column("paid_break_minutes", sa.Integer(), server_default="0", nullable=False))
    with op.batch_alter_table("shifts") as batch:
        batch.add_column(sa.Column("paid_breaks", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(sa.Column("paid_break_minutes", sa.Integer(), server_default="0", nullable=False))
        batch.add_column(sa.Column("paid_break_starts", sa.String(100), server_default="", nullable=False))
    with op.batch_alter_table("employees") as batch:
        batch.add_column(sa.Column("availability", sa.String(200), server_default="", nullable=False))
        batch.add_column(sa.Column("dates_off", sa.Text(), server_default="", nullable=False))
    with op.batch_alter_table("site") as batch:
        batch.add_column(sa.Column("auto_starts", sa.String(400), server_default="", nullable=False))
        batch.add_column(sa.Column("auto_lengths", sa.String(100), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("site") as batch:
        batch.drop_column("auto_lengths")
        batch.drop_column("auto_starts")
    with op.batch_alter_table("employees") as batch:
        batch.drop_column("dates_off")
        batch.drop_column("availability")
    with op.batch_alter_table("shifts") as batch:
        batch.drop_column("paid_break_starts")
        batch.drop_column("paid_break_minutes")
        batch.drop_column("paid_breaks")
    with op.batch_alter_table("shift_codes") as batch:
        batch.drop_column("paid_break_minutes")
        batch.drop_column("paid_breaks")
