"""Which view of the grid is shown: the plan, what was recorded, or the difference."""

from __future__ import annotations

from enum import StrEnum

from deskwfm.core.messages import N_


class GridMode(StrEnum):
    """What the grid's cells show: the plan, what was recorded, or the difference."""

    SCHEDULE = "schedule"
    ACTUAL = "actual"
    VARIANCE = "variance"

    @property
    def label(self) -> str:
        """The English label (shown through ``tr``)."""
        return _LABELS[self]

    @property
    def records_actual(self) -> bool:
        """Typing, pasting, filling and clearing change actual time (not the plan)."""
        return self is not GridMode.SCHEDULE


_LABELS = {
    GridMode.SCHEDULE: N_("Schedule"),
    GridMode.ACTUAL: N_("Actual"),
    GridMode.VARIANCE: N_("Variance"),
}
