"""What a run proposes: the new shifts, the lower bound they are measured against, the cost of
each soft rule, and how long it took."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from deskwfm.core.model import Shift
from deskwfm.core.warnings import RuleWarning
from deskwfm.scheduler.rostering import Soft


class Outcome(StrEnum):
    DONE = "done"  # every week solved (optimal or at the time limit)
    CANCELLED = "cancelled"  # stopped by the user: the weeks solved so far
    PARTIAL = "partial"  # a week found no schedule in its time (no shifts proposed for it)


@dataclass(frozen=True, slots=True)
class Proposal:
    shifts: list[Shift]
    outcome: Outcome
    # Under-coverage in call-weighted agent-minutes: stage one's bound (no schedule of these
    # people can do better) and this proposal's.
    lower_bound: int
    weighted_short: int
    costs: dict[Soft, int] = field(default_factory=dict)
    dropped: list[RuleWarning] = field(default_factory=list)  # shifts left out by the final check
    first_seconds: float = 0.0  # to a first complete schedule (each solve's first solution)
    seconds: float = 0.0
    options: int = 0  # shifts considered (shapes x days)
    no_forecast: tuple[date, ...] = ()  # days of the range without a forecast: left alone

    @property
    def gap(self) -> float | None:
        """How far above the bound the proposal's under-coverage is (0.02 = 2 %)."""
        if self.lower_bound <= 0:
            return None if self.weighted_short else 0.0
        return (self.weighted_short - self.lower_bound) / self.lower_bound
