"""Call forecast per interval, and the site's Erlang C staffing targets.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_SITE_COLUMNS = (
    ("sl_target_pct", "80"),
    ("sl_target_seconds", "20"),
    ("max_occupancy_pct", "90"),
    ("shrinkage_pct", "30"),
    ("interval_minutes", "30"),
)


def upgrade() -> None:
    with op.batch_alter_table("site") as batch:
        for name, default in _SITE_COLUMNS:
            batch.add_column(sa.Column(name, sa.Integer(), nullable=False, server_default=default))
    op.create_table(
        "forecast",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("work_date", sa.Date(), nullable=False),
        sa.Column("start_minute", sa.Integer(), nullable=False),
        sa.Column("calls", sa.Integer(), nullable=False),
        sa.Column("aht_seconds", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_forecast"),
        sa.UniqueConstraint("work_date", "start_minute", name="uq_forecast_work_date"),
    )


def downgrade() -> None:
    op.drop_table("forecast")
    with op.batch_alter_table("site") as batch:
        for name, _ in reversed(_SITE_COLUMNS):
            batch.drop_column(name)
