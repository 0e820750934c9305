"""A site's staffing targets (whole percents, so they store and compare exactly)."""

from __future__ import annotations

from dataclasses import dataclass

from deskwfm.core.errors import InputError

INTERVALS: tuple[int, ...] = (15, 30, 60)


@dataclass(frozen=True, slots=True)
class StaffingTargets:
    sl_target_pct: int = 80  # share of calls answered within sl_target_seconds
    sl_target_seconds: int = 20
    max_occupancy_pct: int = 90
    shrinkage_pct: int = 30
    interval_minutes: int = 30

    def check(self) -> StaffingTargets:
        """InputError naming the first target out of range."""
        if not 1 <= self.sl_target_pct <= 99:
            raise InputError(f"service-level target {self.sl_target_pct} % must be 1 to 99 %")
        if not 1 <= self.sl_target_seconds <= 3600:
            raise InputError(f"service-level time {self.sl_target_seconds} s must be 1 to 3600 seconds")
        if not 10 <= self.max_occupancy_pct <= 100:
            raise InputError(f"maximum occupancy {self.max_occupancy_pct} % must be 10 to 100 %")
        if not 0 <= self.shrinkage_pct <= 90:
            raise InputError(f"shrinkage {self.shrinkage_pct} % must be 0 to 90 %")
        if self.interval_minutes not in INTERVALS:
            raise InputError(f"staffing interval {self.interval_minutes} min must be 15, 30 or 60 minutes")
        return self

    def needed(self, calls: int, aht_seconds: int) -> int:
        """Agents to schedule for one interval of ``calls`` (Erlang C staffing)."""
        from deskwfm.core.staffing import agents_needed

        return agents_needed(
            calls, aht_seconds, self.interval_minutes, self.sl_target_pct / 100, self.sl_target_seconds,
            self.max_occupancy_pct / 100, self.shrinkage_pct / 100,
        )
