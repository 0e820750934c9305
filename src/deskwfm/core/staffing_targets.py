"""A site's staffing targets (whole percents, so they store and compare exactly)."""

from __future__ import annotations

from dataclasses import dataclass

from deskwfm.core.fields import Field, FieldError
from deskwfm.core.messages import msg

INTERVALS: tuple[int, ...] = (15, 30, 60)
# The allowed range of each target (the dialog's spin boxes take theirs from here).
RANGES: dict[Field, tuple[int, int]] = {
    Field.SL_TARGET_PCT: (1, 99),
    Field.SL_TARGET_SECONDS: (1, 3600),
    Field.MAX_OCCUPANCY_PCT: (10, 100),
    Field.SHRINKAGE_PCT: (0, 90),
}


@dataclass(frozen=True, slots=True)
class StaffingTargets:
    sl_target_pct: int = 80  # share of calls answered within sl_target_seconds
    sl_target_seconds: int = 20
    max_occupancy_pct: int = 90
    shrinkage_pct: int = 30
    interval_minutes: int = 30

    def check(self) -> StaffingTargets:
        """FieldError naming the first target out of range."""
        for field, value, unit in (
            (Field.SL_TARGET_PCT, self.sl_target_pct, "%"),
            (Field.SL_TARGET_SECONDS, self.sl_target_seconds, "s"),
            (Field.MAX_OCCUPANCY_PCT, self.max_occupancy_pct, "%"),
            (Field.SHRINKAGE_PCT, self.shrinkage_pct, "%"),
        ):
            low, high = RANGES[field]
            if not low <= value <= high:
                raise FieldError(
                    field,
                    msg("{value} {unit} is outside {low} to {high} {unit}", value=value, unit=unit, low=low,
                        high=high),
                )
        if self.interval_minutes not in INTERVALS:
            raise FieldError(
                Field.INTERVAL_MINUTES,
                msg("{value} minutes is not one of 15, 30 or 60 minutes", value=self.interval_minutes),
            )
        return self

    def needed(self, calls: int, aht_seconds: int) -> int:
        """Agents to schedule for one interval of ``calls`` (Erlang C staffing)."""
        from deskwfm.core.staffing import agents_needed

        return agents_needed(
            calls, aht_seconds, self.interval_minutes, self.sl_target_pct / 100, self.sl_target_seconds,
            self.max_occupancy_pct / 100, self.shrinkage_pct / 100,
        )
